use std::rc::Rc;

use futures::future::join_all;

async fn label(i: u32) -> Rc<str> {
    tokio::task::yield_now().await;
    Rc::from(format!("item {i}"))
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let labels = join_all((0..3).map(label)).await;
        labels.len()
    });
    println!("{}", task.await.unwrap());
}
