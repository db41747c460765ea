// tokio-rs/tokio#3885: a read guard inside the block passed to sleep
use std::{sync::RwLock, time::Duration};
#[tokio::main]
async fn main() {
    let timeout = RwLock::new(Duration::from_millis(10));
    tokio::spawn(async move {
        tokio::time::sleep({ timeout.read().unwrap().clone() }).await;
    });
}
