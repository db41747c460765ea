use std::sync::Arc;

use tokio::task::JoinHandle;

// ANCHOR: bound
// The future is a type parameter of its own, so it can carry `Send + 'static`.
fn spawn_each<F, Fut>(job: F, n: u32) -> Vec<JoinHandle<Fut::Output>>
where
    F: Fn(u32) -> Fut,
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    (0..n).map(|i| tokio::spawn(job(i))).collect()
}
// ANCHOR_END: bound

#[tokio::main]
async fn main() {
    // ANCHOR: callers
    // An async closure that captures nothing implements `Fn` too.
    let doubled = spawn_each(async |i| i * 2, 3);

    // One that needs shared state: a plain closure that clones, then an async block that owns.
    let base = Arc::new(10);
    let shifted = spawn_each(
        move |i| {
            let base = Arc::clone(&base);
            async move { *base + i }
        },
        3,
    );
    // ANCHOR_END: callers
    let mut out = Vec::new();
    for task in doubled.into_iter().chain(shifted) {
        out.push(task.await.unwrap());
    }
    assert_eq!(out, [0, 2, 4, 10, 11, 12]);
    println!("{out:?}");
}
