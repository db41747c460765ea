use futures::future::{FutureExt, join_all};
use std::future::Future;

struct Config {
    text: String,
}

impl Config {
    async fn line(&self) -> &str {
        &self.text
    }
}

// ANCHOR: named
// A plain `fn`, not an `async fn`: the combinator's type is checked for `Send` here, where
// the compiler still knows its lifetimes, and callers see only `impl Future + Send`.
fn lengths(config: &Config) -> impl Future<Output = Vec<usize>> + Send + '_ {
    join_all([config.line().map(|line| line.len())])
}

async fn line_lengths(config: &Config) -> Vec<usize> {
    lengths(config).await
}
// ANCHOR_END: named

fn check(config: &Config) -> impl Future<Output = Vec<usize>> + Send + '_ {
    line_lengths(config)
}

#[tokio::main]
async fn main() {
    let config = Config {
        text: "port=8080".into(),
    };
    assert_eq!(check(&config).await, [9]);
    println!("line_lengths is Send");
}
