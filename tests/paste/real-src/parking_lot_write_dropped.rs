// rust-lang/rust#136349: a parking_lot write guard, borrowed, then dropped before the await
use std::collections::HashMap;
struct Poller { table: parking_lot::RwLock<HashMap<i32, Vec<i32>>>, timer: tokio::time::Interval }
impl Poller {
    fn poll(mut self) {
        tokio::task::spawn(async move {
            let mut guard = self.table.write();
            let _ = guard.get_mut(&0);
            std::mem::drop(guard);
            self.timer.tick().await;
        });
    }
}
fn main() { let _ = Poller::poll; }
