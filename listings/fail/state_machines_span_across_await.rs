use tracing::{info, info_span};

async fn handle(job: String) -> usize {
    let _entered = info_span!("job", %job).entered();
    info!("starting");
    tokio::task::yield_now().await;
    job.len()
}

#[tokio::main]
async fn main() {
    let n = tokio::spawn(handle("build".into())).await.unwrap();
    println!("handled a job of {n} bytes");
}
