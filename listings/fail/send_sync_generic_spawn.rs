trait Job {
    async fn run(&self) -> u32;
}

fn start<J: Job + Send + Sync + 'static>(job: J) -> tokio::task::JoinHandle<u32> {
    tokio::spawn(async move { job.run().await })
}

struct Fixed;

impl Job for Fixed {
    async fn run(&self) -> u32 {
        7
    }
}

#[tokio::main]
async fn main() {
    println!("{}", start(Fixed).await.unwrap());
}
