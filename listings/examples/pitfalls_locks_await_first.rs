use std::sync::{Arc, Mutex};

async fn fetch_label() -> String {
    "ready".to_string()
}

fn store(items: &mut Vec<String>, label: String) {
    items.push(label);
}

// ANCHOR: update
async fn update(items: Arc<Mutex<Vec<String>>>) {
    let label = fetch_label().await;
    store(&mut items.lock().unwrap(), label);
}
// ANCHOR_END: update

#[tokio::main]
async fn main() {
    let items = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(update(Arc::clone(&items))).await.unwrap();
    assert_eq!(*items.lock().unwrap(), ["ready"]);
    println!("{:?}", items.lock().unwrap());
}
