use std::sync::{Arc, Mutex};
use std::time::Duration;

async fn pause(delay_ms: Arc<Mutex<u64>>) {
    tokio::time::sleep(Duration::from_millis(*delay_ms.lock().unwrap())).await;
}

#[tokio::main]
async fn main() {
    tokio::spawn(pause(Arc::new(Mutex::new(1)))).await.unwrap();
}
