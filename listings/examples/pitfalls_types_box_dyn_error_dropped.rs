use std::error::Error;

// ANCHOR: consume
async fn consume_result() {
    let r: Box<dyn Error> = "oh no".into();
    std::mem::drop(r);
    async {}.await
}
// ANCHOR_END: consume

fn must_be_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let future = consume_result();
    must_be_send(&future);
    tokio::spawn(future).await.unwrap();
    println!("Send since the value is moved out before the await");
}
