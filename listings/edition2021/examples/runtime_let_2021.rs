use std::sync::{Arc, Mutex};
use std::time::Duration;

// ANCHOR: pause
// Edition 2021: a `let` statement of its own drops the guard at its `;`, as in 2024.
async fn pause_with_let(delay_ms: Arc<Mutex<u64>>) {
    let delay = Duration::from_millis(*delay_ms.lock().unwrap());
    tokio::time::sleep(delay).await;
}
// ANCHOR_END: pause

#[tokio::main]
async fn main() {
    tokio::spawn(pause_with_let(Arc::new(Mutex::new(1)))).await.unwrap();
    println!("spawned");
}
