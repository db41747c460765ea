use std::sync::Arc;

async fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[tokio::main]
async fn main() {
    // ANCHOR: spawn
    let text: Arc<str> = Arc::from("one two three");
    let task_text = Arc::clone(&text);
    let handle = tokio::spawn(async move { count_words(&task_text).await });
    let words = handle.await.unwrap();
    // ANCHOR_END: spawn
    assert_eq!(words, 3);
    println!("{text}: {words} words");
}
