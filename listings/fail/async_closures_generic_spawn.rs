use tokio::task::JoinHandle;

// Send + Sync + 'static on the closure says nothing about the future a call returns.
fn spawn_call<F>(job: F) -> JoinHandle<u32>
where
    F: AsyncFn() -> u32 + Send + Sync + 'static,
{
    tokio::spawn(async move { job().await })
}

#[tokio::main]
async fn main() {
    let n = spawn_call(async || 7).await.unwrap();
    println!("{n}");
}
