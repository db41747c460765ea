use std::time::Duration;

// ANCHOR: reload
async fn reload() {
    let span = tracing::info_span!("reload");
    let _entered = span.enter(); // compiles, but wrong: see below
    tokio::time::sleep(Duration::from_millis(1)).await;
    tracing::info!("reloaded");
}
// ANCHOR_END: reload

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let future = reload();
    assert_send(&future);
    tokio::spawn(future).await.unwrap();
    println!("spawned and finished");
}
