use async_trait::async_trait;

#[async_trait]
trait Repository<T> {
    async fn get(&self, id: usize) -> Option<T>;
}

struct Cache<T> {
    items: Vec<T>,
}

#[async_trait]
impl<T: Clone + Sync> Repository<T> for Cache<T> {
    async fn get(&self, id: usize) -> Option<T> {
        self.items.get(id).cloned()
    }
}

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    // Borrowed data: T = &str is not 'static, and the impl still applies.
    let words = String::from("send sync static");
    let cache = Cache { items: words.split(' ').collect() };
    let future = cache.get(1);
    assert_send(&future);
    assert_eq!(future.await, Some("sync"));
    println!("{:?}", cache.get(2).await);
}
