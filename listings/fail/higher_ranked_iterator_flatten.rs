async fn send_word(word: &str) {
    tokio::task::yield_now().await;
    println!("{word}");
}

async fn send_words(lines: &[String]) -> usize {
    let mut sent = 0;
    // The `for` loop keeps the iterator, with its closure, across the `.await`.
    for word in lines.iter().map(|line| line.split_whitespace()).flatten() {
        send_word(word).await;
        sent += 1;
    }
    sent
}

#[tokio::main]
async fn main() {
    let lines = vec!["hello world".to_string(), "bye".to_string()];
    let task = tokio::spawn(async move { send_words(&lines).await });
    println!("{}", task.await.unwrap());
}
