use std::cell::Cell;
use std::future::Future;

// The same method as `async_trait_macro_unused_ref`, as a native trait with `Send` promised.
trait Greeter {
    fn greet(&self, seen: &Cell<u8>) -> impl Future<Output = String> + Send;
}

struct English;

impl Greeter for English {
    // `_seen` is never used, but the future of an `async fn` holds every argument.
    async fn greet(&self, _seen: &Cell<u8>) -> String {
        tokio::task::yield_now().await;
        "hello".to_string()
    }
}

fn main() {}
