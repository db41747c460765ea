struct Client {
    base: String,
}

impl Client {
    // `+ 'static`: the future outlives any lifetime, but its type still names the one of `&self`.
    fn fetch_static(&self, id: u32) -> impl Future<Output = String> + Send + 'static {
        let url = format!("{}/items/{id}", self.base);
        async move { url }
    }
}

// The future is returned past the end of the borrow it was made from.
fn make_fetch() -> impl Future<Output = String> + Send + 'static {
    let client = Client {
        base: "https://example.org".into(),
    };
    client.fetch_static(1)
}

#[tokio::main]
async fn main() {
    println!("{}", make_fetch().await);
}
