use std::rc::Rc;

// ANCHOR: count_words
async fn count_words(text: &str) -> usize {
    let n = {
        let words: Rc<Vec<&str>> = Rc::new(text.split_whitespace().collect());
        words.len()
    }; // `words` is dropped here, before the await
    tokio::task::yield_now().await;
    n
}
// ANCHOR_END: count_words

#[tokio::main]
async fn main() {
    let n = tokio::spawn(count_words("not held across the await"))
        .await
        .unwrap();
    assert_eq!(n, 5);
    println!("{n} words");
}
