use std::time::Duration;

// ANCHOR: wait
async fn wait_for(check: impl Fn(u32) -> bool) -> u32 {
    let mut n = 0;
    while !check(n) {
        tokio::time::sleep(Duration::from_millis(1)).await;
        n += 1;
    }
    n
}
// ANCHOR_END: wait

#[tokio::main]
async fn main() {
    let n = tokio::spawn(async move {
        let target = 3;
        wait_for(move |n| n == target).await
    })
    .await
    .unwrap();
    assert_eq!(n, 3);
    println!("reached {n}");
}
