use async_trait::async_trait;

#[async_trait]
trait Source<T> {
    async fn latest(&self) -> Option<T>;
}

struct Cache<T> {
    items: Vec<T>,
}

#[async_trait]
impl<T: Clone> Source<T> for Cache<T> {
    async fn latest(&self) -> Option<T> {
        self.items.last().cloned()
    }
}

fn main() {}
