use async_trait::async_trait;
use std::sync::Arc;

#[async_trait]
trait Database: Send {
    async fn query(&self, sql: &str) -> usize;
}

async fn count_users(db: Arc<dyn Database>) -> usize {
    let task = tokio::spawn(async move { db.query("SELECT * FROM users").await });
    task.await.unwrap()
}

fn main() {}
