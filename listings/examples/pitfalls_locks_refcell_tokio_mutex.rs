use tokio::sync::Mutex;

// ANCHOR: flush
struct Batch {
    lines: Mutex<Vec<String>>, // `tokio::sync::Mutex`
}

async fn flush(batch: Batch) -> usize {
    let mut lines = batch.lines.lock().await; // a `tokio::sync::MutexGuard`, which is `Send`
    tokio::task::yield_now().await;
    lines.push("flushed".into());
    lines.len()
}
// ANCHOR_END: flush

#[tokio::main]
async fn main() {
    let batch = Batch {
        lines: Mutex::new(vec!["a".into()]),
    };
    assert_eq!(tokio::spawn(flush(batch)).await.unwrap(), 2);
    println!("the guard is held across the .await, and the task is Send");
}
