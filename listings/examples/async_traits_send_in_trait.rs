// ANCHOR: trait
#![deny(async_fn_in_trait)]

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use tokio::task::JoinHandle;

pub trait Store {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> + Send;
}

struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl Store for MemoryStore {
    // An impl may still write `async fn`; its future must be Send.
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

fn spawn_get<S>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>>
where
    S: Store + Send + Sync + 'static,
{
    tokio::spawn(async move { store.get(key).await })
}
// ANCHOR_END: trait

#[tokio::main]
async fn main() {
    let store = Arc::new(MemoryStore {
        rows: HashMap::from([(1, "Ada".to_string())]),
    });
    let found = spawn_get(Arc::clone(&store), 1).await.unwrap();
    assert_eq!(found.as_deref(), Some("Ada"));
    assert_eq!(spawn_get(store, 2).await.unwrap(), None);
    println!("{found:?}");
}
