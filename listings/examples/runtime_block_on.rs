use std::rc::Rc;

// ANCHOR: main
async fn count_words(text: Rc<String>) -> usize {
    tokio::task::yield_now().await; // holds an `Rc`: this future is not `Send`
    text.split_whitespace().count()
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap(); // multi-thread
    let text = Rc::new(String::from("the quick brown fox"));
    // `block_on` polls its future on this thread only: it needs no `Send`.
    let words = runtime.block_on(count_words(text));
    assert_eq!(words, 4);
    println!("{words} words");
}
// ANCHOR_END: main
