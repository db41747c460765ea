// rust-lang/rust#128095: a watch::Ref dropped by hand, still held across the await
#[tokio::main]
async fn main() {
    let (_tx, rx) = tokio::sync::watch::channel(vec![1, 2, 3]);
    let mut binding = rx.clone();
    tokio::spawn(async move {
        let value = binding.borrow();
        let len = value.len();
        drop(value);
        println!("len: {len}");
        binding.changed().await.ok();
    });
}
