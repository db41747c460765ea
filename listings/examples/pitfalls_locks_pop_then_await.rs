use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

// ANCHOR: worker
async fn worker(queue: Arc<Mutex<VecDeque<u64>>>) -> usize {
    let mut done = 0;
    loop {
        let next = queue.lock().unwrap().pop_front();
        let Some(ms) = next else { break };
        tokio::time::sleep(Duration::from_millis(ms)).await;
        done += 1;
    }
    done
}
// ANCHOR_END: worker

#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(VecDeque::from([1, 2])));
    let done = tokio::spawn(worker(queue)).await.unwrap();
    assert_eq!(done, 2);
    println!("{done} jobs");
}
