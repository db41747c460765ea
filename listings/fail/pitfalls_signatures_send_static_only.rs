use std::marker::PhantomData;

// A stand-in for a library handle that is `Send` only with the `'static` lifetime.
struct Object<'a>(PhantomData<*const &'a ()>);
unsafe impl Send for Object<'static> {}

fn global() -> Object<'static> {
    Object(PhantomData)
}

async fn use_global() {
    let object = global();
    tokio::task::yield_now().await;
    drop(object);
}

#[tokio::main]
async fn main() {
    tokio::spawn(use_global()).await.unwrap();
}
