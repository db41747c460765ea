use std::future::Future;

// Fix 1 with a default method that awaits, and no `Sync` anywhere.
pub trait Store {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> + Send;

    fn get_or(&self, key: u32, fallback: String) -> impl Future<Output = String> + Send {
        async move { self.get(key).await.unwrap_or(fallback) }
    }
}

fn main() {}
