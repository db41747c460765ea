// Voultapher/self_cell#74: a std Mutex<HashMap> cache locked across an await
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
async fn load(key: &str) -> String { key.to_uppercase() }
async fn cached(cache: Arc<Mutex<HashMap<String, String>>>, key: String) -> String {
    let mut map = cache.lock().unwrap();
    if let Some(v) = map.get(&key) { return v.clone(); }
    let v = load(&key).await;
    map.insert(key, v.clone());
    v
}
#[tokio::main]
async fn main() {
    let cache = Arc::new(Mutex::new(HashMap::new()));
    tokio::spawn(cached(cache, "a".into())).await.unwrap();
}
