#![feature(return_type_notation)]

use std::rc::Rc;
use std::sync::Arc;
use tokio::task::JoinHandle;

trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

fn spawn_get<S>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>>
where
    S: Store + Send + Sync + 'static,
    S::get(..): Send,
{
    tokio::spawn(async move { store.get(key).await })
}

// Its future holds an Rc across an await.
struct LocalStore;

impl Store for LocalStore {
    async fn get(&self, key: u32) -> Option<String> {
        let name: Rc<str> = Rc::from(format!("user {key}"));
        tokio::task::yield_now().await;
        Some(name.to_string())
    }
}

#[tokio::main]
async fn main() {
    let name = spawn_get(Arc::new(LocalStore), 7).await.unwrap();
    println!("{name:?}");
}
