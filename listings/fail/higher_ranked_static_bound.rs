use std::marker::PhantomData;

// A stand-in for a handle whose `Send` impl asks for `T: 'static`.
struct Handle<T>(PhantomData<*const T>);
unsafe impl<T: 'static> Send for Handle<T> {}

fn handle<T>(_: T) -> Handle<T> {
    Handle(PhantomData)
}

async fn watch(name: &str) {
    let h = handle(name); // a `Handle<&str>`
    tokio::task::yield_now().await;
    drop(h);
}

#[tokio::main]
async fn main() {
    tokio::spawn(watch("config")).await.unwrap();
}
