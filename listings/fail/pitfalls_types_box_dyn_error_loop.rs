use std::error::Error;
use std::time::Duration;

fn parse(input: &str) -> Result<u64, Box<dyn Error>> {
    Ok(input.trim().parse()?)
}

fn log_and_default(error: Box<dyn Error>) -> u64 {
    eprintln!("ignored: {error}");
    0
}

// The same moves as in `parse_or_default`, in a loop: `result` is moved away
// before each `.await`, never borrowed, and assigned again after it.
async fn sum_all(first: &str, rest: &[&str]) -> u64 {
    let mut total = 0;
    let mut result = parse(first);
    for input in rest {
        total += result.unwrap_or_else(log_and_default);
        tokio::time::sleep(Duration::from_millis(1)).await;
        result = parse(input);
    }
    total + result.unwrap_or_else(log_and_default)
}

#[tokio::main]
async fn main() {
    let total = tokio::spawn(sum_all("1", &["2", "x"])).await.unwrap();
    println!("{total}");
}
