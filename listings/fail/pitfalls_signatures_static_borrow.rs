async fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[tokio::main]
async fn main() {
    let text = String::from("one two three");
    let handle = tokio::spawn(count_words(&text));
    println!("{}", handle.await.unwrap());
}
