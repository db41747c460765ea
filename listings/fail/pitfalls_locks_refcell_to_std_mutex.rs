use std::sync::Mutex;

struct Batch {
    lines: Mutex<Vec<String>>, // was `RefCell<Vec<String>>`
}

async fn flush(batch: Batch) -> usize {
    let mut lines = batch.lines.lock().unwrap(); // a `MutexGuard<'_, Vec<String>>`
    tokio::task::yield_now().await;
    lines.push("flushed".into());
    lines.len()
}

#[tokio::main]
async fn main() {
    let batch = Batch {
        lines: Mutex::new(vec!["a".into()]),
    };
    println!("{}", tokio::spawn(flush(batch)).await.unwrap());
}
