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

async fn line_lengths(config: &Config) -> Vec<usize> {
    // The closure takes the `&str` that `line()` returns: a borrowed item.
    join_all([config.line().map(|line| line.len())]).await
}

fn check(config: &Config) -> impl Future<Output = Vec<usize>> + Send + '_ {
    line_lengths(config)
}

fn main() {
    let config = Config {
        text: "port=8080".into(),
    };
    println!("{:?}", futures::executor::block_on(check(&config)));
}
