use std::time::Duration;

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

// ANCHOR: retry
async fn jittered_retry() -> u64 {
    let mut rng = StdRng::from_rng(&mut rand::rng());
    let first = rng.random_range(1..5);
    tokio::time::sleep(Duration::from_millis(first)).await;
    first + rng.random_range(1..5)
}
// ANCHOR_END: retry

// ANCHOR: scoped
async fn jittered_retry_scoped() -> u64 {
    let (first, second) = {
        let mut rng = rand::rng();
        (rng.random_range(1..5), rng.random_range(1..5))
    };
    tokio::time::sleep(Duration::from_millis(first)).await;
    first + second
}
// ANCHOR_END: scoped

// ANCHOR: after
async fn jittered_retry_after() -> u64 {
    let first = rand::rng().random_range(1..5); // the handle is a temporary of this statement
    tokio::time::sleep(Duration::from_millis(first)).await;
    let mut rng = rand::rng(); // created after the last `.await`
    first + rng.random_range(1..5)
}
// ANCHOR_END: after

#[tokio::main]
async fn main() {
    let a = tokio::spawn(jittered_retry()).await.unwrap();
    let b = tokio::spawn(jittered_retry_scoped()).await.unwrap();
    let c = tokio::spawn(jittered_retry_after()).await.unwrap();
    assert!([a, b, c].iter().all(|d| (2..=8).contains(d)));
    println!("all three delays are between 2 and 8 ms");
}
