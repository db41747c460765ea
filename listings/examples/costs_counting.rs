//! A global allocator that counts: the instrument behind the allocation columns.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Waker};

// ANCHOR: allocator
/// The system allocator, counting the allocations each thread makes.
pub struct Counting;

thread_local! {
    // Per thread, so tests running in parallel do not count each other's allocations.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to `System` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.set(ALLOCATIONS.get() + 1);
        BYTES.set(BYTES.get() + layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What `f` allocated on this thread: (allocations, bytes).
pub fn allocations<R>(f: impl FnOnce() -> R) -> (usize, usize) {
    let (n, b) = (ALLOCATIONS.get(), BYTES.get());
    drop(f());
    (ALLOCATIONS.get() - n, BYTES.get() - b)
}
// ANCHOR_END: allocator

// ANCHOR: main
fn main() {
    let mut cx = Context::from_waker(Waker::noop());
    // A future pinned on the stack: nothing allocated.
    assert_eq!(
        allocations(|| pin!(async { 1u64 }).as_mut().poll(&mut cx)),
        (0, 0)
    );
    // A future in a Box: one allocation, of the future's size.
    let x = 1u64;
    let boxed = || -> Pin<Box<dyn Future<Output = u64>>> { Box::pin(async move { x }) };
    let size = size_of_val(&*boxed());
    assert_eq!(allocations(|| boxed().as_mut().poll(&mut cx)), (1, size));
    println!("on the stack: 0 allocations; boxed: 1 allocation of {size} bytes");
}
// ANCHOR_END: main
