// ANCHOR: trait
#![deny(async_fn_in_trait)]

use std::collections::HashMap;
use std::sync::Arc;
use tokio::task::JoinHandle;

// Rewritten in place: `pub trait Store: Send`, and `get` returns
// `impl Future<Output = Option<String>> + Send`. No second trait.
#[trait_variant::make(Send)]
pub trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl Store for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

fn spawn_get<S: Store + Sync + 'static>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>> {
    tokio::spawn(async move { store.get(key).await })
}
// ANCHOR_END: trait

#[tokio::main]
async fn main() {
    let store = Arc::new(MemoryStore {
        rows: HashMap::from([(1, "Ada".to_string())]),
    });
    let name = spawn_get(store, 1).await.unwrap();
    assert_eq!(name.as_deref(), Some("Ada"));
    println!("{name:?}");
}
