use std::cell::Cell;

struct Counter {
    hits: Cell<u32>,
}

impl Counter {
    // No `.await` in the body: the future still holds `&self` from the start.
    async fn bump(&self) -> u32 {
        self.hits.set(self.hits.get() + 1);
        self.hits.get()
    }
}

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let counter = Counter { hits: Cell::new(0) };
        counter.bump().await;
    });
}
