use std::cell::RefCell;

struct Batch {
    lines: RefCell<Vec<String>>,
}

// ANCHOR: scoped
async fn flush(batch: Batch) -> usize {
    tokio::task::yield_now().await;
    let mut lines = batch.lines.borrow_mut(); // borrowed after the last `.await`
    lines.push("flushed".into());
    lines.len()
}
// ANCHOR_END: scoped

// ANCHOR: clone_out
async fn report(batch: Batch) -> usize {
    let lines = batch.lines.borrow().clone(); // an owned `Vec<String>`; the borrow ends here
    tokio::task::yield_now().await;
    lines.len()
}
// ANCHOR_END: clone_out

#[tokio::main]
async fn main() {
    let batch = || Batch {
        lines: RefCell::new(vec!["a".into()]),
    };
    assert_eq!(tokio::spawn(flush(batch())).await.unwrap(), 2);
    assert_eq!(tokio::spawn(report(batch())).await.unwrap(), 1);
    println!("both futures are Send");
}
