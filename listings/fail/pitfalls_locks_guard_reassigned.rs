use std::sync::Mutex;
use std::time::Duration;

// `turn` guards something outside the mutex (here: stdout), so the guard
// is never read through: it is only moved into `drop` and assigned again.
async fn take_turns(turn: &Mutex<()>, name: &str) {
    let mut guard = turn.lock().unwrap();
    for round in 0..3 {
        println!("{name}: round {round}");
        drop(guard);
        tokio::time::sleep(Duration::from_millis(1)).await;
        guard = turn.lock().unwrap();
    }
}

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let turn = Mutex::new(());
    let future = take_turns(&turn, "a");
    assert_send(&future);
}
