#[tokio::main]
async fn main() {
    // A multi-thread runtime and no `LocalSet`: this panics.
    let handle = tokio::task::spawn_local(async { 1 });
    println!("{}", handle.await.unwrap());
}
