use std::sync::Arc;

trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

fn lookup(_store: Arc<dyn Store>) {}

fn main() {}
