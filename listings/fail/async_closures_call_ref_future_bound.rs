use tokio::task::JoinHandle;

// The bound the error asks for, written out: the associated type it names is unstable.
fn spawn_call<F>(job: F) -> JoinHandle<u32>
where
    F: AsyncFn() -> u32 + Send + Sync + 'static,
    for<'a> F::CallRefFuture<'a>: Send,
{
    tokio::spawn(async move { job().await })
}

#[tokio::main]
async fn main() {
    let n = spawn_call(async || 7).await.unwrap();
    println!("{n}");
}
