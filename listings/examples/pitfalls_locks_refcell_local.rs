#![allow(
    clippy::await_holding_refcell_ref,
    reason = "the chapter shows this borrow across an `.await` panicking"
)]

use std::cell::RefCell;
use std::rc::Rc;

struct Batch {
    lines: RefCell<Vec<String>>,
}

// ANCHOR: local
async fn flush(batch: Rc<Batch>) -> usize {
    let mut lines = batch.lines.borrow_mut();
    tokio::task::yield_now().await; // another local task may run here
    lines.push("flushed".into());
    lines.len()
}

#[tokio::main(flavor = "local")]
async fn main() {
    let batch = Rc::new(Batch {
        lines: RefCell::new(vec!["a".into()]),
    });
    let flushing = tokio::task::spawn_local(flush(Rc::clone(&batch)));
    let reading = tokio::task::spawn_local(async move { batch.lines.borrow().len() });
    assert_eq!(flushing.await.unwrap(), 2);
    let err = reading.await.unwrap_err(); // the second task panicked
    let message = err
        .into_panic()
        .downcast::<String>()
        .map(|m| *m)
        .unwrap_or_default();
    println!("reading panicked: {message}");
    assert!(message.contains("already mutably borrowed"));
}
// ANCHOR_END: local
