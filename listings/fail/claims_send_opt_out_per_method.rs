use async_trait::async_trait;

#[async_trait]
trait Mixed {
    async fn shared(&self) -> u32;

    #[async_trait(?Send)]
    async fn local(&self, data: std::rc::Rc<u32>) -> u32;
}

fn main() {}
