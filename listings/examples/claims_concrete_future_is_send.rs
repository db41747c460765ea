use std::sync::Arc;
use std::time::Duration;

trait Job {
    async fn run(&self) -> u32;
}

struct Sleeper;

impl Job for Sleeper {
    async fn run(&self) -> u32 {
        tokio::time::sleep(Duration::from_millis(1)).await;
        7
    }
}

#[tokio::main]
async fn main() {
    // No bound anywhere says this future is Send: the compiler sees Sleeper's own future.
    let job = Arc::new(Sleeper);
    let handle = tokio::spawn(async move { job.run().await });
    assert_eq!(handle.await.unwrap(), 7);
    println!("spawned a native async trait method");
}
