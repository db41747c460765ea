#![deny(async_fn_in_trait)]

use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use tokio::task::JoinHandle;

// ANCHOR: by_hand
pub trait Store: Sync {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> + Send;

    // A default method that awaits: an `async move` block as the body. It holds `&Self`,
    // which is `Send` only when `Self` is `Sync`: hence the supertrait.
    fn get_or(&self, key: u32, fallback: String) -> impl Future<Output = String> + Send {
        async move { self.get(key).await.unwrap_or(fallback) }
    }
}
// ANCHOR_END: by_hand

// ANCHOR: variant
// The same with trait-variant: it adds `+ Send` to an `-> impl Future` it finds, and keeps
// the body, which is an `async` block and may await.
#[trait_variant::make(Send)]
pub trait VariantStore: Sync {
    async fn get(&self, key: u32) -> Option<String>;

    fn get_or(&self, key: u32, fallback: String) -> impl Future<Output = String> {
        async move { self.get(key).await.unwrap_or(fallback) }
    }
}
// ANCHOR_END: variant

struct MemoryStore {
    rows: HashMap<u32, String>,
}

impl Store for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

impl VariantStore for MemoryStore {
    async fn get(&self, key: u32) -> Option<String> {
        tokio::task::yield_now().await;
        self.rows.get(&key).cloned()
    }
}

// Both default methods give a `Send` future: `spawn` takes them.
fn spawn_get_or<S: Store + Send + 'static>(store: Arc<S>, key: u32) -> JoinHandle<String> {
    tokio::spawn(async move { store.get_or(key, "nobody".to_string()).await })
}

fn spawn_variant_get_or<S: VariantStore + 'static>(store: Arc<S>, key: u32) -> JoinHandle<String> {
    tokio::spawn(async move { store.get_or(key, "nobody".to_string()).await })
}

#[tokio::main]
async fn main() {
    let store = Arc::new(MemoryStore {
        rows: HashMap::from([(1, "Ada".to_string())]),
    });
    assert_eq!(spawn_get_or(Arc::clone(&store), 1).await.unwrap(), "Ada");
    assert_eq!(spawn_get_or(Arc::clone(&store), 2).await.unwrap(), "nobody");
    assert_eq!(
        spawn_variant_get_or(Arc::clone(&store), 1).await.unwrap(),
        "Ada"
    );
    assert_eq!(spawn_variant_get_or(store, 2).await.unwrap(), "nobody");
    println!("Ada, nobody");
}
