//! How big a future is depends on what it keeps across its awaits.

use std::mem::size_of_val;

// ANCHOR: futures
/// Stands for any await that can suspend: a read, a lock, a timer.
async fn io() {}

/// The buffer is used after the await, so the future keeps all 1024 bytes.
pub async fn used_after() -> u8 {
    let buf = [1u8; 1024];
    io().await;
    buf[0]
}

/// A buffer with a destructor (think: one that goes back to a pool).
pub struct Pooled(pub [u8; 1024]);

impl Drop for Pooled {
    fn drop(&mut self) {}
}

/// Not mentioned after the await, but dropped at the end of the scope,
/// which is after the await: kept.
pub async fn dropped_at_end() -> u8 {
    let buf = Pooled([1u8; 1024]);
    let first = buf.0[0];
    io().await;
    first
}

/// Dropped before the await: not kept.
pub async fn dropped_before() -> u8 {
    let buf = Pooled([1u8; 1024]);
    let first = buf.0[0];
    drop(buf);
    io().await;
    first
}

/// Awaiting a future embeds it: this one is bigger than `used_after`.
pub async fn nested() -> u8 {
    used_after().await
}

/// Boxing it moves it to the heap: this future keeps a pointer,
/// and every call allocates what `used_after` needs.
pub async fn boxed() -> u8 {
    Box::pin(used_after()).await
}
// ANCHOR_END: futures

// ANCHOR: main
fn main() {
    let big = size_of_val(&used_after());
    assert!(big > 1024);
    assert!(size_of_val(&dropped_at_end()) > 1024);
    assert!(size_of_val(&dropped_before()) < 16);
    assert!(size_of_val(&nested()) > big);
    assert!(size_of_val(&boxed()) < 32);
    println!(
        "used_after: {big} bytes, boxed: {} bytes",
        size_of_val(&boxed())
    );
}
// ANCHOR_END: main
