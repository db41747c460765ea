//! An `async fn` and the state machine it stands for, written by hand, run side by side.

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

type Log = Arc<Mutex<Vec<String>>>;

fn note(log: &Log, line: String) {
    log.lock().unwrap().push(line);
}

// ANCHOR: tick
/// A future that is not ready the first time it is polled, and ready the second time.
struct Tick {
    polled: bool,
}

fn tick() -> Tick {
    Tick { polled: false }
}

impl Future for Tick {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.polled {
            Poll::Ready(())
        } else {
            self.polled = true;
            cx.waker().wake_by_ref(); // "poll me again"
            Poll::Pending
        }
    }
}
// ANCHOR_END: tick

// ANCHOR: async_fn
async fn greet(log: Log, name: String) -> usize {
    note(&log, format!("hello, {name}"));
    tick().await;
    note(&log, format!("goodbye, {name}"));
    name.len()
}
// ANCHOR_END: async_fn

// ANCHOR: by_hand
enum Greet {
    /// Called, not yet polled: holds the arguments.
    Start { log: Log, name: String },
    /// Suspended at `tick().await`: holds what is used after it, and the future it awaits.
    AtTick { log: Log, name: String, tick: Tick },
    /// Returned its output.
    Done,
}

fn greet_by_hand(log: Log, name: String) -> Greet {
    Greet::Start { log, name } // runs none of the body
}

impl Future for Greet {
    type Output = usize;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<usize> {
        // Every field of `Greet` is `Unpin`, so `Greet` is, and we may take `&mut` out of the `Pin`.
        let state = self.get_mut();
        loop {
            match std::mem::replace(state, Greet::Done) {
                Greet::Start { log, name } => {
                    note(&log, format!("hello, {name}"));
                    *state = Greet::AtTick {
                        log,
                        name,
                        tick: tick(),
                    };
                }
                Greet::AtTick {
                    log,
                    name,
                    mut tick,
                } => match Pin::new(&mut tick).poll(cx) {
                    Poll::Pending => {
                        *state = Greet::AtTick { log, name, tick };
                        return Poll::Pending;
                    }
                    Poll::Ready(()) => {
                        note(&log, format!("goodbye, {name}"));
                        return Poll::Ready(name.len());
                    }
                },
                Greet::Done => panic!("`Greet` polled after it returned"),
            }
        }
    }
}
// ANCHOR_END: by_hand

// ANCHOR: main
/// Polls a future to completion on this thread and logs what each poll returned.
fn run<F: Future>(future: F, log: &Log) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Pending => note(log, "poll: Pending".into()),
            Poll::Ready(output) => {
                note(log, "poll: Ready".into());
                return output;
            }
        }
    }
}

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let compiled: Log = Arc::default();
    let future = greet(Arc::clone(&compiled), "Ferris".into());
    note(&compiled, "called".into());
    assert_send(&future);
    let n = run(future, &compiled);
    assert_eq!(n, 6);

    let by_hand: Log = Arc::default();
    let future = greet_by_hand(Arc::clone(&by_hand), "Ferris".into());
    note(&by_hand, "called".into());
    assert_send(&future);
    assert_eq!(run(future, &by_hand), n);

    let compiled = compiled.lock().unwrap();
    // `called` first: calling ran none of the body. One `Pending`: the stop at `tick()`.
    let expected = [
        "called",
        "hello, Ferris",
        "poll: Pending",
        "goodbye, Ferris",
        "poll: Ready",
    ];
    assert_eq!(*compiled, expected);
    assert_eq!(*compiled, *by_hand.lock().unwrap());
    println!("{compiled:#?}");
}
// ANCHOR_END: main
