use std::cell::Cell;

// ANCHOR: counter
struct Counter {
    hits: Cell<u32>,
}

impl Counter {
    // `&mut self`: the future holds `&mut Counter`, which is `Send` because
    // `Counter` is `Send`. No `Sync` needed.
    async fn bump(&mut self) {
        self.hits.set(self.hits.get() + 1);
        tokio::task::yield_now().await;
    }
}
// ANCHOR_END: counter

// ANCHOR: main
#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let mut counter = Counter { hits: Cell::new(0) };
        counter.bump().await;
        counter.bump().await;
        counter.hits.get()
    });
    assert_eq!(task.await.unwrap(), 2);
    println!("bumped twice on a worker thread");
}
// ANCHOR_END: main
