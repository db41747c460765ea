// ANCHOR: lint
#![feature(return_type_notation)]
#![deny(async_fn_in_trait)]

// A public trait with a plain `async fn`, and the lint denied: with the feature on,
// callers can write `S::get(..): Send`, so the lint has nothing to warn about.
pub trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}
// ANCHOR_END: lint

struct Empty;

impl Store for Empty {
    async fn get(&self, _key: u32) -> Option<String> {
        None
    }
}

#[tokio::main]
async fn main() {
    assert_eq!(Empty.get(1).await, None);
    println!("compiled under deny(async_fn_in_trait) with return_type_notation");
}
