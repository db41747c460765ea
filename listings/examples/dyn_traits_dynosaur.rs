use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;

// ANCHOR: trait
#[dynosaur::dynosaur(DynStore = dyn(box) Store)]
trait Store: Send + Sync {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> + Send;
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
// ANCHOR_END: trait

// ANCHOR: use
// Dynamic dispatch: `DynStore` where `dyn Store` would be; each call boxes its future.
async fn spawn_get(store: Arc<DynStore<'static>>, key: u32) -> Option<String> {
    tokio::spawn(async move { store.get(key).await })
        .await
        .unwrap()
}

// Static dispatch, as before: no box.
async fn get_static<S: Store>(store: &S, key: u32) -> Option<String> {
    store.get(key).await
}
// ANCHOR_END: use

#[tokio::main]
async fn main() {
    let rows = HashMap::from([(1, "Ada".to_string())]);
    // ANCHOR: new
    let store: Arc<DynStore<'static>> = DynStore::new_arc(MemoryStore { rows: rows.clone() });
    // ANCHOR_END: new
    assert_eq!(
        spawn_get(Arc::clone(&store), 1).await.as_deref(),
        Some("Ada")
    );
    assert_eq!(spawn_get(store, 2).await, None);
    assert_eq!(
        get_static(&MemoryStore { rows }, 1).await.as_deref(),
        Some("Ada")
    );
    println!("ok");
}
