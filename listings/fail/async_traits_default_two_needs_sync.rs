use std::future::Future;

// The two-trait form, its default method written as fix 1, and no `Sync` anywhere.
#[trait_variant::make(Store: Send)]
pub trait LocalStore {
    async fn get(&self, key: u32) -> Option<String>;

    fn get_or(&self, key: u32, fallback: String) -> impl Future<Output = String> {
        async move { self.get(key).await.unwrap_or(fallback) }
    }
}

fn main() {}
