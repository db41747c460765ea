use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn record(log: Arc<Mutex<Vec<String>>>, line: String) {
    let mut guard = log.lock().unwrap();
    guard.push(line);
    drop(guard);
    tokio::time::sleep(Duration::from_millis(1)).await;
}

#[tokio::main]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(record(Arc::clone(&log), "started".into()));
}
