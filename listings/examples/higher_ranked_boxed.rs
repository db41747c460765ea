#![allow(
    clippy::manual_async_fn,
    reason = "the chapter contrasts a function returning `impl Future + Send` with an `async fn`"
)]

use futures::future::{FutureExt, join, join_all, ready};
use futures::stream::{self, StreamExt};
use std::future::Future;

struct Config {
    text: String,
}

impl Config {
    async fn line(&self) -> &str {
        &self.text
    }
}

// ANCHOR: boxed
async fn line_lengths(config: &Config) -> Vec<usize> {
    // `.boxed()` makes a `Pin<Box<dyn Future<Output = ..> + Send + '_>>`
    join_all([config.line().map(|line| line.len())])
        .boxed()
        .await
}
// ANCHOR_END: boxed

fn check(config: &Config) -> impl Future<Output = Vec<usize>> + Send + '_ {
    line_lengths(config)
}

// ANCHOR: report
fn report(total: &u32) -> impl Future<Output = ()> + Send + '_ {
    async move {
        join(
            stream::iter([1, 2])
                .for_each(|n| async move { println!("{n} of {total}") })
                .boxed(),
            ready(()),
        )
        .await;
    }
}
// ANCHOR_END: report

#[tokio::main]
async fn main() {
    let config = Config {
        text: "port=8080".into(),
    };
    assert_eq!(check(&config).await, [9]);
    report(&2).await;
}
