use async_trait::async_trait;
use std::future::Future;
use std::pin::Pin;

#[async_trait]
trait Service {
    async fn call(&self, request: u32) -> u32;
}

struct Double;

#[async_trait]
impl Service for Double {
    async fn call(&self, request: u32) -> u32 {
        request * 2
    }
}

// ANCHOR: main
#[tokio::main]
async fn main() {
    // Each call returns a new Box holding the state machine:
    let future: Pin<Box<dyn Future<Output = u32> + Send + '_>> = Double.call(21);
    assert_eq!(future.await, 42);
}
// ANCHOR_END: main
