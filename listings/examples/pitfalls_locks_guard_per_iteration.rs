use std::sync::Mutex;
use std::time::Duration;

// ANCHOR: turns
async fn take_turns(turn: &Mutex<()>, name: &str) {
    for round in 0..3 {
        {
            let _turn = turn.lock().unwrap();
            println!("{name}: round {round}");
        } // a fresh guard each round, dropped before the `.await`
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}
// ANCHOR_END: turns

// ANCHOR: straight
// The same moves without the loop: the future is `Send`.
async fn one_turn_each_side(turn: &Mutex<()>) {
    let mut guard = turn.lock().unwrap();
    drop(guard);
    tokio::time::sleep(Duration::from_millis(1)).await;
    guard = turn.lock().unwrap();
    drop(guard);
}
// ANCHOR_END: straight

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let turn = Mutex::new(());
    let turns = take_turns(&turn, "a");
    let straight = one_turn_each_side(&turn);
    assert_send(&turns);
    assert_send(&straight);
    turns.await;
    straight.await;
}
