// a spawned task borrowing a local of main
#[tokio::main]
async fn main() {
    let names = vec!["a".to_string()];
    let handle = tokio::spawn(async { println!("{}", names.len()) });
    handle.await.unwrap();
}
