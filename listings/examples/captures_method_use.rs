use tokio::task::JoinHandle;

struct Client {
    base: String,
}

// ANCHOR: client
impl Client {
    // `use<>`: the future does not capture the lifetime of `&self`.
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send + use<> {
        let url = format!("{}/items/{id}", self.base);
        async move {
            tokio::task::yield_now().await;
            url
        }
    }

    // `+ 'static` also lets the caller spawn it: the future still captures the
    // lifetime, but it promises to outlive every lifetime.
    fn fetch_static(&self, id: u32) -> impl Future<Output = String> + Send + 'static {
        let url = format!("{}/items/{id}", self.base);
        async move {
            tokio::task::yield_now().await;
            url
        }
    }
}

fn start(client: &Client) -> (JoinHandle<String>, JoinHandle<String>) {
    (
        tokio::spawn(client.fetch(1)),
        tokio::spawn(client.fetch_static(2)),
    )
}
// ANCHOR_END: client

#[tokio::main]
async fn main() {
    let client = Client {
        base: "https://example.org".into(),
    };
    let (a, b) = start(&client);
    drop(client);
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    assert_eq!(a, "https://example.org/items/1");
    assert_eq!(b, "https://example.org/items/2");
    println!("{a} {b}");
}
