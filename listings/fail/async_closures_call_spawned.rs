#[tokio::main]
async fn main() {
    let name = String::from("ada");
    let greet = async move || format!("hello {name}");
    // Each call borrows `greet`: the future is not 'static.
    let task = tokio::spawn(greet());
    println!("{}", task.await.unwrap());
}
