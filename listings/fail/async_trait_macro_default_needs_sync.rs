use async_trait::async_trait;
use std::cell::Cell;

#[async_trait]
trait Greeter {
    fn name(&self) -> String;

    async fn greet(&self) -> String {
        format!("Hello from {}", self.name())
    }
}

struct Visits {
    count: Cell<u32>,
}

// No `async fn` to rewrite here, so no `#[async_trait]`.
impl Greeter for Visits {
    fn name(&self) -> String {
        self.count.set(self.count.get() + 1);
        format!("visit {}", self.count.get())
    }
}

async fn welcome(visits: &Visits) -> String {
    visits.greet().await
}

fn main() {}
