#![allow(
    clippy::drop_non_drop,
    reason = "the chapter drops the handle after the `.await` to show it is held across it"
)]

use futures::future::{FutureExt, join_all};
use std::future::Future;

// ANCHOR: items
struct Config {
    text: String,
}

impl Config {
    async fn line(&self) -> String {
        self.text.clone() // an owned item: the closure below takes a `String`
    }
}

async fn line_lengths(config: &Config) -> Vec<usize> {
    join_all([config.line().map(|line| line.len())]).await
}
// ANCHOR_END: items

fn check(config: &Config) -> impl Future<Output = Vec<usize>> + Send + '_ {
    line_lengths(config)
}

// ANCHOR: owned_handle
async fn watch(name: &str) {
    let h = handle(name.to_owned()); // a `Handle<String>`: no lifetime left
    tokio::task::yield_now().await;
    drop(h);
}
// ANCHOR_END: owned_handle

struct Handle<T>(std::marker::PhantomData<*const T>);
unsafe impl<T: 'static> Send for Handle<T> {}

fn handle<T>(_: T) -> Handle<T> {
    Handle(std::marker::PhantomData)
}

fn assert_send<T: Send>() {}

#[tokio::main]
async fn main() {
    let config = Config {
        text: "port=8080".into(),
    };
    assert_eq!(check(&config).await, [9]);

    tokio::spawn(watch("config")).await.unwrap();
    assert_send::<Handle<&'static str>>(); // the handle in the failing listing is `Send`
    println!("both futures are Send");
}
