use std::sync::Mutex;
use std::time::Duration;

// ANCHOR: body
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
// ANCHOR_END: body

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let jobs = Mutex::new(vec![1]);
    let future = run_next(&jobs);
    assert_send(&future);
    assert_eq!(future.await, Some(1));
    assert_eq!(run_next(&jobs).await, None);
    println!("the guard ends with its block");
}
