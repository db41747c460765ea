use std::rc::Rc;
use std::time::Duration;

// ANCHOR: refresh
async fn refresh() -> u32 {
    let start = {
        let cache = Rc::new(41);
        *cache
    }; // the Rc is gone before the await
    tokio::time::sleep(Duration::from_secs(5)).await;
    start + 1
}
// ANCHOR_END: refresh

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        tokio::select! {
            n = refresh() => n,
            _ = tokio::time::sleep(Duration::from_millis(10)) => 0,
        }
    });
    let n = task.await.unwrap();
    assert_eq!(n, 0);
    println!("{n}");
}
