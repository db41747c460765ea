use std::sync::{Arc, Mutex};

async fn bump(counter: Arc<Mutex<u64>>) {
    let mut guard = counter.lock().unwrap();
    *guard += 1;
    drop(guard);
    tokio::task::yield_now().await;
}

#[tokio::main]
async fn main() {
    let counter = Arc::new(Mutex::new(0));
    tokio::spawn(bump(counter.clone())).await.unwrap();
}
