// Stable Rust, no crate: an async fn in a trait, called through a generic.
trait Fetch {
    async fn fetch(&self, id: u32) -> String;
}

struct Local;

impl Fetch for Local {
    async fn fetch(&self, id: u32) -> String {
        tokio::task::yield_now().await;
        format!("item {id}")
    }
}

async fn fetch_two<F: Fetch>(source: &F) -> (String, String) {
    (source.fetch(1).await, source.fetch(2).await)
}

#[tokio::main]
async fn main() {
    let (a, b) = fetch_two(&Local).await;
    assert_eq!((a.as_str(), b.as_str()), ("item 1", "item 2"));
    println!("{a}, {b}");
}
