use futures::stream::{self, StreamExt};

async fn doubled() -> Vec<i32> {
    let ints = [1, 2, 3];
    stream::iter(&ints)
        .map(|i| async move { i * 2 })
        .buffer_unordered(2)
        .collect()
        .await
}

#[tokio::main]
async fn main() {
    tokio::spawn(doubled()).await.unwrap();
}
