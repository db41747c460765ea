trait Source {
    async fn next(&mut self) -> Option<u32>;
}

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

impl Source for Countdown {
    async fn next(&mut self) -> Option<u32> {
        self.0 = self.0.checked_sub(1)?;
        Some(self.0)
    }
}

#[tokio::main]
async fn main() {
    println!("{}", spawn_sum(Countdown(4)).await.unwrap());
}
