use async_trait::async_trait;

#[async_trait]
trait Repository<T> {
    async fn get(&self, id: usize) -> Option<T>;
}

struct Cache<T> {
    items: Vec<T>,
}

// ANCHOR: main
#[async_trait]
impl<T: Clone + Sync> Repository<T> for Cache<T> {
    async fn get(&self, id: usize) -> Option<T> {
        self.items.get(id).cloned()
    }
}

#[tokio::main]
async fn main() {
    // Borrowed items: T = &str is not 'static, and the impl applies.
    let text = String::from("a b c");
    let borrowed = Cache { items: text.split(' ').collect() };
    assert_eq!(borrowed.get(1).await, Some("b"));

    // tokio::spawn is what asks for 'static (and a Send output), not async_trait.
    let owned = Cache { items: vec![String::from("x")] };
    let handle = tokio::spawn(async move { owned.get(0).await });
    assert_eq!(handle.await.unwrap().as_deref(), Some("x"));
}
// ANCHOR_END: main
