// ANCHOR: lending
// `F: AsyncFnMut` accepts a closure whose future borrows the closure's own state.
async fn twice<F>(mut step: F)
where
    F: AsyncFnMut(u32),
{
    step(1).await;
    step(2).await;
}

async fn record(log: &mut Vec<u32>) {
    let mut seen = Vec::new();
    // The closure borrows `seen` mutably; each call's future borrows the closure.
    twice(async |n| {
        tokio::task::yield_now().await;
        seen.push(n);
    })
    .await;
    log.extend(seen);
}
// ANCHOR_END: lending

#[tokio::main]
async fn main() {
    let mut log = Vec::new();
    record(&mut log).await;
    assert_eq!(log, [1, 2]);
    println!("{log:?}");
}
