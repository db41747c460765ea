use std::future::Future;

use tokio::task::JoinHandle;

// ANCHOR: spawn_job
fn spawn_job<Fut, R>(job: Fut) -> JoinHandle<R>
where
    Fut: Future<Output = R> + Send + 'static,
    R: Send + 'static,
{
    tokio::spawn(job)
}
// ANCHOR_END: spawn_job

#[tokio::main]
async fn main() {
    let n = spawn_job(async { 7 }).await.unwrap();
    assert_eq!(n, 7);
    println!("{n}");
}
