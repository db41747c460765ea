use std::rc::Rc;

async fn work() {
    let shared = Rc::new(1);
    tokio::task::yield_now().await;
    println!("{shared}");
}

#[tokio::main]
async fn main() {
    tokio::spawn(work()).await.unwrap();
}
