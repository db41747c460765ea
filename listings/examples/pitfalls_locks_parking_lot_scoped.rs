use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::RwLock;

// ANCHOR: bump
async fn bump(map: Arc<RwLock<HashMap<u32, u32>>>) {
    {
        let mut guard = map.write();
        *guard.entry(0).or_insert(0) += 1;
    }
    tokio::time::sleep(Duration::from_millis(1)).await;
}
// ANCHOR_END: bump

#[tokio::main]
async fn main() {
    let map = Arc::new(RwLock::new(HashMap::new()));
    tokio::spawn(bump(Arc::clone(&map))).await.unwrap();
    assert_eq!(map.read()[&0], 1);
    println!("{:?}", *map.read());
}
