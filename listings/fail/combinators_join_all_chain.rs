use std::rc::Rc;

use futures::future::join_all;

async fn label(i: u32) -> Rc<str> {
    tokio::task::yield_now().await;
    Rc::from(format!("item {i}"))
}

// A static check: is the combinator itself `Send`?
fn require_send<T: Send>(value: T) -> T {
    value
}

#[tokio::main]
async fn main() {
    let labels = require_send(join_all((0..3).map(label))).await;
    println!("{}", labels.len());
}
