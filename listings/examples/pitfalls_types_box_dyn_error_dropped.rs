// ANCHOR: consume
use std::error::Error;
use std::time::Duration;
use tokio::task::JoinHandle;

fn parse(input: &str) -> Result<u64, Box<dyn Error>> {
    Ok(input.trim().parse()?)
}

fn log_and_default(error: Box<dyn Error>) -> u64 {
    eprintln!("ignored: {error}");
    0
}

async fn parse_or_default(input: &str) -> u64 {
    let result = parse(input); // its scope goes past the `.await`
    let n = result.unwrap_or_else(log_and_default); // moves `result`, never borrows it
    tokio::time::sleep(Duration::from_millis(1)).await;
    n
}

fn spawn_parse(input: &'static str) -> JoinHandle<u64> {
    tokio::spawn(parse_or_default(input)) // needs a `Send` future
}
// ANCHOR_END: consume

// ANCHOR: loop_inside
async fn sum_all(first: &str, rest: &[&str]) -> u64 {
    let mut total = parse(first).unwrap_or_else(log_and_default);
    for input in rest {
        tokio::time::sleep(Duration::from_millis(1)).await;
        let result = parse(input); // declared in the loop: a new local each turn
        total += result.unwrap_or_else(log_and_default);
    }
    total
}
// ANCHOR_END: loop_inside

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let future = parse_or_default("x");
    assert_send(&future);
    assert_eq!(future.await, 0);
    assert_eq!(spawn_parse("7").await.unwrap(), 7);
    let sum = sum_all("1", &["2", "x"]);
    assert_send(&sum);
    assert_eq!(tokio::spawn(sum).await.unwrap(), 3);
}
