use std::future::Future;
use std::sync::Arc;

// ANCHOR: trait
trait Job {
    // The trait promises a Send future; every impl must keep that promise.
    fn run(&self) -> impl Future<Output = u32> + Send;
}

struct Count;

impl Job for Count {
    async fn run(&self) -> u32 {
        tokio::task::yield_now().await;
        3
    }
}

fn spawn_job<T: Job + Send + Sync + 'static>(job: Arc<T>) -> tokio::task::JoinHandle<u32> {
    tokio::spawn(async move { job.run().await })
}
// ANCHOR_END: trait

#[tokio::main]
async fn main() {
    let n = spawn_job(Arc::new(Count)).await.unwrap();
    assert_eq!(n, 3);
    println!("{n}");
}
