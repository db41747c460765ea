// Edition 2024: the returned future captures the lifetime of `name`,
// although the async block only holds an owned copy.
fn fetch_len(name: &str) -> impl Future<Output = usize> {
    let owned = name.to_owned();
    async move {
        tokio::task::yield_now().await;
        owned.len()
    }
}

#[tokio::main]
async fn main() {
    let name = String::from("ada");
    let task = tokio::spawn(fetch_len(&name));
    println!("{}", task.await.unwrap());
}
