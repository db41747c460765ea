// No `.await` here, yet trait-variant 0.1.3 rejects the default body all the same: the
// signature becomes `fn name(&self) -> impl Future<Output = String> + Send`, and the body
// still returns a `String`, which is not a future.
#[trait_variant::make(Send)]
pub trait Store {
    async fn get(&self, key: u32) -> Option<String>;

    async fn name(&self) -> String {
        String::from("store")
    }
}

fn main() {}
