use futures::future::{join, ready};
use futures::stream::{self, StreamExt};
use std::future::Future;

fn report(total: &u32) -> impl Future<Output = ()> + Send + '_ {
    async move {
        join(
            // Each item runs an `async move` block that uses the borrowed `total`.
            stream::iter([1, 2]).for_each(|n| async move { println!("{n} of {total}") }),
            ready(()),
        )
        .await;
    }
}

fn main() {
    futures::executor::block_on(report(&2));
}
