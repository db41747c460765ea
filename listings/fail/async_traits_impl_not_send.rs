use std::future::Future;
use std::rc::Rc;

trait Store {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> + Send;
}

struct NameStore;

impl Store for NameStore {
    async fn get(&self, key: u32) -> Option<String> {
        let name: Rc<str> = Rc::from(format!("user {key}"));
        tokio::task::yield_now().await;
        Some(name.to_string())
    }
}

fn main() {}
