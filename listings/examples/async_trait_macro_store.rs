use async_trait::async_trait;

// ANCHOR: source
#[async_trait]
pub trait Store {
    async fn get(&self, key: &str) -> Option<String>;

    async fn get_or(&self, key: &str, fallback: String) -> String {
        self.get(key).await.unwrap_or(fallback)
    }
}

pub struct Memory {
    entries: Vec<(String, String)>,
}

#[async_trait]
impl Store for Memory {
    async fn get(&self, key: &str) -> Option<String> {
        let found = self.entries.iter().find(|(k, _)| k == key);
        found.map(|(_, v)| v.clone())
    }
}
// ANCHOR_END: source

fn assert_send<T: Send>(_: &T) {}

fn main() {
    let store = Memory {
        entries: vec![("lang".into(), "rust".into())],
    };
    let future = store.get_or("edition", "2024".into());
    assert_send(&future);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(runtime.block_on(future), "2024");
    assert_eq!(runtime.block_on(store.get("lang")).as_deref(), Some("rust"));
    println!("ok");
}
