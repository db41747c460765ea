use std::collections::BTreeMap;

// ANCHOR: walk
async fn visit(_key: &u32, _value: &u32) {}

async fn walk(map: &BTreeMap<u32, u32>) {
    for (k, v) in map {
        visit(k, v).await;
    }
}
// ANCHOR_END: walk

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let map = BTreeMap::from([(1, 10), (2, 20)]);
    let future = walk(&map);
    assert_send(&future);
    future.await;
    println!("walked {} keys", map.len());
}
