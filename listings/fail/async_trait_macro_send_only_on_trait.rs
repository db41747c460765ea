use async_trait::async_trait;

#[async_trait(?Send)]
trait Render {
    async fn render(&self) -> String;
}

struct Page {
    title: String,
}

#[async_trait]
impl Render for Page {
    async fn render(&self) -> String {
        format!("<h1>{}</h1>", self.title)
    }
}

fn main() {}
