use std::any::Any;
use std::future::Future;

// ANCHOR: fetch
struct Reply(Box<dyn Any + Send>);

impl Reply {
    fn code(&self) -> u16 {
        if self.0.is::<String>() { 200 } else { 500 }
    }
}

async fn retry() {}

fn handle() -> impl Future<Output = bool> + Send {
    let reply = Reply(Box::new(String::from("ok")));
    async move {
        match reply.code() {
            200 => true,
            _ => {
                retry().await;
                false
            }
        }
    }
}
// ANCHOR_END: fetch

#[tokio::main]
async fn main() {
    assert!(tokio::spawn(handle()).await.unwrap());
    println!("the borrow of `reply` ends before the arm runs");
}
