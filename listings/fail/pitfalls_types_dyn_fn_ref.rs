use std::time::Duration;

async fn wait_for(check: &dyn Fn(u32) -> bool) -> u32 {
    let mut n = 0;
    while !check(n) {
        tokio::time::sleep(Duration::from_millis(1)).await;
        n += 1;
    }
    n
}

#[tokio::main]
async fn main() {
    tokio::spawn(async move {
        let target = 3;
        wait_for(&move |n| n == target).await
    })
    .await
    .unwrap();
}
