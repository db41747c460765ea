use std::rc::Rc;

use futures::stream::{self, StreamExt};

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        // `Peekable` has room for one peeked item: an `Rc<i32>`.
        let mut numbers = stream::iter(0..3).map(Rc::new).peekable();
        let mut sum = 0;
        while let Some(n) = numbers.next().await.map(|rc| *rc) {
            tokio::task::yield_now().await;
            sum += n;
        }
        sum
    });
    println!("{}", task.await.unwrap());
}
