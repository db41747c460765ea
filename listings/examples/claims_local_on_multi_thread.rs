use async_trait::async_trait;
use std::rc::Rc;

// ANCHOR: main
#[async_trait(?Send)]
trait Render {
    async fn render(&self) -> String;
}

struct Page {
    title: Rc<str>,
}

#[async_trait(?Send)]
impl Render for Page {
    async fn render(&self) -> String {
        tokio::task::yield_now().await;
        format!("<h1>{}</h1>", self.title)
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let flavor = tokio::runtime::Handle::current().runtime_flavor();
    assert_eq!(flavor, tokio::runtime::RuntimeFlavor::MultiThread);

    let local = tokio::task::LocalSet::new();
    let html = local
        .run_until(async {
            let page = Page {
                title: Rc::from("Send"),
            };
            tokio::task::spawn_local(async move { page.render().await })
                .await
                .unwrap()
        })
        .await;
    assert_eq!(html, "<h1>Send</h1>");
    println!("{html}, rendered on a {flavor:?} runtime");
}
// ANCHOR_END: main
