use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

trait Store {
    fn get(&self, key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>>;
}

// ANCHOR: alias
// What a trait alias would say, on stable: a trait with the bounds as supertraits,
// and a blanket impl so that every type that has them has it.
trait SharedStore: Store + Send + Sync {}

impl<T: Store + Send + Sync + ?Sized> SharedStore for T {}

fn spawn_get(store: Arc<dyn SharedStore>, key: u32) -> tokio::task::JoinHandle<Option<String>> {
    tokio::spawn(async move { store.get(key).await })
}
// ANCHOR_END: alias

struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl Store for MemoryStore {
    fn get(&self, key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        Box::pin(async move { self.rows.get(&key).cloned() })
    }
}

#[tokio::main]
async fn main() {
    // No `impl SharedStore for MemoryStore`: the blanket impl provides it.
    let store: Arc<dyn SharedStore> = Arc::new(MemoryStore {
        rows: HashMap::from([(1, "Ada".to_string())]),
    });
    let name = spawn_get(store, 1).await.unwrap();
    assert_eq!(name.as_deref(), Some("Ada"));
    println!("{name:?}");
}
