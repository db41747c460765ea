use std::rc::Rc;

async fn total(_numbers: Rc<Vec<u32>>) -> u32 {
    // `_numbers` is never used, but its destructor runs at the end of the body
    tokio::task::yield_now().await;
    0
}

#[tokio::main]
async fn main() {
    let numbers = Rc::new(vec![1, 2, 3]);
    let total = tokio::spawn(total(numbers)).await.unwrap();
    println!("{total}");
}
