use std::future::Future;
use std::pin::Pin;

trait Store {
    fn get(&self, key: u32) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>>;
}

// One name for `Store + Send + Sync`: a trait alias, which stable Rust does not have.
trait SharedStore = Store + Send + Sync;

fn main() {}
