use std::cell::{Cell, RefCell};
use std::error::Error;
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::Arc;

// ANCHOR: probe
// `Probe<T>::SEND` names the inherent constant (true) when `T: Send`, and falls back
// to the trait's constant (false) when it is not. Only for concrete types.
struct Probe<T: ?Sized>(PhantomData<T>);

trait Fallback {
    const SEND: bool = false;
    const SYNC: bool = false;
}
impl<T: ?Sized> Fallback for Probe<T> {}

impl<T: ?Sized + Send> Probe<T> {
    const SEND: bool = true;
}

struct SyncProbe<T: ?Sized>(PhantomData<T>);
impl<T: ?Sized> Fallback for SyncProbe<T> {}

impl<T: ?Sized + Sync> SyncProbe<T> {
    const SYNC: bool = true;
}

macro_rules! not_send {
    ($t:ty) => {
        const _: () = assert!(!<Probe<$t>>::SEND);
    };
}
macro_rules! not_sync {
    ($t:ty) => {
        const _: () = assert!(!<SyncProbe<$t>>::SYNC);
    };
}

// The probes can say yes, too:
const _: () = assert!(<Probe<Arc<i32>>>::SEND && <SyncProbe<Arc<i32>>>::SYNC);
// ANCHOR_END: probe

// ANCHOR: no
not_send!(Rc<i32>);
not_sync!(Rc<i32>);
not_send!(Arc<RefCell<i32>>);
not_sync!(Arc<RefCell<i32>>);
not_sync!(Cell<i32>);
not_sync!(RefCell<i32>);
not_send!(Cell<Rc<i32>>); // `Cell<T>` and `RefCell<T>` are `Send` only when `T` is
not_send!(RefCell<Rc<i32>>);
not_send!(&'static RefCell<i32>);
not_sync!(&'static RefCell<i32>);
not_send!(Rc<RefCell<i32>>);
not_sync!(Rc<RefCell<i32>>);
not_send!(std::cell::Ref<'static, i32>);
not_sync!(std::cell::Ref<'static, i32>);
not_send!(std::cell::RefMut<'static, i32>);
not_sync!(std::cell::RefMut<'static, i32>);

not_send!(std::sync::MutexGuard<'static, i32>);
not_send!(parking_lot::MutexGuard<'static, i32>);
not_send!(std::sync::RwLockReadGuard<'static, i32>);
not_send!(std::sync::RwLockWriteGuard<'static, i32>);
not_send!(parking_lot::RwLockReadGuard<'static, i32>);
not_send!(parking_lot::RwLockWriteGuard<'static, i32>);
// tokio's guards are `Send` and `Sync` only when what they guard allows it
not_send!(tokio::sync::MutexGuard<'static, Rc<i32>>);
not_sync!(tokio::sync::MutexGuard<'static, Rc<i32>>);
not_sync!(tokio::sync::MutexGuard<'static, Cell<i32>>);
not_send!(tokio::sync::RwLockReadGuard<'static, Cell<i32>>);
not_sync!(tokio::sync::RwLockReadGuard<'static, Cell<i32>>);
not_send!(tokio::sync::RwLockWriteGuard<'static, Cell<i32>>);
not_sync!(tokio::sync::RwLockWriteGuard<'static, Cell<i32>>);

not_send!(*const i32);
not_sync!(*const i32);
not_send!(*mut i32);
not_sync!(*mut i32);

not_send!(Box<dyn Error>);
not_sync!(Box<dyn Error>);

not_send!(rand::rngs::ThreadRng);
not_sync!(rand::rngs::ThreadRng);

not_send!(tracing::span::EnteredSpan);
// ANCHOR_END: no

fn main() {
    println!("every `no` cell checked at compile time");
}
