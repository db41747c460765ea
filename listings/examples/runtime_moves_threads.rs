use std::sync::mpsc;
use std::thread::{self, ThreadId};
use std::time::Duration;
use tokio::sync::oneshot;

// ANCHOR: round
/// One round: the task stops at an `.await` while its worker is kept busy. Returns the
/// thread the task ran on before the `.await` and the one it resumed on.
async fn one_round() -> (ThreadId, ThreadId) {
    let before = thread::current().id();
    let (wake_tx, wake_rx) = oneshot::channel::<()>();
    let (resumed_tx, resumed_rx) = mpsc::channel::<()>();

    // Spawned from inside a worker, this task usually runs next on the same worker.
    tokio::spawn(async move {
        if thread::current().id() != before {
            // It did not: wake the task and let this round end without a move.
            wake_tx.send(()).unwrap();
            return;
        }
        // Wake the task from a thread outside the runtime...
        thread::spawn(move || wake_tx.send(()).unwrap());
        // ...and keep this worker busy until the task has resumed somewhere else
        // (or a second has passed, so that the round always ends).
        let _ = resumed_rx.recv_timeout(Duration::from_secs(1));
    });

    wake_rx.await.unwrap(); // the task stops here; its state waits inside the future
    let after = thread::current().id();
    let _ = resumed_tx.send(());
    (before, after)
}
// ANCHOR_END: round

// ANCHOR: main
fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();

    let moved_in_round = runtime.block_on(async {
        // Spawned, so that it runs on a worker: `block_on`'s own future runs on this thread.
        tokio::spawn(async {
            for round in 1..=20 {
                let (before, after) = one_round().await;
                if before != after {
                    return Some(round);
                }
            }
            None
        })
        .await
        .unwrap()
    });

    assert!(moved_in_round.is_some(), "the task never changed threads");
    println!("the task resumed on another worker thread");
}
// ANCHOR_END: main
