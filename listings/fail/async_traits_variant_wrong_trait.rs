use std::collections::HashMap;
use std::sync::Arc;
use tokio::task::JoinHandle;

#[trait_variant::make(Store: Send)]
pub trait LocalStore {
    async fn get(&self, key: u32) -> Option<String>;
}

struct MemoryStore {
    rows: HashMap<u32, String>,
}

// The local trait, where the spawning code below asks for `Store`.
impl LocalStore for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        self.rows.get(&key).cloned()
    }
}

fn spawn_get<S: Store + Sync + 'static>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>> {
    tokio::spawn(async move { store.get(key).await })
}

#[tokio::main]
async fn main() {
    let store = Arc::new(MemoryStore {
        rows: HashMap::new(),
    });
    let _ = spawn_get(store, 1).await;
}
