use std::sync::{Arc, Mutex};

// ANCHOR: report
async fn report(names: Arc<Mutex<Vec<String>>>) -> usize {
    let snapshot = {
        let guard = names.lock().unwrap();
        guard.clone() // no `;`: this is the block's value
    }; // the guard is dropped here, the clone lives on in `snapshot`
    tokio::task::yield_now().await;
    snapshot.len()
}
// ANCHOR_END: report

#[tokio::main]
async fn main() {
    let names = Arc::new(Mutex::new(vec!["ferris".to_string()]));
    let n = tokio::spawn(report(names)).await.unwrap();
    assert_eq!(n, 1);
    println!("{n} names");
}
