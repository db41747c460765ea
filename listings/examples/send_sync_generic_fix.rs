// ANCHOR: concrete
mod plain {
    pub trait Job {
        async fn run(&self) -> u32;
    }

    pub struct Fixed;

    impl Job for Fixed {
        async fn run(&self) -> u32 {
            tokio::task::yield_now().await;
            7
        }
    }

    // A concrete type: the compiler sees `Fixed::run`'s future and proves it `Send`.
    pub fn start_fixed(job: Fixed) -> tokio::task::JoinHandle<u32> {
        tokio::spawn(async move { job.run().await })
    }
}
// ANCHOR_END: concrete

// ANCHOR: promised
mod promised {
    use std::future::Future;

    pub trait Job {
        // Every implementation must return a `Send` future; callers may rely on it.
        fn run(&self) -> impl Future<Output = u32> + Send;
    }

    pub struct Fixed;

    impl Job for Fixed {
        async fn run(&self) -> u32 {
            tokio::task::yield_now().await;
            7
        }
    }

    pub fn start<J: Job + Send + Sync + 'static>(job: J) -> tokio::task::JoinHandle<u32> {
        tokio::spawn(async move { job.run().await })
    }
}
// ANCHOR_END: promised

// ANCHOR: main
#[tokio::main]
async fn main() {
    assert_eq!(plain::start_fixed(plain::Fixed).await.unwrap(), 7);
    assert_eq!(promised::start(promised::Fixed).await.unwrap(), 7);
    println!("both spawned");
}
// ANCHOR_END: main
