use std::rc::Rc;

use futures::stream::{self, StreamExt};

// The same futures as in `combinators_buffered_output`: they return an `Rc`.
async fn label(i: u32) -> Rc<str> {
    tokio::task::yield_now().await;
    Rc::from(format!("item {i}"))
}

#[tokio::main]
async fn main() {
    // ANCHOR: unordered
    let task = tokio::spawn(async {
        // Outputs are handed out as they finish: none waits in the stream.
        let mut labels = stream::iter(0..3).map(label).buffer_unordered(2);
        let mut total = 0;
        while let Some(label) = labels.next().await {
            total += label.len();
        }
        total
    });
    // ANCHOR_END: unordered
    let total = task.await.unwrap();
    assert_eq!(total, 18);
    println!("{total}");
}
