use tracing::{info, info_span};

// ANCHOR: handle
async fn handle(job: String) -> usize {
    let entered = info_span!("job", %job).entered(); // `EnteredSpan` is not `Send`
    info!("starting");
    drop(entered); // never borrowed, so its life ends here
    tokio::task::yield_now().await;
    job.len()
}
// ANCHOR_END: handle

#[tokio::main]
async fn main() {
    let n = tokio::spawn(handle("build".into())).await.unwrap();
    assert_eq!(n, 5);
    println!("handled a job of {n} bytes");
}
