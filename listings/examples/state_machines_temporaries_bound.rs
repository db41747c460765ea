use std::sync::{Arc, Mutex};

async fn report(queue_len: usize) -> String {
    tokio::task::yield_now().await;
    format!("queue length: {queue_len}")
}

async fn run(job: &str) -> String {
    tokio::task::yield_now().await;
    format!("ran {job}")
}

// ANCHOR: bound
async fn report_queue(queue: Arc<Mutex<Vec<String>>>) -> String {
    let len = queue.lock().unwrap().len(); // the guard is dropped at the end of this `let`
    report(len).await
}

async fn run_next(queue: Arc<Mutex<Vec<String>>>) -> String {
    let next = queue.lock().unwrap().pop(); // and here
    match next {
        Some(job) => run(&job).await,
        None => "nothing to do".to_string(),
    }
}
// ANCHOR_END: bound

#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(vec!["build".to_string()]));
    let reported = tokio::spawn(report_queue(Arc::clone(&queue)))
        .await
        .unwrap();
    let ran = tokio::spawn(run_next(Arc::clone(&queue))).await.unwrap();
    let idle = tokio::spawn(run_next(queue)).await.unwrap();
    assert_eq!(
        [reported.as_str(), &ran, &idle],
        ["queue length: 1", "ran build", "nothing to do"]
    );
    println!("{reported}\n{ran}\n{idle}");
}
