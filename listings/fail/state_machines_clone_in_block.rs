use std::sync::{Arc, Mutex};

async fn report(names: Arc<Mutex<Vec<String>>>) {
    {
        let guard = names.lock().unwrap();
        let snapshot = guard.clone(); // bound inside the block...
    } // ...and dropped here, with the guard
    tokio::task::yield_now().await;
    println!("{} names", snapshot.len());
}

#[tokio::main]
async fn main() {
    let names = Arc::new(Mutex::new(vec!["ferris".to_string()]));
    tokio::spawn(report(names)).await.unwrap();
}
