// ANCHOR: unused
use async_trait::async_trait;
use std::cell::Cell;

#[async_trait]
trait Greeter {
    async fn greet(&self, seen: &Cell<u8>) -> String;
}

struct English;

#[async_trait]
impl Greeter for English {
    // `_seen` is never used in the body.
    async fn greet(&self, _seen: &Cell<u8>) -> String {
        tokio::task::yield_now().await;
        "hello".to_string()
    }
}
// ANCHOR_END: unused

fn assert_send<T: Send>(value: T) -> T {
    value
}

#[tokio::main]
async fn main() {
    let seen = Cell::new(1);
    // The boxed future's type says `Send`; the cast inside the macro's output compiled.
    let greeting = assert_send(English.greet(&seen)).await;
    assert_eq!(greeting, "hello");
    println!("{greeting}, {}", seen.get());
}
