#![deny(async_fn_in_trait)]

mod storage {
    pub trait Store {
        async fn get(&self, key: u32) -> Option<String>;
    }
}

// The private module's trait, re-exported: other crates reach it as `Store`.
pub use storage::Store;

fn main() {}
