fn greet_later(name: &str) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        println!("hello, {name}");
    })
}

#[tokio::main]
async fn main() {
    greet_later("ada").await.unwrap();
}
