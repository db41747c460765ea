use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn record(log: Arc<Mutex<Vec<String>>>, line: String) {
    let mut entries = log.lock().unwrap();
    tokio::time::sleep(Duration::from_millis(1)).await;
    entries.push(line);
}

#[tokio::main]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(record(log, "started".into())).await.unwrap();
}
