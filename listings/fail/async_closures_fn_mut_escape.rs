// The pre-1.85 way: a closure that returns an async block.
async fn twice<F, Fut>(mut step: F)
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = ()>,
{
    step(1).await;
    step(2).await;
}

#[tokio::main]
async fn main() {
    let mut seen = Vec::new();
    twice(|n| {
        let seen = &mut seen;
        async move {
            tokio::task::yield_now().await;
            seen.push(n);
        }
    })
    .await;
    println!("{seen:?}");
}
