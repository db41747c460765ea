use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

// ANCHOR: trait
trait Store: Send + Sync {
    fn get(&self, key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>>;
}
// ANCHOR_END: trait

// ANCHOR: impls
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

struct Fixed(&'static str);

impl Store for Fixed {
    fn get(&self, _key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        // Nothing to await: a ready future, boxed all the same.
        Box::pin(std::future::ready(Some(self.0.to_string())))
    }
}
// ANCHOR_END: impls

// ANCHOR: use
async fn first_hit(stores: Vec<Arc<dyn Store>>, key: u32) -> Option<String> {
    tokio::spawn(async move {
        for store in &stores {
            if let Some(found) = store.get(key).await {
                return Some(found);
            }
        }
        None
    })
    .await
    .unwrap()
}
// ANCHOR_END: use

#[tokio::main]
async fn main() {
    let memory = Arc::new(MemoryStore {
        rows: HashMap::from([(1, "Ada".to_string())]),
    });
    let stores: Vec<Arc<dyn Store>> = vec![memory, Arc::new(Fixed("default"))];
    assert_eq!(first_hit(stores.clone(), 1).await.as_deref(), Some("Ada"));
    assert_eq!(first_hit(stores, 2).await.as_deref(), Some("default"));
    // One return type for every impl: a data pointer and a vtable pointer.
    type BoxedGet = Pin<Box<dyn Future<Output = Option<String>> + Send>>;
    assert_eq!(size_of::<BoxedGet>(), 2 * size_of::<usize>());
    println!("ok");
}
