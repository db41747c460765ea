use std::cell::RefCell;

struct Batch {
    lines: RefCell<Vec<String>>,
}

async fn flush(batch: Batch) -> usize {
    let mut lines = batch.lines.borrow_mut(); // a `RefMut<'_, Vec<String>>`
    tokio::task::yield_now().await;
    lines.push("flushed".into());
    lines.len()
}

#[tokio::main]
async fn main() {
    let batch = Batch {
        lines: RefCell::new(vec!["a".into()]),
    };
    println!("{}", tokio::spawn(flush(batch)).await.unwrap());
}
