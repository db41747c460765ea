use std::cell::Cell;

struct Counter {
    hits: Cell<u32>,
}

impl Counter {
    async fn bump(&self) {
        self.hits.set(self.hits.get() + 1);
        tokio::task::yield_now().await;
    }
}

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let counter = Counter { hits: Cell::new(0) };
        counter.bump().await;
    });
}
