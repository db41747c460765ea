use std::cell::RefCell;

// ANCHOR: owned
// The task owns the `RefCell` and holds it across the `.await`: still `Send`.
async fn collect_names() -> usize {
    let names = RefCell::new(Vec::new());
    names.borrow_mut().push("ferris".to_string()); // guard dropped at the `;`
    tokio::task::yield_now().await;
    names.borrow_mut().push("corro".to_string());
    names.borrow().len()
}
// ANCHOR_END: owned

// ANCHOR: main
#[tokio::main]
async fn main() {
    let count = tokio::spawn(collect_names()).await.unwrap();
    assert_eq!(count, 2);
    println!("{count} names");
}
// ANCHOR_END: main
