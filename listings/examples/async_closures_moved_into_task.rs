#[tokio::main]
async fn main() {
    // ANCHOR: moved
    let name = String::from("ada");
    let greet = async move || format!("hello {name}");
    // The task owns the closure; each call borrows it inside the task.
    let task = tokio::spawn(async move {
        let first = greet().await;
        let second = greet().await;
        format!("{first}, {second}")
    });
    // ANCHOR_END: moved
    let both = task.await.unwrap();
    assert_eq!(both, "hello ada, hello ada");
    println!("{both}");
}
