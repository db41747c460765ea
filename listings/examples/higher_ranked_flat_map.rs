async fn send_word(word: &str) {
    tokio::task::yield_now().await;
    println!("{word}");
}

// ANCHOR: flat_map
async fn send_words(lines: &[String]) -> usize {
    let mut sent = 0;
    for word in lines.iter().flat_map(|line| line.split_whitespace()) {
        send_word(word).await;
        sent += 1;
    }
    sent
}
// ANCHOR_END: flat_map

#[tokio::main]
async fn main() {
    let lines = vec!["hello world".to_string(), "bye".to_string()];
    let task = tokio::spawn(async move { send_words(&lines).await });
    assert_eq!(task.await.unwrap(), 3);
}
