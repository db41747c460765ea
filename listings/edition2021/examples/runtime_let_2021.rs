use std::sync::{Arc, Mutex};

async fn report(queue_len: usize) {
    tokio::task::yield_now().await;
    println!("queue length: {queue_len}");
}

// ANCHOR: let
// Edition 2021: a `let` statement of its own drops the guard at its `;`.
async fn report_queue(queue: Arc<Mutex<Vec<String>>>) {
    let queue_len = queue.lock().unwrap().len();
    report(queue_len).await;
}
// ANCHOR_END: let

#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(vec!["build".to_string()]));
    tokio::spawn(report_queue(queue)).await.unwrap();
}
