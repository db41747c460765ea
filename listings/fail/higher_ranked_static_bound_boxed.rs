use futures::FutureExt;
use std::marker::PhantomData;

struct Handle<T>(PhantomData<*const T>);
unsafe impl<T: 'static> Send for Handle<T> {}

fn handle<T>(_: T) -> Handle<T> {
    Handle(PhantomData)
}

async fn watch(name: &str) {
    let h = handle(name);
    tokio::task::yield_now().await;
    drop(h);
}

#[tokio::main]
async fn main() {
    // `.boxed()` asks for `Send` on `watch`'s own future: the same check, the same error.
    tokio::spawn(watch("config").boxed()).await.unwrap();
}
