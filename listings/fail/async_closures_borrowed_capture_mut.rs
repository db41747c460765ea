// `AsyncFnMut`: its call borrows the closure too.
async fn retry_mut(mut attempt: impl AsyncFnMut() -> bool) -> bool {
    attempt().await || attempt().await
}

async fn check(host: &str) -> bool {
    retry_mut(async || !host.is_empty()).await
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let host = String::from("example.org");
        check(&host).await
    });
    println!("{}", task.await.unwrap());
}
