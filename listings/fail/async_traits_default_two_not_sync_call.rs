use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

#[trait_variant::make(Store: Send)]
pub trait LocalStore {
    async fn get(&self, key: u32) -> Option<String>;

    fn get_or(&self, key: u32, fallback: String) -> impl Future<Output = String>
    where
        Self: Sync,
    {
        async move { self.get(key).await.unwrap_or(fallback) }
    }
}

// Not `Sync` (an `Rc`): `get` is there, `get_or` is not.
struct CountingStore {
    hits: Rc<Cell<u32>>,
}

impl LocalStore for CountingStore {
    async fn get(&self, _key: u32) -> Option<String> {
        self.hits.set(self.hits.get() + 1);
        None
    }
}

#[tokio::main]
async fn main() {
    let counting = CountingStore {
        hits: Rc::new(Cell::new(0)),
    };
    assert_eq!(counting.get(1).await, None);
    // The call is the error: `get_or` asks for `Self: Sync`.
    let _future = counting.get_or(1, "nobody".to_string());
}
