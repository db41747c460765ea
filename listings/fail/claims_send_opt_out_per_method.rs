use async_trait::async_trait;

#[async_trait]
trait Storage {
    async fn load(&self, key: &str) -> Option<String>;

    #[async_trait(?Send)]
    async fn load_cached(&self, cache: std::rc::Rc<Vec<String>>) -> Option<String>;
}

fn main() {}
