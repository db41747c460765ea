use std::error::Error;

// ANCHOR: parse
async fn parse(input: &str) -> Result<u32, Box<dyn Error + Send + Sync>> {
    Ok(input.trim().parse()?)
}
// ANCHOR_END: parse

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async { parse("42").await });
    assert_eq!(task.await.unwrap().unwrap(), 42);
    let task = tokio::spawn(async { parse("forty-two").await });
    let error = task.await.unwrap().unwrap_err();
    println!("42 parsed; the other input failed on a worker thread: {error}");
}
