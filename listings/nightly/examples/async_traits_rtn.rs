#![feature(return_type_notation)]

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use tokio::task::JoinHandle;

// ANCHOR: trait
// The trait says nothing about Send.
trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

// The caller that spawns asks for it: "the future of `S::get` is Send".
fn spawn_get<S>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>>
where
    S: Store + Send + Sync + 'static,
    S::get(..): Send,
{
    tokio::spawn(async move { store.get(key).await })
}
// ANCHOR_END: trait

// ANCHOR: forms
// The same bound, written as an associated bound of the trait.
fn spawn_get_inline<S>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>>
where
    S: Store<get(..): Send> + Send + Sync + 'static,
{
    tokio::spawn(async move { store.get(key).await })
}

// Accepted too, but the `for<'a>` binds a lifetime that nothing uses.
fn spawn_get_for<S>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>>
where
    S: Store + Send + Sync + 'static,
    for<'a> S::get(..): Send,
{
    tokio::spawn(async move { store.get(key).await })
}
// ANCHOR_END: forms

struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl Store for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

// ANCHOR: local
// Its future holds an Rc across an await: not Send, and still a valid Store.
struct LocalStore;

impl Store for LocalStore {
    async fn get(&self, key: u32) -> Option<String> {
        let name: Rc<str> = Rc::from(format!("user {key}"));
        tokio::task::yield_now().await;
        Some(name.to_string())
    }
}
// ANCHOR_END: local

#[tokio::main]
async fn main() {
    let memory = Arc::new(MemoryStore {
        rows: HashMap::from([(1, "Ada".to_string())]),
    });
    let a = spawn_get(Arc::clone(&memory), 1).await.unwrap();
    let b = spawn_get_inline(Arc::clone(&memory), 1).await.unwrap();
    let c = spawn_get_for(memory, 2).await.unwrap();
    assert_eq!(a.as_deref(), Some("Ada"));
    assert_eq!(a, b);
    assert_eq!(c, None);
    // Awaited in place, the local store's future needs no Send.
    assert_eq!(LocalStore.get(7).await.as_deref(), Some("user 7"));
    println!("{a:?} {c:?}");
}
