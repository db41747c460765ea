use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

// ANCHOR: bounds
// No supertraits: each use says what it needs.
trait Store {
    fn get(&self, key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>>;
}

// The task owns the Box: `dyn Store` must be Send.
async fn spawn_boxed(store: Box<dyn Store + Send>, key: u32) -> Option<String> {
    tokio::spawn(async move { store.get(key).await })
        .await
        .unwrap()
}

// The task owns one of several Arcs: `dyn Store` must be Send and Sync.
async fn spawn_shared(store: Arc<dyn Store + Send + Sync>, key: u32) -> Option<String> {
    tokio::spawn(async move { store.get(key).await })
        .await
        .unwrap()
}
// ANCHOR_END: bounds

struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl Store for MemoryStore {
    fn get(&self, key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        Box::pin(async move {
            tokio::task::yield_now().await;
            self.rows.get(&key).cloned()
        })
    }
}

// ANCHOR: local
// Neither Send nor Sync, and still a `Store`: its future holds a copied `u32`, not `self`.
struct RcStore(Rc<u32>);

impl Store for RcStore {
    fn get(&self, key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        let value = *self.0;
        Box::pin(async move { (key == value).then(|| format!("hit {value}")) })
    }
}

// No task here, so no Send needed: a plain `dyn Store` will do.
async fn get_here(store: Box<dyn Store>, key: u32) -> Option<String> {
    store.get(key).await
}
// ANCHOR_END: local

#[tokio::main]
async fn main() {
    let rows = HashMap::from([(1, "Ada".to_string())]);
    let boxed = spawn_boxed(Box::new(MemoryStore { rows: rows.clone() }), 1).await;
    let shared: Arc<dyn Store + Send + Sync> = Arc::new(MemoryStore { rows });
    let a = spawn_shared(Arc::clone(&shared), 1).await;
    let b = spawn_shared(shared, 2).await;
    assert_eq!(boxed.as_deref(), Some("Ada"));
    assert_eq!(a, boxed);
    assert_eq!(b, None);
    assert_eq!(
        get_here(Box::new(RcStore(Rc::new(3))), 3).await.as_deref(),
        Some("hit 3")
    );
    println!("{boxed:?} {b:?}");
}
