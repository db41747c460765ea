use std::marker::PhantomData;

// A stand-in for a library handle that is `Send` only with the `'static` lifetime.
struct Object<'a>(PhantomData<*const &'a ()>);
unsafe impl Send for Object<'static> {}

fn global() -> Object<'static> {
    Object(PhantomData)
}

// ANCHOR: after
async fn use_global() -> bool {
    tokio::task::yield_now().await;
    let object = global(); // taken after the last await: not part of the future's state
    drop(object);
    true
}
// ANCHOR_END: after

// ANCHOR: before
async fn use_global_first() -> bool {
    let object = global();
    drop(object); // moved away before the first await, never borrowed
    tokio::task::yield_now().await;
    true
}
// ANCHOR_END: before

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    assert_send(&global()); // the handle itself is `Send`
    let future = use_global();
    assert_send(&future);
    assert!(tokio::spawn(future).await.unwrap());
    assert!(tokio::spawn(use_global_first()).await.unwrap());
    println!("spawned and finished");
}
