use rand::RngExt;
use std::time::Duration;

async fn jitter_sleep() {
    let mut rng = rand::rng();
    let millis = rng.random_range(1..5);
    tokio::time::sleep(Duration::from_millis(millis)).await;
}

#[tokio::main]
async fn main() {
    let task = jitter_sleep(); // the future is made here...
    tokio::spawn(task).await.unwrap(); // ...and must be `Send` here
}
