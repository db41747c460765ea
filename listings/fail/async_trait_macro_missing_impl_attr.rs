use async_trait::async_trait;

#[async_trait]
trait Greeter {
    async fn greet(&self, name: &str) -> String;
}

struct English;

impl Greeter for English {
    async fn greet(&self, name: &str) -> String {
        format!("Hello, {name}!")
    }
}

fn main() {}
