use std::future::Future;

use tokio::task::JoinHandle;

// Edition 2021, but in a trait: `impl Trait` captures every lifetime in scope.
trait Fetch {
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send;
}

struct Client {
    base: String,
}

impl Fetch for Client {
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send {
        let url = format!("{}/items/{id}", self.base);
        async move { url }
    }
}

fn start<C: Fetch + 'static>(client: &C) -> JoinHandle<String> {
    tokio::spawn(client.fetch(1))
}

#[tokio::main]
async fn main() {
    let client = Client {
        base: "https://example.org".into(),
    };
    println!("{}", start(&client).await.unwrap());
}
