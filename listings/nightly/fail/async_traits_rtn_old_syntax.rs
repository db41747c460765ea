#![feature(return_type_notation)]

use std::sync::Arc;
use tokio::task::JoinHandle;

trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

// The form nightly accepted until mid-2024: an associated bound with empty parentheses.
fn spawn_get<S>(store: Arc<S>, key: u32) -> JoinHandle<Option<String>>
where
    S: Store<get(): Send> + Send + Sync + 'static,
{
    tokio::spawn(async move { store.get(key).await })
}

fn main() {}
