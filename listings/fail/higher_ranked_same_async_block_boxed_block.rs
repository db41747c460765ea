use futures::future::{FutureExt, join, ready};
use futures::stream::{self, StreamExt};
use std::future::Future;

fn report(total: &u32) -> impl Future<Output = ()> + Send + '_ {
    async move {
        join(
            // The `help:` line's advice taken literally: the block itself pinned and boxed.
            stream::iter([1, 2]).for_each(|n| async move { println!("{n} of {total}") }.boxed()),
            ready(()),
        )
        .await;
    }
}

fn main() {
    futures::executor::block_on(report(&2));
}
