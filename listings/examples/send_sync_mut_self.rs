use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};

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

// ANCHOR: atomic
struct AtomicCounter {
    hits: AtomicU32,
}

impl AtomicCounter {
    // `&self` again, but `AtomicCounter` is `Sync`, so `&AtomicCounter` is `Send`.
    async fn bump(&self) {
        self.hits.fetch_add(1, Ordering::Relaxed);
        tokio::task::yield_now().await;
    }
}
// ANCHOR_END: atomic

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

    let task = tokio::spawn(async {
        let counter = AtomicCounter {
            hits: AtomicU32::new(0),
        };
        counter.bump().await;
        counter.hits.into_inner()
    });
    assert_eq!(task.await.unwrap(), 1);
    println!("both counters bumped on worker threads");
}
// ANCHOR_END: main
