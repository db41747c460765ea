use std::error::Error;
use std::time::Duration;

fn parse(input: &str) -> Result<u64, Box<dyn Error>> {
    Ok(input.trim().parse()?)
}

async fn fetch_with_fallback(input: &'static str) -> u64 {
    match parse(input) {
        Ok(n) => n,
        Err(e) => {
            drop(e); // moved away before the `.await`, never borrowed
            tokio::time::sleep(Duration::from_millis(1)).await;
            0
        }
    }
}

#[tokio::main]
async fn main() {
    tokio::spawn(fetch_with_fallback("x")).await.unwrap();
}
