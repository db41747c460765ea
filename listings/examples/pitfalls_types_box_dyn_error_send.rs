use std::error::Error;
use std::time::Duration;

// ANCHOR: parse
fn parse(input: &str) -> Result<u64, Box<dyn Error + Send + Sync>> {
    Ok(input.trim().parse()?)
}
// ANCHOR_END: parse

async fn fetch_with_fallback(input: &'static str) -> u64 {
    match parse(input) {
        Ok(n) => n,
        Err(e) => {
            tokio::time::sleep(Duration::from_millis(1)).await;
            eprintln!("falling back: {e}");
            0
        }
    }
}

#[tokio::main]
async fn main() {
    assert_eq!(tokio::spawn(fetch_with_fallback("x")).await.unwrap(), 0);
    assert_eq!(tokio::spawn(fetch_with_fallback("42")).await.unwrap(), 42);
    println!("ok");
}
