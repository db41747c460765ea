//! The fixes of "Choosing a fix", each next to what it replaces: one operation each.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

// ANCHOR: shared
/// A reference count: `Rc` is not `Send`, `Arc` is. (The caller drops the clone.)
pub fn rc_clone(shared: &Rc<u64>) -> Rc<u64> {
    Rc::clone(shared)
}

pub fn arc_clone(shared: &Arc<u64>) -> Arc<u64> {
    Arc::clone(shared)
}

/// A counter in shared state: `Cell` is not `Sync`, an atomic is.
pub fn cell_add(counter: &Cell<u64>) {
    counter.set(counter.get() + 1);
}

pub fn atomic_add(counter: &AtomicU64) {
    counter.fetch_add(1, Ordering::Relaxed);
}

/// State behind a lock: `RefCell` is not `Sync`, `Mutex` is.
pub fn refcell_add(state: &RefCell<u64>) {
    *state.borrow_mut() += 1;
}

pub fn mutex_add(state: &Mutex<u64>) {
    *state.lock().unwrap() += 1;
}
// ANCHOR_END: shared

// ANCHOR: locks
/// The guard of a `std` mutex lives in a block that ends before any `.await`.
pub async fn std_mutex_in_block(state: &Mutex<u64>) {
    {
        *state.lock().unwrap() += 1;
    }
    // ... awaits would follow here
}

/// `tokio::sync::Mutex`: `lock()` is awaited, and its guard may be held across an `.await`.
pub async fn tokio_mutex(state: &tokio::sync::Mutex<u64>) {
    *state.lock().await += 1;
}
// ANCHOR_END: locks

// ANCHOR: spawns
/// Spawn a task that returns at once, and wait for it.
pub async fn spawn() -> u64 {
    tokio::spawn(async { 1 }).await.unwrap()
}

/// The same on the current thread: inside a `LocalSet`, or on a `LocalRuntime`.
pub async fn spawn_local() -> u64 {
    tokio::task::spawn_local(async { 1 }).await.unwrap()
}

/// A short blocking call, moved to tokio's blocking thread pool.
pub async fn spawn_blocking() -> u64 {
    tokio::task::spawn_blocking(|| 1).await.unwrap()
}
// ANCHOR_END: spawns

// ANCHOR: main
fn main() {
    let (rc, arc) = (Rc::new(7), Arc::new(7));
    drop((rc_clone(&rc), arc_clone(&arc)));
    assert_eq!((Rc::strong_count(&rc), Arc::strong_count(&arc)), (1, 1));
    let (cell, atomic, refcell, mutex) = (
        Cell::new(0),
        AtomicU64::new(0),
        RefCell::new(0),
        Mutex::new(0),
    );
    cell_add(&cell);
    atomic_add(&atomic);
    refcell_add(&refcell);
    mutex_add(&mutex);
    assert_eq!(
        [
            cell.get(),
            atomic.into_inner(),
            refcell.into_inner(),
            mutex.into_inner().unwrap()
        ],
        [1; 4]
    );

    let rt = tokio::runtime::Runtime::new().unwrap();
    let (state, tokio_state) = (Mutex::new(0), tokio::sync::Mutex::new(0));
    let spawned = rt.block_on(async {
        std_mutex_in_block(&state).await;
        tokio_mutex(&tokio_state).await;
        spawn().await + spawn_blocking().await
    });
    let local = tokio::task::LocalSet::new();
    let spawned_local = local.block_on(&rt, spawn_local());
    let local_runtime = tokio::runtime::Builder::new_current_thread()
        .build_local(Default::default())
        .unwrap();
    let on_local_runtime = local_runtime.block_on(spawn_local());
    assert_eq!((spawned, spawned_local, on_local_runtime), (2, 1, 1));
    assert_eq!(
        (state.into_inner().unwrap(), tokio_state.into_inner()),
        (1, 1)
    );
    println!("every fix ran once");
}
// ANCHOR_END: main
