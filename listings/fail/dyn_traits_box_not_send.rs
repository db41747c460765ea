use std::future::Future;
use std::pin::Pin;

trait Store {
    fn get(&self, key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>>;
}

async fn spawn_get(store: Box<dyn Store>, key: u32) -> Option<String> {
    tokio::spawn(async move { store.get(key).await })
        .await
        .unwrap()
}

fn main() {}
