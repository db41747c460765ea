use std::sync::Mutex;
use std::time::Duration;

// ANCHOR: drain
async fn drain(queue: &Mutex<Vec<u32>>) -> u32 {
    let mut total = 0;
    loop {
        let next = queue.lock().unwrap().pop(); // guard dropped at the `;`
        let Some(n) = next else { break };
        total += n;
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    total
}
// ANCHOR_END: drain

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let queue = Mutex::new(vec![1, 2, 3]);
    let future = drain(&queue);
    assert_send(&future);
    assert_eq!(future.await, 6);
    println!("drained");
}
