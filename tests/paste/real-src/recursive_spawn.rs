// tokio-rs/tokio#7181-style: an async fn that spawns itself
async fn walk(depth: u32) {
    if depth > 0 {
        tokio::spawn(walk(depth - 1)).await.unwrap();
    }
}
#[tokio::main]
async fn main() { walk(3).await; }
