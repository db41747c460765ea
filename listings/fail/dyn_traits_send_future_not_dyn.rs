use std::future::Future;
use std::sync::Arc;

trait Store {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> + Send;
}

fn lookup(_store: Arc<dyn Store>) {}

fn main() {}
