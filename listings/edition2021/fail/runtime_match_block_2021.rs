use std::sync::{Arc, Mutex};

async fn run(job: &str) -> usize {
    tokio::task::yield_now().await;
    job.len()
}

// Edition 2021: the block's tail expression keeps its temporaries (the guard)
// to the end of the `match`, so the braces do not help.
#[allow(clippy::blocks_in_conditions)]
async fn run_next(queue: Arc<Mutex<Vec<String>>>) -> usize {
    match { queue.lock().unwrap().pop() } {
        Some(job) => run(&job).await,
        None => 0,
    }
}

#[tokio::main]
async fn main() {
    tokio::spawn(run_next(Arc::new(Mutex::new(Vec::new()))))
        .await
        .unwrap();
}
