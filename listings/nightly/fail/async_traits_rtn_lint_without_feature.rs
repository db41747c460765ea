#![deny(async_fn_in_trait)]

// The same trait as async_traits_rtn_lint, on the same nightly, without
// `#![feature(return_type_notation)]`: the lint is back.
pub trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

fn main() {}
