// trait-variant 0.1.3 turns each `async fn` into an `fn` returning `impl Future`,
// and keeps a default body as it is: its `.await` is no longer inside an `async fn`.
#[trait_variant::make(Send)]
pub trait Store {
    async fn get(&self, key: u32) -> Option<String>;

    async fn get_or(&self, key: u32, fallback: String) -> String {
        self.get(key).await.unwrap_or(fallback)
    }
}

fn main() {}
