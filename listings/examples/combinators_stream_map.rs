use std::rc::Rc;

use futures::stream::{self, StreamExt};

#[tokio::main]
async fn main() {
    // ANCHOR: map
    let task = tokio::spawn(async {
        // `Map` stores the closure, not the items it makes.
        let mut numbers = stream::iter(0..3).map(Rc::new);
        let mut sum = 0;
        // Each `Rc` is turned into a `u32` before the next await.
        while let Some(n) = numbers.next().await.map(|rc| *rc) {
            tokio::task::yield_now().await;
            sum += n;
        }
        sum
    });
    // ANCHOR_END: map
    let sum = task.await.unwrap();
    assert_eq!(sum, 3);
    println!("{sum}");
}
