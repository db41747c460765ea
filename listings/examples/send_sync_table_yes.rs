use std::cell::{Cell, RefCell};
use std::error::Error;
use std::sync::Arc;

fn assert_send<T: Send>() {}
fn assert_sync<T: Sync>() {}

// ANCHOR: yes
fn main() {
    assert_send::<Arc<i32>>();
    assert_sync::<Arc<i32>>();
    assert_send::<Cell<i32>>();
    assert_send::<RefCell<i32>>();
    assert_send::<std::sync::Mutex<i32>>();
    assert_sync::<std::sync::Mutex<i32>>();

    assert_sync::<std::sync::MutexGuard<'static, i32>>();
    assert_send::<tokio::sync::MutexGuard<'static, i32>>();
    assert_sync::<tokio::sync::MutexGuard<'static, i32>>();
    assert_send::<tokio::sync::MutexGuard<'static, Cell<i32>>>();
    assert_sync::<parking_lot::MutexGuard<'static, i32>>();

    assert_sync::<std::sync::RwLockReadGuard<'static, i32>>();
    assert_sync::<std::sync::RwLockWriteGuard<'static, i32>>();
    assert_send::<tokio::sync::RwLockReadGuard<'static, i32>>();
    assert_sync::<tokio::sync::RwLockReadGuard<'static, i32>>();
    assert_send::<tokio::sync::RwLockWriteGuard<'static, i32>>();
    assert_sync::<tokio::sync::RwLockWriteGuard<'static, i32>>();
    assert_sync::<parking_lot::RwLockReadGuard<'static, i32>>();
    assert_sync::<parking_lot::RwLockWriteGuard<'static, i32>>();

    assert_send::<Box<dyn Error + Send + Sync>>();
    assert_sync::<Box<dyn Error + Send + Sync>>();

    assert_send::<tracing::span::Entered<'static>>();
    assert_sync::<tracing::span::Entered<'static>>();
    assert_sync::<tracing::span::EnteredSpan>();
    println!("every `yes` cell checked");
}
// ANCHOR_END: yes
