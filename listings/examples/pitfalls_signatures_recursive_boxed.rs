use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

// clippy would suggest `async fn`, which cannot say `Send`.
#[allow(clippy::manual_async_fn)]
// ANCHOR: tick
fn tick(n: u32, ticks: Arc<AtomicU32>) -> impl Future<Output = ()> + Send {
    async move {
        if n == 0 {
            return;
        }
        ticks.fetch_add(1, Ordering::Relaxed);
        let handle = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(1)).await;
            tick(n - 1, ticks).await;
        });
        handle.await.unwrap();
    }
}
// ANCHOR_END: tick

// ANCHOR: boxed
fn tick_boxed(n: u32, ticks: Arc<AtomicU32>) -> Pin<Box<dyn Future<Output = ()> + Send>> {
    Box::pin(async move {
        if n == 0 {
            return;
        }
        ticks.fetch_add(1, Ordering::Relaxed);
        tick_boxed(n - 1, ticks).await; // awaited directly: the box breaks the cycle in the type
    })
}
// ANCHOR_END: boxed

#[tokio::main]
async fn main() {
    let ticks = Arc::new(AtomicU32::new(0));
    tick(3, Arc::clone(&ticks)).await;
    tokio::spawn(tick_boxed(3, Arc::clone(&ticks)))
        .await
        .unwrap();
    assert_eq!(ticks.load(Ordering::Relaxed), 6);
    println!("ticked {} times", ticks.load(Ordering::Relaxed));
}
