use std::future::Future;

use tokio::task::JoinHandle;

fn spawn_job<Fut, R>(job: Fut) -> JoinHandle<R>
where
    Fut: Future<Output = R> + Send + 'static,
    R: 'static,
{
    tokio::spawn(job)
}

#[tokio::main]
async fn main() {
    let n = spawn_job(async { 7 }).await.unwrap();
    println!("{n}");
}
