use std::sync::{Arc, Mutex};
use std::time::Duration;

// ANCHOR: pause
async fn pause_with_let(delay_ms: Arc<Mutex<u64>>) {
    let delay = Duration::from_millis(*delay_ms.lock().unwrap()); // guard dropped at the `;`
    tokio::time::sleep(delay).await;
}

async fn pause_with_block(delay_ms: Arc<Mutex<u64>>) {
    // Edition 2024: a temporary in a block's tail expression is dropped at the
    // block's `}`, so the guard is gone before the `.await`. Keep the braces,
    // whatever the `unused_braces` lint suggests.
    #[allow(unused_braces)]
    tokio::time::sleep(Duration::from_millis({ *delay_ms.lock().unwrap() })).await;
}
// ANCHOR_END: pause

// ANCHOR: main
#[tokio::main]
async fn main() {
    let delay_ms = Arc::new(Mutex::new(1));
    tokio::spawn(pause_with_let(Arc::clone(&delay_ms))).await.unwrap();
    tokio::spawn(pause_with_block(delay_ms)).await.unwrap();
    println!("both spawned");
}
// ANCHOR_END: main
