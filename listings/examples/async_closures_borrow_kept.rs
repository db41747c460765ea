// Called in the function's own code, not through a generic bound.
async fn check_here(host: &str) -> bool {
    let attempt = async || {
        tokio::task::yield_now().await;
        !host.is_empty()
    };
    for _ in 0..3 {
        if attempt().await {
            return true;
        }
    }
    false
}

// Called once, through `AsyncFnOnce`: the call consumes the closure.
async fn once(attempt: impl AsyncFnOnce() -> bool) -> bool {
    attempt().await
}

async fn check_once(host: &str) -> bool {
    once(async || {
        tokio::task::yield_now().await;
        !host.is_empty()
    })
    .await
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let host = String::from("example.org");
        (check_here(&host).await, check_once(&host).await)
    });
    let (here, once) = task.await.unwrap();
    assert!(here && once);
    println!("{here} {once}");
}
