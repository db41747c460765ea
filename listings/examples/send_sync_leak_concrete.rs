#![allow(
    clippy::manual_async_fn,
    reason = "the chapter contrasts `async fn` with `fn -> impl Future` written out"
)]

use std::sync::Arc;

// ANCHOR: inventory
mod inventory {
    use std::future::Future;
    use std::sync::Arc;

    // No `Send` written anywhere in these signatures.
    pub async fn restock(item: &'static str) -> usize {
        let note = format!("restocking {item}");
        tokio::task::yield_now().await;
        note.len()
    }

    pub fn count(items: Arc<Vec<&'static str>>) -> impl Future<Output = usize> {
        async move {
            tokio::task::yield_now().await;
            items.len()
        }
    }
}
// ANCHOR_END: inventory

// ANCHOR: main
#[tokio::main]
async fn main() {
    // `tokio::spawn` needs `Send`; the compiler looks through both opaque types
    // to the futures behind them and proves it.
    let restocked = tokio::spawn(inventory::restock("apples"));
    let counted = tokio::spawn(inventory::count(Arc::new(vec!["apples", "pears"])));
    assert_eq!(restocked.await.unwrap(), "restocking apples".len());
    assert_eq!(counted.await.unwrap(), 2);
    println!("both spawned");
}
// ANCHOR_END: main
