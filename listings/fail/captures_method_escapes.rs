use tokio::task::JoinHandle;

struct Client {
    base: String,
}

impl Client {
    // Edition 2024: the future captures the lifetime of `&self`.
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send {
        let url = format!("{}/items/{id}", self.base);
        async move {
            tokio::task::yield_now().await;
            url
        }
    }
}

fn start(client: &Client) -> JoinHandle<String> {
    tokio::spawn(client.fetch(1))
}

#[tokio::main]
async fn main() {
    let client = Client {
        base: "https://example.org".into(),
    };
    println!("{}", start(&client).await.unwrap());
}
