use std::future::Future;

use tokio::task::JoinHandle;

struct Client {
    base: String,
}

// ANCHOR: client
// Edition 2021: the same method as in the failing 2024 listing compiles.
impl Client {
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
// ANCHOR_END: client

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
