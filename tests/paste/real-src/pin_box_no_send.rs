// a boxed future type alias without + Send, spawned
use std::future::Future;
use std::pin::Pin;
type BoxFut = Pin<Box<dyn Future<Output = ()>>>;
fn make() -> BoxFut { Box::pin(async { println!("hi") }) }
#[tokio::main]
async fn main() { tokio::spawn(make()).await.unwrap(); }
