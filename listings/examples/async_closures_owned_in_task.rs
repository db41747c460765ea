// ANCHOR: retry
async fn retry(attempt: impl AsyncFn() -> bool) -> bool {
    for _ in 0..3 {
        if attempt().await {
            return true;
        }
    }
    false
}
// ANCHOR_END: retry

// ANCHOR: check
async fn check(host: &str) -> bool {
    // The closure owns a `String`: no borrowed lifetime in what it captures.
    let host = host.to_owned();
    retry(async move || {
        tokio::task::yield_now().await;
        !host.is_empty()
    })
    .await
}
// ANCHOR_END: check

#[tokio::main]
async fn main() {
    // ANCHOR: spawn
    let task = tokio::spawn(async {
        let host = String::from("example.org");
        check(&host).await
    });
    // ANCHOR_END: spawn
    let up = task.await.unwrap();
    assert!(up);
    println!("{up}");
}
