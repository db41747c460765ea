use tokio::task::JoinHandle;

fn spawn_each<F, Fut>(job: F, n: u32) -> Vec<JoinHandle<u32>>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = u32> + Send + 'static,
{
    (0..n).map(|i| tokio::spawn(job(i))).collect()
}

#[tokio::main]
async fn main() {
    let base = 10;
    let tasks = spawn_each(async move |i| base + i, 3);
    for task in tasks {
        println!("{}", task.await.unwrap());
    }
}
