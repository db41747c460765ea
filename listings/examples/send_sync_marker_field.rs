use std::marker::PhantomData;

// ANCHOR: marker
// Opting out of `Send` and `Sync` on stable: a zero-sized marker field whose
// type lacks them. `*const ()` is neither `Send` nor `Sync`.
struct Handle {
    id: u32,
    _not_send: PhantomData<*const ()>,
}
// ANCHOR_END: marker

// The same probe as in `send_sync_table_no`: the inherent constant exists only when `T: Send`.
struct Probe<T>(PhantomData<T>);
trait Fallback {
    const SEND: bool = false;
}
impl<T> Fallback for Probe<T> {}
impl<T: Send> Probe<T> {
    const SEND: bool = true;
}

// ANCHOR: check
const _: () = assert!(!<Probe<Handle>>::SEND);
const _: () = assert!(<Probe<u32>>::SEND);
// ANCHOR_END: check

fn main() {
    let handle = Handle {
        id: 1,
        _not_send: PhantomData,
    };
    println!("handle {} stays on its thread", handle.id);
}
