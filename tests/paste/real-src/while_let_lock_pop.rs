// while let over a locked queue: the guard lives for the whole loop body
use std::sync::{Arc, Mutex};
async fn drain(queue: Arc<Mutex<Vec<u32>>>) {
    while let Some(job) = queue.lock().unwrap().pop() {
        tokio::time::sleep(std::time::Duration::from_millis(job as u64)).await;
    }
}
#[tokio::main]
async fn main() { tokio::spawn(drain(Arc::new(Mutex::new(vec![1])))); }
