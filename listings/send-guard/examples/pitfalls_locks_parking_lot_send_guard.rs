use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::RwLock;

// Built with parking_lot's `send_guard` feature: the guard is `Send`, and so is
// the future that the compiler thinks still holds it.
async fn bump(map: Arc<RwLock<HashMap<u32, u32>>>) {
    let mut guard = map.write();
    let _ = guard.get_mut(&0);
    drop(guard);
    tokio::time::sleep(Duration::from_millis(1)).await;
}

#[tokio::main]
async fn main() {
    let map = Arc::new(RwLock::new(HashMap::new()));
    tokio::spawn(bump(map)).await.unwrap();
}
