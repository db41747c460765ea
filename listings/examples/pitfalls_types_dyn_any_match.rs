use std::any::Any;
use std::future::Future;

// ANCHOR: fetch
struct Client(Box<dyn Any + Send>);

impl Client {
    fn status(&self) -> u16 {
        if self.0.is::<bool>() { 200 } else { 500 }
    }
}

async fn get() {}

fn fetch() -> impl Future<Output = ()> + Send {
    let client = Client(Box::new(true));
    async move {
        match client.status() {
            200 => get().await,
            _ => (),
        }
    }
}
// ANCHOR_END: fetch

#[tokio::main]
async fn main() {
    tokio::spawn(fetch()).await.unwrap();
    println!("the borrow of `client` ends before the await");
}
