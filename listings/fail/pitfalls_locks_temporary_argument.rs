use std::sync::{Arc, Mutex};

async fn fetch_label() -> String {
    "ready".to_string()
}

fn store(items: &mut Vec<String>, label: String) {
    items.push(label);
}

async fn update(items: Arc<Mutex<Vec<String>>>) {
    store(&mut items.lock().unwrap(), fetch_label().await);
}

#[tokio::main]
async fn main() {
    let items = Arc::new(Mutex::new(Vec::new()));
    tokio::spawn(update(items)).await.unwrap();
}
