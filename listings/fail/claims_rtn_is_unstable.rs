use std::sync::Arc;

trait Job {
    async fn run(&self);
}

fn spawn_job<T>(job: Arc<T>)
where
    T: Job + Send + Sync + 'static,
    for<'a> T::run(..): Send,
{
    tokio::spawn(async move { job.run().await });
}

fn main() {}
