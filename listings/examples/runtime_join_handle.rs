use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

// ANCHOR: run
/// Spawns a task on a current-thread runtime, then shuts the runtime down.
/// Returns whether the task ran.
fn run(await_the_handle: bool) -> bool {
    let ran = Arc::new(AtomicBool::new(false));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();

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

// ANCHOR: cancelled
/// A task that never finishes, cancelled by `abort()` or by the runtime's shutdown:
/// its `JoinHandle` gives back a `JoinError` that says so.
fn cancelled() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let aborted = runtime.block_on(async {
        let handle = tokio::spawn(std::future::pending::<()>());
        handle.abort();
        handle.await
    });
    assert!(aborted.unwrap_err().is_cancelled());

    let handle = runtime.spawn(std::future::pending::<()>());
    drop(runtime); // shutdown drops the task
    let shut_down = futures::executor::block_on(handle);
    assert!(shut_down.unwrap_err().is_cancelled());
}
// ANCHOR_END: cancelled

// ANCHOR: main
fn main() {
    assert!(!run(false), "never polled: `block_on` returned first");
    assert!(run(true));
    cancelled();
    println!("not awaited: did not run; awaited: ran; aborted or shut down: cancelled");
}
// ANCHOR_END: main
