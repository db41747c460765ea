use std::sync::Arc;
use std::time::Duration;

// ANCHOR: tokio_mutex
async fn append(log: Arc<tokio::sync::Mutex<Vec<String>>>, line: &'static str) {
    let mut guard = log.lock().await; // `tokio::sync::MutexGuard` is `Send`
    tokio::time::sleep(Duration::from_millis(1)).await; // held across this `.await`
    guard.push(line.to_owned());
}
// ANCHOR_END: tokio_mutex

// ANCHOR: std_mutex
async fn append_std(log: Arc<std::sync::Mutex<Vec<String>>>, line: &'static str) {
    tokio::time::sleep(Duration::from_millis(1)).await;
    {
        let mut guard = log.lock().unwrap();
        guard.push(line.to_owned());
    } // guard dropped here, before any later `.await`
    tokio::task::yield_now().await;
}
// ANCHOR_END: std_mutex

// ANCHOR: main
#[tokio::main]
async fn main() {
    let log = Arc::new(tokio::sync::Mutex::new(Vec::new()));
    let a = tokio::spawn(append(Arc::clone(&log), "a"));
    let b = tokio::spawn(append(Arc::clone(&log), "b"));
    a.await.unwrap();
    b.await.unwrap();
    assert_eq!(log.lock().await.len(), 2);

    let log = Arc::new(std::sync::Mutex::new(Vec::new()));
    tokio::spawn(append_std(Arc::clone(&log), "c"))
        .await
        .unwrap();
    assert_eq!(*log.lock().unwrap(), ["c"]);
    println!("both spawned");
}
// ANCHOR_END: main
