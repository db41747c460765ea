// ANCHOR: trait
#![deny(async_fn_in_trait)]

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use tokio::task::JoinHandle;

// Adds a trait `Store`: `LocalStore` with `+ Send` on every future and `Send`
// as a supertrait; and `impl<T: Store> LocalStore for T`.
#[trait_variant::make(Store: Send)]
pub trait LocalStore {
    async fn get(&self, key: u32) -> Option<String>;
}
// ANCHOR_END: trait

// ANCHOR: send
struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl Store for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

// No `S: Send` here: `Send` is a supertrait of `Store`.
fn spawn_get<S: Store + Sync + 'static>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>> {
    tokio::spawn(async move { store.get(key).await })
}
// ANCHOR_END: send

// ANCHOR: local
struct CountingStore {
    rows: HashMap<u32, String>,
    hits: Rc<Cell<u32>>,
}

impl LocalStore for CountingStore {
    async fn get(&self, key: u32) -> Option<String> {
        let hits = Rc::clone(&self.hits);
        tokio::task::yield_now().await;
        hits.set(hits.get() + 1);
        self.rows.get(&key).cloned()
    }
}

// Takes both kinds: every `Store` is a `LocalStore` too.
async fn get_one<S: LocalStore>(store: &S) -> Option<String> {
    store.get(1).await
}
// ANCHOR_END: local

#[tokio::main]
async fn main() {
    let rows = HashMap::from([(1, "Ada".to_string())]);
    let memory = Arc::new(MemoryStore { rows: rows.clone() });
    let spawned = spawn_get(Arc::clone(&memory), 1).await.unwrap();
    assert_eq!(spawned.as_deref(), Some("Ada"));
    assert_eq!(get_one(&*memory).await.as_deref(), Some("Ada"));

    let counting = CountingStore {
        rows,
        hits: Rc::new(Cell::new(0)),
    };
    assert_eq!(get_one(&counting).await.as_deref(), Some("Ada"));
    assert_eq!(counting.hits.get(), 1);
    println!("{spawned:?}, {} local hit", counting.hits.get());
}
