trait Fetch {
    // `use<>` in a trait: `Self` is left out.
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send + use<>;
}

struct Client;

impl Fetch for Client {
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send + use<> {
        async move { format!("item {id}") }
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Client.fetch(1).await);
}
