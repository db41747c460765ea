use async_trait::async_trait;

#[async_trait]
trait Source<T> {
    async fn latest(&self) -> Option<T>;
}

struct Cache<T> {
    items: Vec<T>,
}

#[async_trait]
impl<T: Clone + Sync> Source<T> for Cache<T> {
    async fn latest(&self) -> Option<T> {
        self.items.last().cloned()
    }
}

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    // Borrowed data: T = &str is not 'static, and the impl still applies.
    let text = String::from("send sync static");
    let cache = Cache {
        items: text.split(' ').collect(),
    };
    let future = cache.latest();
    assert_send(&future);
    let latest = future.await;
    assert_eq!(latest, Some("static"));
    println!("{latest:?}");
}
