use std::pin::Pin;

struct Client {
    base: String,
}

impl Client {
    // As in `captures_static_returned`: `+ 'static`, and the type names the lifetime of `&self`.
    fn fetch_static(&self, id: u32) -> impl Future<Output = String> + Send + 'static {
        let url = format!("{}/items/{id}", self.base);
        async move { url }
    }
}

// ANCHOR: boxed
// A trait object names no lifetime of `&self`, so the future can leave the function.
fn make_fetch() -> Pin<Box<dyn Future<Output = String> + Send + 'static>> {
    let client = Client {
        base: "https://example.org".into(),
    };
    Box::pin(client.fetch_static(1))
}
// ANCHOR_END: boxed

#[tokio::main]
async fn main() {
    let url = make_fetch().await;
    assert_eq!(url, "https://example.org/items/1");
    println!("{url}");
}
