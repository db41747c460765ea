use async_trait::async_trait;
use std::cell::Cell;

// ANCHOR: main
#[async_trait]
trait Job {
    async fn finish(self) -> u32;
}

// Send but not Sync.
struct Tally {
    hits: Cell<u32>,
}

#[async_trait]
impl Job for Tally {
    async fn finish(self) -> u32 {
        self.hits.set(self.hits.get() + 1);
        tokio::task::yield_now().await;
        self.hits.get()
    }
}

#[tokio::main]
async fn main() {
    let tally = Tally {
        hits: Cell::new(41),
    };
    let handle = tokio::spawn(tally.finish());
    assert_eq!(handle.await.unwrap(), 42);
}
// ANCHOR_END: main
