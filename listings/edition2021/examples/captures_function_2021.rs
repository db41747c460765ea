// Edition 2021: `Future` is not in the prelude.
use std::future::Future;

// ANCHOR: fetch_len
// Edition 2021: the return type names no lifetime, so the future captures none.
fn fetch_len(name: &str) -> impl Future<Output = usize> {
    let owned = name.to_owned();
    async move {
        tokio::task::yield_now().await;
        owned.len()
    }
}
// ANCHOR_END: fetch_len

#[tokio::main]
async fn main() {
    // ANCHOR: spawn
    let name = String::from("ada");
    let task = tokio::spawn(fetch_len(&name));
    drop(name);
    // ANCHOR_END: spawn
    let n = task.await.unwrap();
    assert_eq!(n, 3);
    println!("{n}");
}
