use rand::RngExt;
use std::time::Duration;

async fn jitter_sleep() {
    let mut rng = rand::rng();
    let millis = rng.random_range(1..5);
    tokio::time::sleep(Duration::from_millis(millis)).await;
}

#[tokio::main]
async fn main() {
    tokio::spawn(jitter_sleep()).await.unwrap();
}
