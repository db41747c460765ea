async fn answer() -> u32 {
    42
}

#[tokio::main]
async fn main() {
    let n = answer().await;
    let chain = if let Some(x) = Some(n) && x > 40 { "let chains: edition 2024" } else { "" };
    println!("{n} {chain}");
}
