use std::fmt::Debug;

// ANCHOR: free_fn
// A free generic `async fn`: its future is known up to `T`, so it is `Send`
// exactly when `T` is. No `Send` is written in its signature.
async fn log_later<T: Debug>(value: T) -> String {
    tokio::task::yield_now().await;
    format!("{value:?}")
}

fn start<T: Debug + Send + 'static>(value: T) -> tokio::task::JoinHandle<String> {
    tokio::spawn(log_later(value)) // leaks: `Send` because `T: Send`
}
// ANCHOR_END: free_fn

// ANCHOR: main
#[tokio::main]
async fn main() {
    assert_eq!(start(42).await.unwrap(), "42");
    assert_eq!(start(vec!["a"]).await.unwrap(), "[\"a\"]");
    println!("spawned through a generic free function");
}
// ANCHOR_END: main
