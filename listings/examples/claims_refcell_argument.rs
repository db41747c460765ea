use async_trait::async_trait;
use std::cell::RefCell;

// ANCHOR: main
#[async_trait]
trait Scratch {
    async fn fill(&self, buffer: RefCell<Vec<u8>>) -> usize {
        buffer.borrow_mut().extend_from_slice(b"send");
        tokio::task::yield_now().await;
        buffer.borrow().len()
    }
}

struct Worker;

#[async_trait]
impl Scratch for Worker {}

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async { Worker.fill(RefCell::new(Vec::new())).await });
    assert_eq!(handle.await.unwrap(), 4);
}
// ANCHOR_END: main
