// Awaits itself directly: its future would have to contain another of its futures.
async fn countdown(n: u32) {
    if n > 0 {
        tokio::task::yield_now().await;
        countdown(n - 1).await;
    }
}

#[tokio::main]
async fn main() {
    countdown(3).await;
}
