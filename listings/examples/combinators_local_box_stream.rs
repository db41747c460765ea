use std::rc::Rc;

use futures::stream::{self, LocalBoxStream, StreamExt};
use tokio::task::LocalSet;

// ANCHOR: numbers
// The same stream as in the failing listing, as a `LocalBoxStream`, polled by a local task.
fn numbers() -> LocalBoxStream<'static, Rc<u32>> {
    stream::iter(vec![Rc::new(1_u32), Rc::new(2)]).boxed_local()
}

async fn sum_locally() -> u32 {
    let local = LocalSet::new();
    local
        .run_until(async {
            let task = tokio::task::spawn_local(async {
                let mut numbers = numbers();
                let mut sum = 0;
                while let Some(n) = numbers.next().await {
                    tokio::task::yield_now().await;
                    sum += *n;
                }
                sum
            });
            task.await.unwrap()
        })
        .await
}
// ANCHOR_END: numbers

#[tokio::main]
async fn main() {
    let sum = sum_locally().await;
    assert_eq!(sum, 3);
    println!("{sum}");
}
