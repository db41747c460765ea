// ANCHOR: body
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::task::JoinHandle;

async fn run_next(jobs: &Mutex<Vec<u64>>) -> Option<u64> {
    if let Some(ms) = {
        let mut queue = jobs.lock().unwrap();
        queue.pop()
    } {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        return Some(ms);
    }
    None
}

fn spawn_next(jobs: Arc<Mutex<Vec<u64>>>) -> JoinHandle<Option<u64>> {
    // `tokio::spawn` needs a `Send` future
    tokio::spawn(async move { run_next(&jobs).await })
}
// ANCHOR_END: body

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let jobs = Mutex::new(vec![1]);
    let future = run_next(&jobs);
    assert_send(&future);
    assert_eq!(future.await, Some(1));
    assert_eq!(run_next(&jobs).await, None);
    let shared = Arc::new(Mutex::new(vec![2]));
    assert_eq!(spawn_next(shared).await.unwrap(), Some(2));
    println!("the guard ends with its block");
}
