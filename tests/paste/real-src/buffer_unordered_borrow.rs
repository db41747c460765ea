// a stream of borrowed items through buffer_unordered, spawned
use futures::StreamExt;
async fn work(s: &str) -> usize { s.len() }
async fn all(items: Vec<String>) -> usize {
    futures::stream::iter(items.iter()).map(|s| work(s)).buffer_unordered(2).fold(0, |a, n| async move { a + n }).await
}
#[tokio::main]
async fn main() { tokio::spawn(all(vec!["a".into()])).await.unwrap(); }
