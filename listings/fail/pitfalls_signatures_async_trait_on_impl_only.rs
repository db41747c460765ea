use async_trait::async_trait;

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

fn main() {}
