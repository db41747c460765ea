use std::sync::{Arc, Mutex};

async fn run(job: &str) {
    tokio::task::yield_now().await;
    println!("ran {job}");
}

// Edition 2021, as 2024: a `match` keeps its scrutinee's temporaries (the
// guard) to its end, across every `.await` in its arms.
async fn run_next(queue: Arc<Mutex<Vec<String>>>) {
    match queue.lock().unwrap().pop() {
        Some(job) => run(&job).await,
        None => println!("nothing to do"),
    }
}

#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(vec!["build".to_string()]));
    tokio::spawn(run_next(queue)).await.unwrap();
}
