use async_trait::async_trait;
use std::rc::Rc;

#[async_trait]
trait Render {
    async fn render(&self) -> String;
}

struct Page {
    title: Rc<str>,
}

#[async_trait(?Send)]
impl Render for Page {
    async fn render(&self) -> String {
        format!("<h1>{}</h1>", self.title)
    }
}

fn main() {}
