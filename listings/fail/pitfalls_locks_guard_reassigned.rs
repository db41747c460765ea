use std::sync::Mutex;
use std::time::Duration;

async fn drain(queue: &Mutex<Vec<u32>>) -> u32 {
    let mut total = 0;
    let mut guard = queue.lock().unwrap();
    while let Some(n) = guard.pop() {
        total += n;
        drop(guard);
        tokio::time::sleep(Duration::from_millis(1)).await;
        guard = queue.lock().unwrap();
    }
    total
}

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let queue = Mutex::new(vec![1, 2, 3]);
    let future = drain(&queue);
    assert_send(&future);
}
