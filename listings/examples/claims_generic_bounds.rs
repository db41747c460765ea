use async_trait::async_trait;

#[async_trait]
trait Source<T> {
    async fn latest(&self) -> Option<T>;
}

struct Cache<T> {
    items: Vec<T>,
}

// ANCHOR: main
#[async_trait]
impl<T: Clone + Sync> Source<T> for Cache<T> {
    async fn latest(&self) -> Option<T> {
        self.items.last().cloned()
    }
}

#[tokio::main]
async fn main() {
    // Borrowed items: T = &str is not 'static, and the impl applies.
    let text = String::from("a b c");
    let borrowed = Cache { items: text.split(' ').collect() };
    assert_eq!(borrowed.latest().await, Some("c"));

    // Spawning is what needs Send and 'static: the task owns the Cache<String>.
    let owned = Cache { items: vec![String::from("x")] };
    let handle = tokio::spawn(async move { owned.latest().await });
    assert_eq!(handle.await.unwrap().as_deref(), Some("x"));
}
// ANCHOR_END: main
