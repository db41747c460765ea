use std::cell::Cell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn assert_send<T: Send>() {}
fn assert_sync<T: Sync>() {}

// ANCHOR: send
fn send_a_value() -> usize {
    let text = String::from("moved to another thread");
    // `thread::spawn` needs a `Send` closure: `text` moves to the new thread.
    thread::spawn(move || text.split_whitespace().count())
        .join()
        .unwrap()
}
// ANCHOR_END: send

// ANCHOR: sync
fn share_a_value() -> u32 {
    let hits = AtomicU32::new(0);
    thread::scope(|s| {
        for _ in 0..4 {
            // Each closure captures `&hits`: `&AtomicU32` is `Send` because
            // `AtomicU32` is `Sync`.
            s.spawn(|| hits.fetch_add(1, Ordering::Relaxed));
        }
    });
    hits.into_inner()
}
// ANCHOR_END: sync

// ANCHOR: references
fn references() {
    assert_send::<&AtomicU32>(); // AtomicU32: Sync
    assert_send::<&Mutex<Vec<u8>>>(); // Mutex<Vec<u8>>: Sync
    assert_sync::<Mutex<Cell<u32>>>(); // a Mutex makes a `Send` type `Sync`
    assert_send::<&mut Cell<u32>>(); // `&mut T` is `Send` when `T: Send`
    assert_send::<Cell<u32>>(); // a `Cell` may move; it may not be shared
}
// ANCHOR_END: references

fn main() {
    assert_eq!(send_a_value(), 4);
    assert_eq!(share_a_value(), 4);
    references();
    println!("moved, shared, checked");
}
