use async_trait::async_trait;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

#[async_trait]
trait Tickets {
    async fn next_ticket(&self) -> u32;
}

// ANCHOR: counter
struct SharedCounter {
    issued: AtomicU32,
}

#[async_trait]
impl Tickets for SharedCounter {
    async fn next_ticket(&self) -> u32 {
        self.issued.fetch_add(1, Ordering::Relaxed) + 1
    }
}
// ANCHOR_END: counter

#[tokio::main]
async fn main() {
    let counter = Arc::new(SharedCounter {
        issued: AtomicU32::new(0),
    });
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let counter = Arc::clone(&counter);
            tokio::spawn(async move { counter.next_ticket().await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
    // Four tickets went to the spawned tasks, whichever threads ran them.
    let fifth = counter.next_ticket().await;
    assert_eq!(fifth, 5);
    println!("ticket {fifth}");
}
