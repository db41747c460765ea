use std::sync::{Arc, Mutex};

#[tokio::main]
async fn main() {
    // ANCHOR: counter
    let hits = Arc::new(Mutex::new(0));
    let counter = Arc::clone(&hits);
    tokio::spawn(async move {
        *counter.lock().unwrap() += 1;
    })
    .await
    .unwrap();
    // ANCHOR_END: counter
    assert_eq!(*hits.lock().unwrap(), 1);
    println!("hits = {}", hits.lock().unwrap());
}
