//! One trait method, declared the ways this book discusses, all implemented by one type.
//! The `costs` crate includes this very file, so the tables time exactly this code.
#![allow(
    clippy::manual_async_fn,
    reason = "one of the ways this chapter times is the method written as `fn -> impl Future + Send`"
)]

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

// ANCHOR: traits
/// Native `async fn` in a trait. (The lint says that callers of a public
/// trait cannot ask for its future to be Send; `Explicit` is the answer.)
#[allow(async_fn_in_trait)]
pub trait Native {
    async fn call(&self, x: u64) -> u64;
}

/// The same method as `-> impl Future + Send`. dynosaur adds `DynExplicit`,
/// which calls it through `dyn` and boxes the future it returns.
#[dynosaur::dynosaur(pub DynExplicit = dyn(box) Explicit)]
pub trait Explicit {
    fn call(&self, x: u64) -> impl Future<Output = u64> + Send;
}

/// async_trait: every call returns a `Pin<Box<dyn Future + Send>>`.
#[async_trait::async_trait]
pub trait Macro {
    async fn call(&self, x: u64) -> u64;
}

/// What the macro writes, written by hand.
pub trait Boxed {
    fn call(&self, x: u64) -> Pin<Box<dyn Future<Output = u64> + Send + '_>>;
}
// ANCHOR_END: traits

// ANCHOR: impls
pub struct Adder {
    pub base: u64,
}

impl Adder {
    /// No trait, no future: the floor the tables start from.
    pub fn add(&self, x: u64) -> u64 {
        self.base.wrapping_add(x)
    }
}

impl Native for Adder {
    async fn call(&self, x: u64) -> u64 {
        self.base.wrapping_add(x)
    }
}

impl Explicit for Adder {
    fn call(&self, x: u64) -> impl Future<Output = u64> + Send {
        async move { self.base.wrapping_add(x) }
    }
}

#[async_trait::async_trait]
impl Macro for Adder {
    async fn call(&self, x: u64) -> u64 {
        self.base.wrapping_add(x)
    }
}

impl Boxed for Adder {
    fn call(&self, x: u64) -> Pin<Box<dyn Future<Output = u64> + Send + '_>> {
        Box::pin(async move { self.base.wrapping_add(x) })
    }
}
// ANCHOR_END: impls

// ANCHOR: suspending
/// The same method on a future that suspends once: `yield_now` returns
/// `Pending` once, having arranged to be woken, and the runtime polls it again.
pub struct Yielder {
    pub base: u64,
}

impl Yielder {
    /// No trait: the floor for the runtime tables.
    pub async fn add(&self, x: u64) -> u64 {
        tokio::task::yield_now().await;
        self.base.wrapping_add(x)
    }
}

impl Native for Yielder {
    async fn call(&self, x: u64) -> u64 {
        self.add(x).await
    }
}

impl Explicit for Yielder {
    fn call(&self, x: u64) -> impl Future<Output = u64> + Send {
        self.add(x)
    }
}

#[async_trait::async_trait]
impl Macro for Yielder {
    async fn call(&self, x: u64) -> u64 {
        self.add(x).await
    }
}

impl Boxed for Yielder {
    fn call(&self, x: u64) -> Pin<Box<dyn Future<Output = u64> + Send + '_>> {
        Box::pin(self.add(x))
    }
}
// ANCHOR_END: suspending

// ANCHOR: block_on
/// Polls a future to completion on this thread, with a waker that does
/// nothing: the smallest executor, so that its cost hides nothing. (It spins
/// on `Pending`; the `Adder` futures it is given are ready at their first poll.)
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}
// ANCHOR_END: block_on

// ANCHOR: paths
/// A plain method call, for comparison.
pub fn plain(s: &Adder, x: u64) -> u64 {
    s.add(x)
}

/// Static dispatch: the type is known, the future lives on the stack.
pub fn native_static(s: &impl Native, x: u64) -> u64 {
    block_on(s.call(x))
}

pub fn explicit_static(s: &impl Explicit, x: u64) -> u64 {
    block_on(s.call(x))
}

/// Static dispatch of a method whose future is boxed by the macro.
pub fn macro_static(s: &impl Macro, x: u64) -> u64 {
    block_on(s.call(x))
}

/// Dynamic dispatch: a call through the vtable of a trait object.
pub fn macro_dyn(s: &dyn Macro, x: u64) -> u64 {
    block_on(s.call(x))
}

pub fn boxed_dyn(s: &dyn Boxed, x: u64) -> u64 {
    block_on(s.call(x))
}

pub fn dynosaur_dyn(s: &DynExplicit<'_>, x: u64) -> u64 {
    block_on(s.call(x))
}
// ANCHOR_END: paths

// ANCHOR: main
fn main() {
    let adder = Adder { base: 40 };
    assert_eq!(plain(&adder, 2), 42);
    assert_eq!(native_static(&adder, 2), 42);
    assert_eq!(explicit_static(&adder, 2), 42);
    assert_eq!(macro_static(&adder, 2), 42);
    assert_eq!(macro_dyn(&adder, 2), 42);
    assert_eq!(boxed_dyn(&adder, 2), 42);
    assert_eq!(dynosaur_dyn(DynExplicit::from_ref(&adder), 2), 42);

    // Interchangeable where a `Send` future is asked for: with `Adder` known, every future is Send.
    fn assert_send<T: Send>(_: &T) {}
    assert_send(&Native::call(&adder, 2));
    assert_send(&Explicit::call(&adder, 2));
    assert_send(&Macro::call(&adder, 2));
    assert_send(&Boxed::call(&adder, 2));
    assert_send(&DynExplicit::from_ref(&adder).call(2));
    // The suspending futures need a runtime to wake them.
    let yielder = Yielder { base: 40 };
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let answers = rt.block_on(async {
        [
            yielder.add(2).await,
            Native::call(&yielder, 2).await,
            Explicit::call(&yielder, 2).await,
            Macro::call(&yielder, 2).await,
            (&yielder as &dyn Macro).call(2).await,
            (&yielder as &dyn Boxed).call(2).await,
            DynExplicit::from_ref(&yielder).call(2).await,
        ]
    });
    assert_eq!(answers, [42; 7]);
    // `tokio::spawn` also asks for `'static`, and each future borrows its receiver: spawned
    // here with a receiver that lives as long as the program.
    static ADDER: Adder = Adder { base: 40 };
    let spawned = rt.block_on(async {
        [
            tokio::spawn(Native::call(&ADDER, 2)).await.unwrap(),
            tokio::spawn(Explicit::call(&ADDER, 2)).await.unwrap(),
            tokio::spawn(Macro::call(&ADDER, 2)).await.unwrap(),
            tokio::spawn((&ADDER as &dyn Macro).call(2)).await.unwrap(),
            tokio::spawn((&ADDER as &dyn Boxed).call(2)).await.unwrap(),
            tokio::spawn(DynExplicit::from_ref(&ADDER).call(2))
                .await
                .unwrap(),
        ]
    });
    assert_eq!(spawned, [42; 6]);
    println!("seven paths, one answer: 42");
}
// ANCHOR_END: main
