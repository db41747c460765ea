// ANCHOR: trait
use async_trait::async_trait;
use std::collections::HashMap;
use std::sync::Arc;

#[async_trait]
trait Store: Send + Sync {
    async fn get(&self, key: u32) -> Option<String>;
}

struct MemoryStore {
    rows: HashMap<u32, String>,
}

#[async_trait]
impl Store for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

async fn spawn_get(store: Arc<dyn Store>, key: u32) -> Option<String> {
    tokio::spawn(async move { store.get(key).await })
        .await
        .unwrap()
}
// ANCHOR_END: trait

#[tokio::main]
async fn main() {
    let store: Arc<dyn Store> = Arc::new(MemoryStore {
        rows: HashMap::from([(1, "Ada".to_string())]),
    });
    let found = spawn_get(store, 1).await;
    assert_eq!(found.as_deref(), Some("Ada"));
    println!("{found:?}");
}
