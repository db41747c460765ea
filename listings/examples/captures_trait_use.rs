use tokio::task::JoinHandle;

// ANCHOR: trait
trait Fetch {
    // In a trait, `use<..>` must name `Self`; it leaves out the lifetime of `&self`.
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send + use<Self>;
}

struct Client {
    base: String,
}

impl Fetch for Client {
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send + use<> {
        let url = format!("{}/items/{id}", self.base);
        async move {
            tokio::task::yield_now().await;
            url
        }
    }
}

// Generic code can spawn the future while `client` stays borrowed only for the call.
fn start<C: Fetch + 'static>(client: &C) -> JoinHandle<String> {
    tokio::spawn(client.fetch(1))
}
// ANCHOR_END: trait

#[tokio::main]
async fn main() {
    let client = Client {
        base: "https://example.org".into(),
    };
    let task = start(&client);
    drop(client);
    let url = task.await.unwrap();
    assert_eq!(url, "https://example.org/items/1");
    println!("{url}");
}
