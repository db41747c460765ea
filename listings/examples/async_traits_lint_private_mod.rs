// ANCHOR: private
#![deny(async_fn_in_trait)]

mod storage {
    // `pub`, but in a private module that nothing re-exports or names publicly:
    // it is not part of the crate's interface, and the lint is silent.
    pub trait Store {
        async fn get(&self, key: u32) -> Option<String>;
    }
}
// ANCHOR_END: private

struct Empty;

impl storage::Store for Empty {
    async fn get(&self, _key: u32) -> Option<String> {
        None
    }
}

#[tokio::main]
async fn main() {
    use storage::Store;
    assert_eq!(Empty.get(1).await, None);
    println!("compiled under deny(async_fn_in_trait)");
}
