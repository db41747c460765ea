use futures::stream::{self, LocalBoxStream, StreamExt};

fn numbers() -> LocalBoxStream<'static, u32> {
    stream::iter(0..3).boxed_local()
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let mut numbers = numbers();
        let mut sum = 0;
        while let Some(n) = numbers.next().await {
            sum += n;
        }
        sum
    });
    println!("{}", task.await.unwrap());
}
