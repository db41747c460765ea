use async_trait::async_trait;
use std::cell::Cell;

#[async_trait]
trait Greeter {
    fn name(&self) -> String;

    async fn greet(&self) -> String {
        format!("Hello from {}", self.name())
    }
}

// ANCHOR: impl
// Send, but not Sync: a Cell can be moved to another thread, not shared with one.
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
// ANCHOR_END: impl

struct Fixed;

impl Greeter for Fixed {
    fn name(&self) -> String {
        "a Sync type".to_string()
    }
}

#[tokio::main]
async fn main() {
    let visits = Visits {
        count: Cell::new(0),
    };
    assert_eq!(visits.name(), "visit 1");
    assert_eq!(Fixed.greet().await, "Hello from a Sync type");
    println!("{} / {}", visits.name(), Fixed.greet().await);
}
