use std::rc::Rc;

use futures::stream::{FuturesUnordered, StreamExt};

// The same futures as in the failing listing: they return an `Rc`.
async fn label(i: u32) -> Rc<str> {
    tokio::task::yield_now().await;
    Rc::from(format!("item {i}"))
}

#[tokio::main]
async fn main() {
    // ANCHOR: unordered
    let task = tokio::spawn(async {
        let mut pending: FuturesUnordered<_> = (0..3).map(label).collect();
        let mut total = 0;
        // Each output is handed out as it finishes, and used up before the next await.
        while let Some(label) = pending.next().await {
            total += label.len();
        }
        total
    });
    // ANCHOR_END: unordered
    let total = task.await.unwrap();
    assert_eq!(total, 18);
    println!("{total}");
}
