use async_trait::async_trait;
use std::cell::RefCell;

#[async_trait]
trait Tickets {
    async fn next_ticket(&self) -> u32;
}

struct LocalCounter {
    issued: RefCell<u32>,
}

#[async_trait]
impl Tickets for LocalCounter {
    async fn next_ticket(&self) -> u32 {
        let ticket = *self.issued.borrow() + 1;
        self.issued.replace(ticket);
        ticket
    }
}

fn main() {}
