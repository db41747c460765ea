use std::time::Duration;

use tracing::Instrument;

// ANCHOR: reload
async fn reload() {
    async {
        tokio::time::sleep(Duration::from_millis(1)).await;
        tracing::info!("reloaded");
    }
    .instrument(tracing::info_span!("reload"))
    .await
}
// ANCHOR_END: reload

// ANCHOR: attribute
#[tracing::instrument]
async fn reload_attr() {
    tokio::time::sleep(Duration::from_millis(1)).await;
    tracing::info!("reloaded");
}
// ANCHOR_END: attribute

#[tokio::main]
async fn main() {
    tokio::spawn(reload()).await.unwrap();
    tokio::spawn(reload_attr()).await.unwrap();
    println!("both spawned and finished");
}
