use std::sync::{Arc, Mutex};
use std::time::Duration;

// ANCHOR: record
async fn record(log: Arc<Mutex<Vec<String>>>, line: String) {
    {
        let mut entries = log.lock().unwrap();
        entries.push(line);
    } // the guard is dropped here, before the `.await`
    tokio::time::sleep(Duration::from_millis(1)).await;
}
// ANCHOR_END: record

#[tokio::main]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(record(Arc::clone(&log), "started".into()))
        .await
        .unwrap();
    assert_eq!(*log.lock().unwrap(), ["started"]);
    println!("{:?}", log.lock().unwrap());
}
