use std::time::Duration;

use rand::RngExt;

async fn jittered_retry() -> u64 {
    let mut rng = rand::rng();
    let first = rng.random_range(1..5);
    tokio::time::sleep(Duration::from_millis(first)).await;
    first + rng.random_range(1..5)
}

#[tokio::main]
async fn main() {
    tokio::spawn(jittered_retry()).await.unwrap();
}
