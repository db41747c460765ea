use std::any::Any;
use std::time::Duration;

struct Slot {
    value: Box<dyn Any + Send>,
}

impl Slot {
    async fn describe(&self) -> bool {
        tokio::time::sleep(Duration::from_millis(1)).await;
        self.value.is::<i32>()
    }
}

#[tokio::main]
async fn main() {
    let slot = Slot {
        value: Box::new(7_i32),
    };
    tokio::spawn(async move { slot.describe().await })
        .await
        .unwrap();
}
