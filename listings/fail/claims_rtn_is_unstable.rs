trait Job {
    async fn run(&self);
}

fn spawn_all<T>(jobs: Vec<T>)
where
    T: Job + Send + Sync + 'static,
    for<'a> T::run(..): Send,
{
    for job in jobs {
        tokio::spawn(async move { job.run().await });
    }
}

fn main() {}
