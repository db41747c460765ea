// a Cell counter shared through an Arc in spawned tasks
use std::cell::Cell;
use std::sync::Arc;
#[tokio::main]
async fn main() {
    let hits = Arc::new(Cell::new(0u32));
    let h = Arc::clone(&hits);
    tokio::spawn(async move { h.set(h.get() + 1); });
}
