#[dynosaur::dynosaur(DynStore = dyn(box) Store)]
trait Store: Send + Sync {
    async fn get(&self, key: u32) -> Option<String>;
}

async fn spawn_get(store: Box<DynStore<'static>>, key: u32) -> Option<String> {
    tokio::spawn(async move { store.get(key).await }).await.unwrap()
}

fn main() {}
