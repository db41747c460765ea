async fn retry(attempt: impl AsyncFn() -> bool) -> bool {
    for _ in 0..3 {
        if attempt().await {
            return true;
        }
    }
    false
}

async fn check(host: &str) -> bool {
    // The closure captures `host`, a `&str` with the caller's lifetime.
    retry(async || {
        tokio::task::yield_now().await;
        !host.is_empty()
    })
    .await
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let host = String::from("example.org");
        check(&host).await
    });
    println!("{}", task.await.unwrap());
}
