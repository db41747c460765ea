// tokio-rs/tracing: span.enter() held across an await in a spawned task
#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let span = tracing::info_span!("request");
        let _entered = span.entered();
        tokio::task::yield_now().await;
    });
}
