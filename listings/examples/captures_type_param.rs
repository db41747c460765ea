use std::fmt::Debug;

// ANCHOR: describe
// Type parameters are always captured: `use<T>` names `T` and leaves out the lifetime.
fn describe<T: Debug>(item: &T) -> impl Future<Output = String> + use<T> {
    let text = format!("{item:?}");
    async move {
        tokio::task::yield_now().await;
        text
    }
}
// ANCHOR_END: describe

#[tokio::main]
async fn main() {
    // ANCHOR: spawn
    // Spawning needs `T: 'static`: `Vec<i32>` is, the borrow of `item` need not be.
    let item = vec![1, 2];
    let task = tokio::spawn(describe(&item));
    drop(item);
    // ANCHOR_END: spawn
    let text = task.await.unwrap();
    assert_eq!(text, "[1, 2]");
    println!("{text}");
}
