#[dynosaur::dynosaur(DynStore = dyn(box) Store)]
trait Store: Send + Sync {
    async fn get(&self, key: u32) -> Option<String>;
}

fn assert_send<T: Send>(_: &T) {}

async fn spawn_get(store: Box<DynStore<'static>>, key: u32) -> Option<String> {
    assert_send(&store); // passes: `Send` is a supertrait
    tokio::spawn(async move { store.get(key).await })
        .await
        .unwrap()
}

fn main() {}
