//! What a spawn costs, by the size of the future spawned.

use std::hint::black_box;

// ANCHOR: hold
/// Keeps `N` bytes across its `.await`, so the future is a little over `N` bytes.
pub async fn hold<const N: usize>() -> u8 {
    let buf = [1u8; N];
    tokio::task::yield_now().await;
    black_box(&buf)[N - 1]
}
// ANCHOR_END: hold

// ANCHOR: main
fn main() {
    println!("64 B: a future of {} bytes", size_of_val(&hold::<64>()));
    println!(
        "64 KiB: a future of {} bytes",
        size_of_val(&hold::<65536>())
    );
    let rt = tokio::runtime::Runtime::new().unwrap();
    let done = rt.block_on(async {
        tokio::spawn(hold::<64>()).await.unwrap() + tokio::spawn(hold::<65536>()).await.unwrap()
    });
    assert_eq!(done, 2);
}
// ANCHOR_END: main
