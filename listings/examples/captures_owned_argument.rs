// ANCHOR: fetch_len
// No reference in the signature: nothing to capture, in any edition.
fn fetch_len(name: String) -> impl Future<Output = usize> {
    async move {
        tokio::task::yield_now().await;
        name.len()
    }
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
