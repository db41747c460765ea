use std::sync::Arc;
use std::time::Duration;

// ANCHOR: label
// The same join, with an output that is `Send`.
async fn label() -> Arc<str> {
    Arc::from("fast")
}
// ANCHOR_END: label

async fn slow_count() -> u32 {
    tokio::time::sleep(Duration::from_millis(10)).await;
    3
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let (label, count) = tokio::join!(label(), slow_count());
        format!("{label}: {count}")
    });
    let line = task.await.unwrap();
    assert_eq!(line, "fast: 3");
    println!("{line}");
}
