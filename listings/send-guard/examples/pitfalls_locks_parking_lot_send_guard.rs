use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::{MutexGuard, ReentrantMutexGuard, RwLock, RwLockWriteGuard};

// Built with parking_lot's `send_guard` feature: the guard is `Send`, and so is
// the future that the compiler thinks still holds it.
async fn bump(map: Arc<RwLock<HashMap<u32, u32>>>) {
    let mut guard = map.write();
    let _ = guard.get_mut(&0);
    drop(guard);
    tokio::time::sleep(Duration::from_millis(1)).await;
}

fn assert_send<T: Send>() {}

// Compiles only if `T` is *not* `Send`: when it is, both impls apply and the
// call below is ambiguous (error E0283).
trait AmbiguousIfSend<A> {
    fn check() {}
}
impl<T: ?Sized> AmbiguousIfSend<()> for T {}
impl<T: ?Sized + Send> AmbiguousIfSend<u8> for T {}

#[tokio::main]
async fn main() {
    // `send_guard` makes the mutex and rwlock guards `Send` ...
    assert_send::<MutexGuard<'static, u32>>();
    assert_send::<RwLockWriteGuard<'static, u32>>();
    // ... but not the reentrant mutex's guard, which is never `Send`.
    <ReentrantMutexGuard<'static, u32> as AmbiguousIfSend<_>>::check();

    let map = Arc::new(RwLock::new(HashMap::new()));
    tokio::spawn(bump(map)).await.unwrap();
}
