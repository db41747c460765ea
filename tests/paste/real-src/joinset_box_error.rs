// huahua1220/nexus-cli-linux#2: a Box<dyn Error> kept across a retry's await, in a JoinSet task
use std::error::Error;
async fn fetch_task() -> Result<u32, Box<dyn Error>> { Err("busy".into()) }
async fn fetch_with_retry() -> u32 {
    match fetch_task().await {
        Ok(n) => n,
        Err(e) => {
            eprintln!("retrying after {e}");
            Box::pin(fetch_with_retry()).await
        }
    }
}
#[tokio::main]
async fn main() {
    let mut set = tokio::task::JoinSet::new();
    set.spawn(async move { fetch_with_retry().await });
    while set.join_next().await.is_some() {}
}
