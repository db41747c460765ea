use std::sync::Arc;

// ANCHOR: owned
fn greet_later(name: &str) -> tokio::task::JoinHandle<String> {
    let name = name.to_owned(); // the task owns its copy
    tokio::spawn(async move { format!("hello, {name}") })
}
// ANCHOR_END: owned

// ANCHOR: shared
async fn total_lengths(names: Arc<Vec<String>>) -> usize {
    let mut handles = Vec::new();
    for i in 0..names.len() {
        let names = Arc::clone(&names); // each task owns a handle to the same Vec
        handles.push(tokio::spawn(async move { names[i].len() }));
    }
    let mut total = 0;
    for handle in handles {
        total += handle.await.unwrap();
    }
    total
}
// ANCHOR_END: shared

// ANCHOR: borrowed
async fn total_lengths_borrowed(names: &[String]) -> usize {
    // Not spawned: these futures run concurrently inside the caller's task,
    // so they may borrow `names`. They are not run in parallel.
    let lengths = futures::future::join_all(names.iter().map(|name| async move {
        tokio::task::yield_now().await;
        name.len()
    }))
    .await;
    lengths.into_iter().sum()
}
// ANCHOR_END: borrowed

// ANCHOR: main
#[tokio::main]
async fn main() {
    assert_eq!(greet_later("ada").await.unwrap(), "hello, ada");

    let names = vec!["ada".to_owned(), "grace".to_owned()];
    assert_eq!(total_lengths_borrowed(&names).await, 8);
    assert_eq!(total_lengths(Arc::new(names)).await, 8);
    println!("all three ways ran");
}
// ANCHOR_END: main
