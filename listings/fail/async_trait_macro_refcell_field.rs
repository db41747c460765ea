use async_trait::async_trait;
use std::cell::RefCell;

#[async_trait]
trait Counter {
    async fn increment(&self) -> u32;
}

struct LocalCounter {
    count: RefCell<u32>,
}

#[async_trait]
impl Counter for LocalCounter {
    async fn increment(&self) -> u32 {
        *self.count.borrow_mut() += 1;
        *self.count.borrow()
    }
}

fn main() {}
