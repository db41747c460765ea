trait Task {
    fn run(&self) -> impl Future<Output = ()> + Send;
}

fn start<T: Task + Send + Sync>(task: T) {
    tokio::spawn(async move { task.run().await });
}

struct Hello;

impl Task for Hello {
    async fn run(&self) {
        println!("hello");
    }
}

#[tokio::main]
async fn main() {
    start(Hello);
}
