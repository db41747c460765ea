use std::rc::Rc;

async fn count_words(text: &str) -> usize {
    let words: Rc<Vec<&str>> = Rc::new(text.split_whitespace().collect());
    let n = words.len();
    drop(words);
    tokio::task::yield_now().await;
    n
}

#[tokio::main]
async fn main() {
    let n = tokio::spawn(count_words("dropped before the await"))
        .await
        .unwrap();
    println!("{n}");
}
