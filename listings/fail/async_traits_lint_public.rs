#![deny(async_fn_in_trait)]

pub trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

fn main() {}
