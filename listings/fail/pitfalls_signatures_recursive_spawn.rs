use std::time::Duration;

async fn tick(n: u32) {
    if n == 0 {
        return;
    }
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1)).await;
        tick(n - 1).await;
    });
}

#[tokio::main]
async fn main() {
    tick(3).await;
}
