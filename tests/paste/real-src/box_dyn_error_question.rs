// a `?` into Box<dyn Error> kept across a later await (users ask this constantly)
use std::error::Error;
async fn fetch() -> Result<u32, Box<dyn Error>> { Ok(1) }
async fn job() {
    let result = fetch().await;
    tokio::task::yield_now().await;
    if let Ok(n) = result { println!("{n}"); }
}
#[tokio::main]
async fn main() { tokio::spawn(job()).await.unwrap(); }
