use async_trait::async_trait;
use std::sync::Arc;

// ANCHOR: trait
#[async_trait]
trait Database: Send + Sync {
    async fn query(&self, sql: &str) -> usize;
}

async fn count_users(db: Arc<dyn Database>) -> usize {
    let task = tokio::spawn(async move { db.query("SELECT * FROM users").await });
    task.await.unwrap()
}
// ANCHOR_END: trait

struct Fake;

#[async_trait]
impl Database for Fake {
    async fn query(&self, sql: &str) -> usize {
        sql.len()
    }
}

#[tokio::main]
async fn main() {
    let n = count_users(Arc::new(Fake)).await;
    assert_eq!(n, "SELECT * FROM users".len());
    println!("{n}");
}
