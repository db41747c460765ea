use futures::FutureExt;

async fn retry(attempt: impl AsyncFn() -> bool) -> bool {
    attempt().await || attempt().await
}

async fn check(host: &str) -> bool {
    // Boxing the future of `retry` (fix 3) with a closure that captures `host`.
    retry(async || !host.is_empty()).boxed().await
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let host = String::from("example.org");
        check(&host).await
    });
    println!("{}", task.await.unwrap());
}
