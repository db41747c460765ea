use async_trait::async_trait;
use std::cell::Cell;

#[async_trait]
trait Greeter {
    async fn greet(&self, seen: &Cell<u8>) -> String;
}

struct English;

#[async_trait]
impl Greeter for English {
    // Used once, before the only `.await`.
    async fn greet(&self, seen: &Cell<u8>) -> String {
        seen.set(seen.get() + 1);
        tokio::task::yield_now().await;
        "hello".to_string()
    }
}

fn main() {}
