// rust-lang/rust#65667: an Rc created in an async fn and kept over a sleep
use std::rc::Rc;
use std::time::Duration;
async fn wait() {
    let counter = Rc::new(0);
    tokio::time::sleep(Duration::from_millis(5)).await;
    println!("{counter}");
}
#[tokio::main]
async fn main() { tokio::spawn(wait()); }
