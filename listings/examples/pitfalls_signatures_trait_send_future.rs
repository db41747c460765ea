use std::future::Future;

// ANCHOR: trait
trait Source {
    fn next(&mut self) -> impl Future<Output = Option<u32>> + Send;
}
// ANCHOR_END: trait

fn spawn_sum<S: Source + Send + 'static>(mut source: S) -> tokio::task::JoinHandle<u32> {
    tokio::spawn(async move {
        let mut sum = 0;
        while let Some(n) = source.next().await {
            sum += n;
        }
        sum
    })
}

struct Countdown(u32);

// ANCHOR: impl
impl Source for Countdown {
    async fn next(&mut self) -> Option<u32> {
        self.0 = self.0.checked_sub(1)?;
        Some(self.0)
    }
}
// ANCHOR_END: impl

#[tokio::main]
async fn main() {
    let sum = spawn_sum(Countdown(4)).await.unwrap();
    assert_eq!(sum, 3 + 2 + 1);
    println!("{sum}");
}
