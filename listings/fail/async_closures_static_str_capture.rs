async fn retry(attempt: impl AsyncFn() -> bool) -> bool {
    attempt().await || attempt().await
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        // Owned by the closure (`async move`), but still a reference: its type has a lifetime.
        let host: &'static str = "example.org";
        retry(async move || !host.is_empty()).await
    });
    println!("{}", task.await.unwrap());
}
