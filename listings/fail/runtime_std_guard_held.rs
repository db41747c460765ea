use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn append(log: Arc<Mutex<Vec<String>>>, line: &'static str) {
    let mut guard = log.lock().unwrap();
    tokio::time::sleep(Duration::from_millis(1)).await;
    guard.push(line.to_owned());
}

#[tokio::main]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(append(Arc::clone(&log), "a")).await.unwrap();
}
