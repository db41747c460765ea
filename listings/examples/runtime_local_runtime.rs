use std::cell::Cell;
use std::rc::Rc;

// ANCHOR: main
#[tokio::main(flavor = "local")]
async fn main() {
    let hits = Rc::new(Cell::new(0));
    let mut handles = Vec::new();
    for _ in 0..3 {
        let hits = Rc::clone(&hits);
        // No `LocalSet`: on a `LocalRuntime`, `spawn_local` works anywhere.
        handles.push(tokio::task::spawn_local(async move {
            tokio::task::yield_now().await;
            hits.set(hits.get() + 1);
        }));
    }
    for handle in handles {
        handle.await.unwrap();
    }
    assert_eq!(hits.get(), 3);
    println!("3 local tasks ran");
}
// ANCHOR_END: main
