use std::error::Error;

async fn parse(input: &str) -> Result<u32, Box<dyn Error>> {
    Ok(input.trim().parse()?)
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async { parse("42").await });
    println!("{:?}", task.await.unwrap().unwrap());
}
