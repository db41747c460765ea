// The two-trait form: `LocalStore` stays as written and compiles; the `Send` copy that
// trait-variant 0.1.3 writes keeps the same default body, whose `.await` is now inside an `fn`.
#[trait_variant::make(Store: Send)]
pub trait LocalStore {
    async fn get(&self, key: u32) -> Option<String>;

    async fn get_or(&self, key: u32, fallback: String) -> String {
        self.get(key).await.unwrap_or(fallback)
    }
}

fn main() {}
