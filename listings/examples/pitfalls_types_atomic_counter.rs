use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

// ANCHOR: stats
struct Stats {
    requests: AtomicU64,
}

impl Stats {
    async fn handle(&self) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}
// ANCHOR_END: stats

#[tokio::main]
async fn main() {
    let stats = Arc::new(Stats {
        requests: AtomicU64::new(0),
    });
    let worker = Arc::clone(&stats);
    tokio::spawn(async move { worker.handle().await })
        .await
        .unwrap();
    assert_eq!(stats.requests.load(Ordering::Relaxed), 1);
    println!("requests = {}", stats.requests.load(Ordering::Relaxed));
}
