use async_trait::async_trait;

// ANCHOR: both
#[async_trait]
trait Printer: Send + Sync {
    async fn print(&self, line: &str) -> String;
}

struct Basic;

#[async_trait]
impl Printer for Basic {
    async fn print(&self, line: &str) -> String {
        line.to_uppercase()
    }
}
// ANCHOR_END: both

#[tokio::main]
async fn main() {
    let out = Basic.print("hello").await;
    assert_eq!(out, "HELLO");
    println!("{out}");
}
