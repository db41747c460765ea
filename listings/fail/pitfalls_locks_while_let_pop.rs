use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn worker(queue: Arc<Mutex<VecDeque<u64>>>) {
    while let Some(ms) = queue.lock().unwrap().pop_front() {
        tokio::time::sleep(Duration::from_millis(ms)).await;
    }
}

#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(VecDeque::from([1, 2])));
    tokio::spawn(worker(queue)).await.unwrap();
}
