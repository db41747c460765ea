use std::time::Duration;

async fn reload() {
    let _entered = tracing::info_span!("reload").entered();
    tokio::time::sleep(Duration::from_millis(1)).await;
    tracing::info!("reloaded");
}

#[tokio::main]
async fn main() {
    tokio::spawn(reload()).await.unwrap();
}
