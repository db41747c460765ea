//! A future's size is the size of what it holds at its awaits.

use std::mem::size_of_val;

async fn pause() {}

fn fill(buf: &mut [u8]) {
    buf.fill(7);
}

// ANCHOR: futures
/// `buf` is used after the await: the future holds all 1024 bytes.
async fn used_after() -> u8 {
    let buf = [7u8; 1024];
    pause().await;
    buf[0]
}

/// `buf` is last used before the await: only the copied byte is held.
async fn used_before() -> u8 {
    let buf = [7u8; 1024];
    let first = buf[0];
    pause().await;
    first
}

/// `buf` was borrowed (by `fill`) and is still in scope at the await: held,
/// although nothing reads it after the await.
async fn borrowed_before() -> u8 {
    let mut buf = [0u8; 1024];
    fill(&mut buf);
    let first = buf[0];
    pause().await;
    first
}

/// The same, with `buf` in a block that ends before the await: not held.
async fn borrowed_in_block() -> u8 {
    let first = {
        let mut buf = [0u8; 1024];
        fill(&mut buf);
        buf[0]
    };
    pause().await;
    first
}

/// A `Vec` keeps its bytes on the heap: the future holds pointer, capacity, length.
async fn vec_used_after() -> u8 {
    let buf = vec![7u8; 1024];
    pause().await;
    buf[0]
}

/// Awaiting a future holds it, inside the caller's future.
async fn awaits_used_after() -> u8 {
    used_after().await
}
// ANCHOR_END: futures

// ANCHOR: main
fn main() {
    let used_after = size_of_val(&used_after());
    let used_before = size_of_val(&used_before());
    let borrowed_before = size_of_val(&borrowed_before());
    let borrowed_in_block = size_of_val(&borrowed_in_block());
    let vec_used_after = size_of_val(&vec_used_after());
    let awaits_used_after = size_of_val(&awaits_used_after());
    println!("used_after:        {used_after:4} bytes");
    println!("used_before:       {used_before:4} bytes");
    println!("borrowed_before:   {borrowed_before:4} bytes");
    println!("borrowed_in_block: {borrowed_in_block:4} bytes");
    println!("vec_used_after:    {vec_used_after:4} bytes");
    println!("awaits_used_after: {awaits_used_after:4} bytes");

    assert!(used_after >= 1024);
    assert!(used_before < 64);
    assert!(borrowed_before >= 1024);
    assert!(borrowed_in_block < 64);
    assert!(vec_used_after < 64);
    assert!(awaits_used_after >= used_after);

    // The exact sizes the chapter quotes, with the pinned Rust 1.95 on a 64-bit target. A new
    // compiler may lay futures out differently: then this fails, and the text is updated too.
    #[cfg(target_pointer_width = "64")]
    assert_eq!(
        [
            used_after,
            used_before,
            borrowed_before,
            borrowed_in_block,
            vec_used_after,
            awaits_used_after
        ],
        [1026, 3, 1027, 3, 32, 1027]
    );
}
// ANCHOR_END: main
