use futures::stream::{self, BoxStream, StreamExt};

// ANCHOR: numbers
// `BoxStream` is `Pin<Box<dyn Stream<Item = T> + Send + 'a>>`.
fn numbers() -> BoxStream<'static, u32> {
    stream::iter(0..3).boxed()
}
// ANCHOR_END: numbers

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
    let sum = task.await.unwrap();
    assert_eq!(sum, 3);
    println!("{sum}");
}
