use std::sync::{Arc, Mutex};
use std::time::Duration;

// Edition 2021: the temporaries of the block's tail expression (the guard) live
// to the end of the enclosing statement, across the `.await`.
async fn pause_with_block(delay_ms: Arc<Mutex<u64>>) {
    #[allow(unused_braces)]
    tokio::time::sleep(Duration::from_millis({ *delay_ms.lock().unwrap() })).await;
}

#[tokio::main]
async fn main() {
    tokio::spawn(pause_with_block(Arc::new(Mutex::new(1)))).await.unwrap();
}
