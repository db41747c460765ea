use async_trait::async_trait;
use std::sync::Arc;
use tokio::task::JoinHandle;

#[async_trait]
trait Database: Send {
    async fn row_count(&self, table: &str) -> usize;
}

fn spawn_count(db: Arc<dyn Database>) -> JoinHandle<usize> {
    tokio::spawn(async move { db.row_count("users").await })
}

fn main() {}
