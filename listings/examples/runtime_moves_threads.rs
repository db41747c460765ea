use std::sync::mpsc;
use std::thread::{self, ThreadId};
use std::time::Duration;
use tokio::sync::oneshot;

// ANCHOR: round
/// One round: the task stops at an `.await` while its worker is kept busy. Returns the
/// thread the task ran on before the `.await` and the one it resumed on, or `None` when the
/// round did not go as the steps below describe.
async fn one_round() -> Option<(ThreadId, ThreadId)> {
    let before = thread::current().id();
    // The helper sends `true` when it runs on this task's worker, as the steps need.
    let (wake_tx, wake_rx) = oneshot::channel::<bool>();
    let (resumed_tx, resumed_rx) = mpsc::channel::<()>();

    // Spawned from inside a worker, this task usually runs next on the same worker.
    tokio::spawn(async move {
        if thread::current().id() != before {
            // It did not. Blocking this worker would leave the task's own worker free to take
            // the task back, so nothing would make it move: wake it at once, and say that this
            // round does not count.
            wake_tx.send(false).unwrap();
            return;
        }
        // Wake the task from a thread outside the runtime...
        thread::spawn(move || wake_tx.send(true).unwrap());
        // ...and keep this worker busy until the task has resumed somewhere else
        // (or a second has passed, so that the round always ends).
        let _ = resumed_rx.recv_timeout(Duration::from_secs(1));
    });

    // The task stops here; its state waits inside the future.
    let as_the_steps_say = wake_rx.await.unwrap();
    let after = thread::current().id();
    let _ = resumed_tx.send(());
    as_the_steps_say.then_some((before, after))
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
                if let Some((before, after)) = one_round().await
                    && before != after
                {
                    return Some(round);
                }
            }
            None
        })
        .await
        .unwrap()
    });

    assert!(
        moved_in_round.is_some(),
        "the task never moved as the steps say"
    );
    println!("the task resumed on another worker thread");
}
// ANCHOR_END: main
