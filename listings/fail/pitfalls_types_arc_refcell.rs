use std::cell::RefCell;
use std::sync::Arc;

#[tokio::main]
async fn main() {
    let hits = Arc::new(RefCell::new(0));
    let counter = Arc::clone(&hits);
    tokio::spawn(async move {
        *counter.borrow_mut() += 1;
    })
    .await
    .unwrap();
}
