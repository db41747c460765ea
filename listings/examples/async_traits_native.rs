#![deny(async_fn_in_trait)]

use std::collections::HashMap;

trait Store {
    async fn get(&self, key: u32) -> Option<String>;
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

// Generic over any Store: static dispatch, one copy of `greet` per store type.
async fn greet<S: Store>(store: &S, key: u32) -> String {
    match store.get(key).await {
        Some(name) => format!("hello, {name}"),
        None => "hello, stranger".to_string(),
    }
}

#[tokio::main]
async fn main() {
    let store = MemoryStore {
        rows: HashMap::from([(1, "Ada".to_string())]),
    };
    assert_eq!(greet(&store, 1).await, "hello, Ada");
    assert_eq!(greet(&store, 2).await, "hello, stranger");
    println!("{}", greet(&store, 1).await);
}
