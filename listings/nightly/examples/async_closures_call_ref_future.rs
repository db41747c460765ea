// Nightly only: the associated type is unstable (`async_fn_traits`, rust-lang/rust#146790, which
// rustc does not name).
#![feature(async_fn_traits)]

use tokio::task::JoinHandle;

// ANCHOR: bound
fn spawn_call<F>(job: F) -> JoinHandle<u32>
where
    F: AsyncFn() -> u32 + Send + 'static,
    // The future of a call: the bound that stable Rust refuses (E0658).
    for<'a> F::CallRefFuture<'a>: Send,
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
