use std::error::Error;
use std::time::Duration;

fn parse(input: &str) -> Result<u64, Box<dyn Error>> {
    Ok(input.trim().parse()?)
}

// ANCHOR: fetch
async fn fetch_with_fallback(input: &'static str) -> u64 {
    match parse(input) {
        Ok(n) => n,
        r @ Err(_) => {
            drop(r); // the whole `Result` moved away before the `.await`
            tokio::time::sleep(Duration::from_millis(1)).await;
            0
        }
    }
}
// ANCHOR_END: fetch

#[tokio::main]
async fn main() {
    assert_eq!(tokio::spawn(fetch_with_fallback("x")).await.unwrap(), 0);
    assert_eq!(tokio::spawn(fetch_with_fallback("42")).await.unwrap(), 42);
    println!("ok");
}
