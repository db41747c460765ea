use tokio::task::JoinHandle;

// ANCHOR: once
// Every async closure implements `FnOnce`, and a call that consumes the closure
// gives a future that owns the captures.
fn spawn_once<F, Fut>(job: F) -> JoinHandle<Fut::Output>
where
    F: FnOnce() -> Fut,
    Fut: Future + Send + 'static,
    Fut::Output: Send + 'static,
{
    tokio::spawn(job())
}
// ANCHOR_END: once

#[tokio::main]
async fn main() {
    // ANCHOR: call
    let name = String::from("ada");
    let task = spawn_once(async move || format!("hello {name}"));
    // ANCHOR_END: call
    let greeting = task.await.unwrap();
    assert_eq!(greeting, "hello ada");
    println!("{greeting}");
}
