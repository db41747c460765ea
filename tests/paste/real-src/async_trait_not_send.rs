// dtolnay/async-trait: a ?Send trait's future spawned
use async_trait::async_trait;
#[async_trait(?Send)]
trait Job { async fn run(&self) -> u32; }
struct Ping;
#[async_trait(?Send)]
impl Job for Ping { async fn run(&self) -> u32 { 1 } }
#[tokio::main]
async fn main() {
    let job = std::sync::Arc::new(Ping);
    tokio::spawn(async move { job.run().await });
}
