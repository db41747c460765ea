// Nightly only: both features are unstable (`unboxed_closures` is rust-lang/rust#29625;
// `async_fn_traits` is rust-lang/rust#146790, which rustc does not name).
#![feature(async_fn_traits, unboxed_closures)]

use std::ops::AsyncFnMut;

use tokio::task::JoinHandle;

// ANCHOR: bound
fn spawn_call<F>(job: F) -> JoinHandle<u32>
where
    F: AsyncFn() -> u32 + Send + 'static,
    // The future of a call, named through the trait's associated type.
    for<'a> <F as AsyncFnMut<()>>::CallRefFuture<'a>: Send,
{
    tokio::spawn(async move { job().await })
}
// ANCHOR_END: bound

#[tokio::main]
async fn main() {
    let name = String::from("ada");
    let n = spawn_call(async move || name.len() as u32).await.unwrap();
    assert_eq!(n, 3);
    println!("{n}");
}
