#![deny(async_fn_in_trait)]

use std::cell::Cell;
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use tokio::task::JoinHandle;

// ANCHOR: trait
#[trait_variant::make(Store: Send)]
pub trait LocalStore {
    async fn get(&self, key: u32) -> Option<String>;

    // `Sync` asked of this method only, not of the trait: trait-variant copies it into
    // `Store`, and a `!Sync` type still implements `LocalStore`, without this method.
    fn get_or(&self, key: u32, fallback: String) -> impl Future<Output = String>
    where
        Self: Sync,
    {
        async move { self.get(key).await.unwrap_or(fallback) }
    }
}
// ANCHOR_END: trait

// ANCHOR: use
struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl Store for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

// `MemoryStore` is `Sync`, so it has `get_or`, and its future is `Send`.
fn spawn_get_or<S: Store + Sync + 'static>(store: Arc<S>, key: u32) -> JoinHandle<String> {
    tokio::spawn(async move { store.get_or(key, "nobody".to_string()).await })
}

// Not `Sync` (an `Rc`), and still a `LocalStore`: `get` works; calling `get_or` is an error.
struct CountingStore {
    rows: HashMap<u32, String>,
    hits: Rc<Cell<u32>>,
}

impl LocalStore for CountingStore {
    async fn get(&self, key: u32) -> Option<String> {
        self.hits.set(self.hits.get() + 1);
        self.rows.get(&key).cloned()
    }
}
// ANCHOR_END: use

#[tokio::main]
async fn main() {
    let rows = HashMap::from([(1, "Ada".to_string())]);
    let memory = Arc::new(MemoryStore { rows: rows.clone() });
    assert_eq!(spawn_get_or(Arc::clone(&memory), 1).await.unwrap(), "Ada");
    assert_eq!(spawn_get_or(memory, 2).await.unwrap(), "nobody");

    let counting = CountingStore {
        rows,
        hits: Rc::new(Cell::new(0)),
    };
    assert_eq!(counting.get(1).await.as_deref(), Some("Ada"));
    assert_eq!(counting.hits.get(), 1);
    println!("Ada, nobody, 1 local hit");
}
