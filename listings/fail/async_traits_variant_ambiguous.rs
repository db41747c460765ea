#[trait_variant::make(Store: Send)]
pub trait LocalStore {
    async fn get(&self, key: u32) -> Option<String>;
}

struct MemoryStore;

impl Store for MemoryStore {
    async fn get(&self, _key: u32) -> Option<String> {
        None
    }
}

#[tokio::main]
async fn main() {
    assert_eq!(MemoryStore.get(1).await, None);
}
