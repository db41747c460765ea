// ANCHOR: fetch_len
// No reference among the arguments: nothing to capture, in any edition,
// so a plain `async fn` will do.
async fn fetch_len(name: String) -> usize {
    tokio::task::yield_now().await;
    name.len()
}
// ANCHOR_END: fetch_len

#[tokio::main]
async fn main() {
    let name = String::from("ada");
    // ANCHOR: spawn
    let task = tokio::spawn(fetch_len(name.clone()));
    // ANCHOR_END: spawn
    let n = task.await.unwrap();
    assert_eq!(n, name.len());
    println!("{n}");
}
