use std::future::Future;

async fn retry(attempt: impl AsyncFn() -> bool) -> bool {
    attempt().await || attempt().await
}

// Naming the future of `retry` in a plain `fn` with `+ Send` (fix 2), with a closure that
// captures `host`.
fn check(host: &str) -> impl Future<Output = bool> + Send + '_ {
    retry(async || !host.is_empty())
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let host = String::from("example.org");
        check(&host).await
    });
    println!("{}", task.await.unwrap());
}
