use std::rc::Rc;

use futures::stream::{self, BoxStream, StreamExt};

// This stream holds its items, `Rc`s, in a vector: it is not `Send`.
// `boxed()` asks for `Send`, so the error is here, not where a task holds the stream.
fn numbers() -> BoxStream<'static, Rc<u32>> {
    stream::iter(vec![Rc::new(1_u32), Rc::new(2)]).boxed()
}

#[tokio::main]
async fn main() {
    let all: Vec<Rc<u32>> = numbers().collect().await;
    println!("{}", all.len());
}
