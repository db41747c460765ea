// ANCHOR: start
trait Task {
    fn run(&self) -> impl Future<Output = ()> + Send;
}

// `'static` on `T`: the task owns a `T` and may outlive `start`'s caller.
fn start<T: Task + Send + Sync + 'static>(task: T) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move { task.run().await })
}
// ANCHOR_END: start

struct Hello;

impl Task for Hello {
    async fn run(&self) {
        println!("hello");
    }
}

// ANCHOR: main
#[tokio::main]
async fn main() {
    start(Hello).await.unwrap();
}
// ANCHOR_END: main
