use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

struct Stats {
    requests: Cell<u64>,
}

impl Stats {
    async fn handle(&self) {
        self.requests.set(self.requests.get() + 1);
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

#[tokio::main]
async fn main() {
    let stats = Arc::new(Stats {
        requests: Cell::new(0),
    });
    let worker = Arc::clone(&stats);
    tokio::spawn(async move { worker.handle().await })
        .await
        .unwrap();
}
