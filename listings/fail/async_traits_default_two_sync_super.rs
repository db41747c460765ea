use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

// `Sync` as a supertrait of the local trait: trait-variant copies it into `Store`, and the
// local trait now shuts out the `!Sync` types it was written for.
#[trait_variant::make(Store: Send)]
pub trait LocalStore: Sync {
    async fn get(&self, key: u32) -> Option<String>;

    fn get_or(&self, key: u32, fallback: String) -> impl Future<Output = String> {
        async move { self.get(key).await.unwrap_or(fallback) }
    }
}

struct CountingStore {
    hits: Rc<Cell<u32>>,
}

impl LocalStore for CountingStore {
    async fn get(&self, _key: u32) -> Option<String> {
        self.hits.set(self.hits.get() + 1);
        None
    }
}

fn main() {}
