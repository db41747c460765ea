// Nightly only: the associated type is unstable (`async_fn_traits`, rust-lang/rust#146790, which
// rustc does not name).
#![feature(async_fn_traits)]

// The bound of `async_closures_call_ref_future`, on a closure that is only awaited, never spawned.
async fn twice<F>(mut step: F)
where
    F: AsyncFnMut(u32),
    for<'a> F::CallRefFuture<'a>: Send,
{
    step(1).await;
    step(2).await;
}

#[tokio::main]
async fn main() {
    let mut seen = Vec::new();
    // The closure borrows `seen`, and the `for<'a>` bound makes rustc ask for `'static`.
    twice(async |n| seen.push(n)).await;
}
