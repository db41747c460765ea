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

// ANCHOR: use
impl Client {
    // `use<>`: the type names no lifetime of `&self`.
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send + use<> {
        let url = format!("{}/items/{id}", self.base);
        async move { url }
    }
}

fn make_fetch() -> impl Future<Output = String> + Send + 'static {
    let client = Client {
        base: "https://example.org".into(),
    };
    client.fetch(1)
}
// ANCHOR_END: use

// ANCHOR: boxed
// A trait object names no lifetime of `&self`, so the future can leave the function.
fn make_fetch_boxed() -> Pin<Box<dyn Future<Output = String> + Send + 'static>> {
    let client = Client {
        base: "https://example.org".into(),
    };
    Box::pin(client.fetch_static(2))
}
// ANCHOR_END: boxed

#[tokio::main]
async fn main() {
    let (a, b) = (make_fetch().await, make_fetch_boxed().await);
    assert_eq!(a, "https://example.org/items/1");
    assert_eq!(b, "https://example.org/items/2");
    println!("{a} {b}");
}
