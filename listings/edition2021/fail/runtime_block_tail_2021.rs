use std::sync::{Arc, Mutex};

async fn report(queue_len: usize) {
    tokio::task::yield_now().await;
    println!("queue length: {queue_len}");
}

// Edition 2021: the temporaries of the block's tail expression (the guard) live
// to the end of the enclosing statement, across the `.await`.
async fn report_queue(queue: Arc<Mutex<Vec<String>>>) {
    #[allow(unused_braces)]
    report({ queue.lock().unwrap().len() }).await;
}

#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(vec!["build".to_string()]));
    tokio::spawn(report_queue(queue)).await.unwrap();
}
