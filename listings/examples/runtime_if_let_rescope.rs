use std::sync::{Arc, Mutex};

async fn run(job: &str) -> usize {
    tokio::task::yield_now().await;
    job.len()
}

// ANCHOR: if_let
// Edition 2024: the scrutinee's temporaries (the guard) are dropped before `else`.
async fn next_or_wait(queue: Arc<Mutex<Vec<String>>>) -> usize {
    if let Some(job) = queue.lock().unwrap().pop() {
        job.len()
    } else {
        tokio::task::yield_now().await; // no guard here in 2024
        0
    }
}
// ANCHOR_END: if_let

// ANCHOR: match_block
// A `match` keeps its scrutinee's temporaries to its end in every edition.
// In 2024, a block around the scrutinee drops them at the block's `}`.
// Keep the braces, whatever clippy's `blocks_in_conditions` suggests.
#[expect(clippy::blocks_in_conditions)]
async fn run_next(queue: Arc<Mutex<Vec<String>>>) -> usize {
    match { queue.lock().unwrap().pop() } {
        Some(job) => run(&job).await,
        None => 0,
    }
}
// ANCHOR_END: match_block

// ANCHOR: main
#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(vec!["build".to_string()]));
    assert_eq!(tokio::spawn(run_next(Arc::clone(&queue))).await.unwrap(), 5);
    assert_eq!(tokio::spawn(next_or_wait(queue)).await.unwrap(), 0);
    println!("both spawned");
}
// ANCHOR_END: main
