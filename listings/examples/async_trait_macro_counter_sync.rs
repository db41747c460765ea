use async_trait::async_trait;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

#[async_trait]
trait Counter {
    async fn increment(&self) -> u32;
}

// ANCHOR: counter
struct SharedCounter {
    count: AtomicU32,
}

#[async_trait]
impl Counter for SharedCounter {
    async fn increment(&self) -> u32 {
        self.count.fetch_add(1, Ordering::Relaxed) + 1
    }
}
// ANCHOR_END: counter

#[tokio::main]
async fn main() {
    let counter = Arc::new(SharedCounter { count: AtomicU32::new(0) });
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let counter = Arc::clone(&counter);
            tokio::spawn(async move { counter.increment().await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(counter.increment().await, 5);
    println!("count {}", counter.count.load(Ordering::Relaxed));
}
