#![feature(return_type_notation)]

use std::sync::Arc;
use tokio::task::JoinHandle;

trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

// The syntax of the first proposal: empty parentheses instead of `(..)`.
fn spawn_get<S>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>>
where
    S: Store + Send + Sync + 'static,
    S::get(): Send,
{
    tokio::spawn(async move { store.get(key).await })
}

fn main() {}
