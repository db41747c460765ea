use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

// The box at the recursive call is enough: `countdown` stays an `async fn`, and its
// future holds a `Pin<Box<..>>` of the inner call instead of the call itself.
async fn countdown(n: u32, steps: Arc<AtomicU32>) {
    if n > 0 {
        steps.fetch_add(1, Ordering::Relaxed);
        tokio::task::yield_now().await;
        Box::pin(countdown(n - 1, steps)).await;
    }
}

#[tokio::main]
async fn main() {
    let steps = Arc::new(AtomicU32::new(0));
    tokio::spawn(countdown(3, Arc::clone(&steps)))
        .await
        .unwrap();
    assert_eq!(steps.load(Ordering::Relaxed), 3);
}
