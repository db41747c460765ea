use std::rc::Rc;

use futures::stream::{self, StreamExt};

async fn label(i: u32) -> Rc<str> {
    tokio::task::yield_now().await;
    Rc::from(format!("item {i}"))
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        // `buffered` keeps outputs that finish early until their turn comes.
        let mut labels = stream::iter(0..3).map(label).buffered(2);
        let mut total = 0;
        while let Some(label) = labels.next().await {
            total += label.len();
        }
        total
    });
    println!("{}", task.await.unwrap());
}
