use std::thread;
use tokio::sync::oneshot;

// ANCHOR: main
fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (started_tx, started_rx) = oneshot::channel();
    let (go_tx, go_rx) = oneshot::channel::<()>();

    let task = runtime.spawn(async move {
        started_tx.send(thread::current().id()).unwrap();
        go_rx.await.unwrap(); // the task stops here...
        thread::current().id() // ...and resumes wherever the runtime is driven next
    });

    // Drive the runtime on the main thread until the task has started.
    let first = runtime.block_on(started_rx).unwrap();
    assert_eq!(first, thread::current().id());

    // Move the whole runtime, with the stopped task inside, to another thread.
    let other = thread::spawn(move || {
        go_tx.send(()).unwrap();
        let resumed = runtime.block_on(task).unwrap();
        assert_eq!(resumed, thread::current().id());
        resumed
    });
    let resumed = other.join().unwrap();
    assert_ne!(first, resumed);
    println!("one current-thread runtime, one task, two threads");
}
// ANCHOR_END: main
