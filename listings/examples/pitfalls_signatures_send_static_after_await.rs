// ANCHOR: after
use std::marker::PhantomData;
use tokio::task::JoinHandle;

// A stand-in for a library handle that is `Send` only with the `'static` lifetime.
struct Object<'a>(PhantomData<*const &'a ()>);
unsafe impl Send for Object<'static> {}

impl Object<'_> {
    fn is_valid(&self) -> bool {
        true
    }
}

fn global() -> Object<'static> {
    Object(PhantomData)
}

async fn use_global() -> bool {
    tokio::task::yield_now().await;
    let object = global(); // taken after the last await: not part of the future's state
    object.is_valid()
}

fn spawn_use_global() -> JoinHandle<bool> {
    tokio::spawn(use_global()) // needs a `Send` future
}
// ANCHOR_END: after

// Takes the handle by value, as an API that consumes it would.
fn release(_object: Object<'static>) {}

// ANCHOR: before
async fn use_global_first() {
    let object = global();
    release(object); // moved away before the first await, never borrowed
    tokio::task::yield_now().await;
}
// ANCHOR_END: before

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    assert_send(&global()); // the handle itself is `Send`
    let after = use_global();
    let before = use_global_first();
    assert_send(&after);
    assert_send(&before);
    assert!(tokio::spawn(after).await.unwrap());
    assert!(spawn_use_global().await.unwrap());
    tokio::spawn(before).await.unwrap();
    println!("spawned and finished");
}
