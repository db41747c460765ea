use futures::stream::{self, StreamExt};

// ANCHOR: owned
async fn doubled() -> Vec<i32> {
    let ints = [1, 2, 3];
    stream::iter(ints) // items by value: no borrow in the closure's signature
        .map(|i| async move { i * 2 })
        .buffer_unordered(2)
        .collect()
        .await
}
// ANCHOR_END: owned

// ANCHOR: boxed
async fn doubled_boxed() -> Vec<i32> {
    let ints = [1, 2, 3];
    stream::iter(&ints)
        .map(|i| async move { i * 2 })
        .boxed() // erases the closure's type, and with it the lifetime puzzle
        .buffer_unordered(2)
        .collect()
        .await
}
// ANCHOR_END: boxed

#[tokio::main]
async fn main() {
    let mut a = tokio::spawn(doubled()).await.unwrap();
    let mut b = tokio::spawn(doubled_boxed()).await.unwrap();
    a.sort();
    b.sort();
    assert_eq!(a, [2, 4, 6]);
    assert_eq!(a, b);
    println!("{a:?}");
}
