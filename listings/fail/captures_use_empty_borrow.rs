// `use<>` promises that the future captures no lifetime, and this one borrows `name`.
fn fetch_len(name: &str) -> impl Future<Output = usize> + use<> {
    async move {
        tokio::task::yield_now().await;
        name.len()
    }
}

#[tokio::main]
async fn main() {
    let name = String::from("ada");
    println!("{}", tokio::spawn(fetch_len(&name)).await.unwrap());
}
