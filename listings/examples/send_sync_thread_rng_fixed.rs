use rand::RngExt;
use std::time::Duration;

// ANCHOR: fixed
async fn jitter_sleep() {
    // The `ThreadRng` is a temporary: it is dropped at the end of this statement.
    let millis = rand::rng().random_range(1..5);
    tokio::time::sleep(Duration::from_millis(millis)).await;
}
// ANCHOR_END: fixed

#[tokio::main]
async fn main() {
    tokio::spawn(jitter_sleep()).await.unwrap();
    println!("slept a random 1 to 4 ms on a worker thread");
}
