use async_trait::async_trait;
use std::sync::{Mutex, MutexGuard};

#[async_trait]
trait Report {
    async fn report(&self) -> String;
}

// A MutexGuard may not move to another thread (it is not Send),
// but it may be shared with one (it is Sync when the data is).
struct Locked<'a> {
    guard: MutexGuard<'a, String>,
}

#[async_trait]
impl Report for Locked<'_> {
    async fn report(&self) -> String {
        tokio::task::yield_now().await;
        format!("holding {}", *self.guard)
    }
}

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let name = Mutex::new(String::from("the lock"));
    let locked = Locked {
        guard: name.lock().unwrap(),
    };
    let future = locked.report();
    assert_send(&future);
    assert_eq!(future.await, "holding the lock");
}
