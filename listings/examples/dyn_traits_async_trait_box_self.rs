use async_trait::async_trait;

// ANCHOR: job
#[async_trait]
trait Job: Send {
    // Consumes the boxed job: a `Box<dyn Job>` can give itself away.
    async fn finish(self: Box<Self>) -> u32;

    // For concrete types only: a `dyn Job` does not have these two.
    async fn finish_now(self) -> u32
    where
        Self: Sized;
    fn name(&self) -> String
    where
        Self: Sized;
}

struct Sum {
    parts: Vec<u32>,
}

#[async_trait]
impl Job for Sum {
    async fn finish(self: Box<Self>) -> u32 {
        tokio::task::yield_now().await;
        self.parts.iter().sum()
    }
    async fn finish_now(self) -> u32 {
        self.parts.iter().sum()
    }
    fn name(&self) -> String {
        format!("sum of {}", self.parts.len())
    }
}

async fn run_all(jobs: Vec<Box<dyn Job>>) -> u32 {
    let mut total = 0;
    for job in jobs {
        total += tokio::spawn(job.finish()).await.unwrap();
    }
    total
}
// ANCHOR_END: job

#[tokio::main]
async fn main() {
    let jobs: Vec<Box<dyn Job>> = vec![
        Box::new(Sum { parts: vec![1, 2] }),
        Box::new(Sum { parts: vec![2] }),
    ];
    let total = run_all(jobs).await;
    assert_eq!(total, 5);
    let one = Sum { parts: vec![4] };
    assert_eq!(one.name(), "sum of 1");
    assert_eq!(one.finish_now().await, 4);
    println!("{total}");
}
