use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

// ANCHOR: run
/// Spawns a task on a current-thread runtime, then shuts the runtime down.
/// Returns whether the task ran.
fn run(await_the_handle: bool) -> bool {
    let ran = Arc::new(AtomicBool::new(false));
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();

    let flag = Arc::clone(&ran);
    runtime.block_on(async move {
        let handle = tokio::spawn(async move {
            flag.store(true, Ordering::SeqCst);
        });
        if await_the_handle {
            handle.await.unwrap();
        }
    });
    drop(runtime); // what `#[tokio::main]` does when `main` returns

    // The task, and the `Arc` it captured, are gone either way.
    assert_eq!(Arc::strong_count(&ran), 1);
    ran.load(Ordering::SeqCst)
}
// ANCHOR_END: run

// ANCHOR: main
fn main() {
    assert!(!run(false), "never polled: `block_on` returned first");
    assert!(run(true));
    println!("not awaited: did not run; awaited: ran");
}
// ANCHOR_END: main
