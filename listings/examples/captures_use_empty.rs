// ANCHOR: fetch_len
// `use<>`: the future captures no lifetime, so it is 'static.
fn fetch_len(name: &str) -> impl Future<Output = usize> + use<> {
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
    drop(name); // the task does not borrow it
    // ANCHOR_END: spawn
    let n = task.await.unwrap();
    assert_eq!(n, 3);
    println!("{n}");
}
