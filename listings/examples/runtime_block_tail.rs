use std::sync::{Arc, Mutex};

async fn report(queue_len: usize) {
    tokio::task::yield_now().await;
    println!("queue length: {queue_len}");
}

// ANCHOR: block
async fn report_queue(queue: Arc<Mutex<Vec<String>>>) {
    // Edition 2024: a temporary in a block's tail expression is dropped at the
    // block's `}`, so the guard is gone before the `.await`. Keep the braces,
    // whatever the `unused_braces` lint suggests.
    #[expect(unused_braces)]
    report({ queue.lock().unwrap().len() }).await;
}
// ANCHOR_END: block

// ANCHOR: main
#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(vec!["build".to_string()]));
    tokio::spawn(report_queue(queue)).await.unwrap();
}
// ANCHOR_END: main
