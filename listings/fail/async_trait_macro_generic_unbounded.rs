use async_trait::async_trait;

#[async_trait]
trait Repository<T> {
    async fn get(&self, id: usize) -> Option<T>;
}

struct Cache<T> {
    items: Vec<T>,
}

#[async_trait]
impl<T: Clone> Repository<T> for Cache<T> {
    async fn get(&self, id: usize) -> Option<T> {
        self.items.get(id).cloned()
    }
}

fn main() {}
