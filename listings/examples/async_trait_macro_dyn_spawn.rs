use async_trait::async_trait;
use std::sync::Arc;
use tokio::task::JoinHandle;

// ANCHOR: trait
#[async_trait]
trait Database: Send + Sync {
    async fn row_count(&self, table: &str) -> usize;
}

fn spawn_count(db: Arc<dyn Database>) -> JoinHandle<usize> {
    tokio::spawn(async move { db.row_count("users").await })
}
// ANCHOR_END: trait

/// A stand-in that reports the same count for every table.
struct Fixed(usize);

#[async_trait]
impl Database for Fixed {
    async fn row_count(&self, _table: &str) -> usize {
        self.0
    }
}

#[tokio::main]
async fn main() {
    let rows = spawn_count(Arc::new(Fixed(3))).await.unwrap();
    assert_eq!(rows, 3);
    println!("{rows} rows");
}
