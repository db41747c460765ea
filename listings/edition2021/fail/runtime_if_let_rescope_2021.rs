use std::sync::{Arc, Mutex};

// Edition 2021: the scrutinee's temporaries (the guard) live to the end of the
// whole `if let` ... `else`, across the `.await` in `else`.
async fn next_or_wait(queue: Arc<Mutex<Vec<String>>>) -> usize {
    if let Some(job) = queue.lock().unwrap().pop() {
        job.len()
    } else {
        tokio::task::yield_now().await;
        0
    }
}

#[tokio::main]
async fn main() {
    tokio::spawn(next_or_wait(Arc::new(Mutex::new(Vec::new()))))
        .await
        .unwrap();
}
