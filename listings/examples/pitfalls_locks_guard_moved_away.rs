use std::sync::{Mutex, MutexGuard};

async fn other() {}

// ANCHOR: moved
fn add_one(mut counter: MutexGuard<'_, i32>) {
    *counter += 1;
} // the guard is dropped here, inside a plain function

async fn increment(mutex: &Mutex<i32>) {
    let lock = mutex.lock().unwrap();
    add_one(lock); // moved, never borrowed in the async body
    other().await;
}
// ANCHOR_END: moved

// ANCHOR: scoped
async fn increment_scoped(mutex: &Mutex<i32>) {
    {
        let mut lock = mutex.lock().unwrap();
        *lock += 1;
    }
    other().await;
}
// ANCHOR_END: scoped

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let mutex = Mutex::new(0);
    let a = increment(&mutex);
    let b = increment_scoped(&mutex);
    assert_send(&a);
    assert_send(&b);
    a.await;
    b.await;
    assert_eq!(*mutex.lock().unwrap(), 2);
    println!("count = {}", mutex.lock().unwrap());
}
