// Edition 2021, with the lint that `cargo fix --edition` uses to move to 2024 turned into an error.
#![deny(impl_trait_overcaptures)]

use std::future::Future;

fn fetch_len(name: &str) -> impl Future<Output = usize> {
    let owned = name.to_owned();
    async move { owned.len() }
}

#[tokio::main]
async fn main() {
    let name = String::from("ada");
    println!("{}", tokio::spawn(fetch_len(&name)).await.unwrap());
}
