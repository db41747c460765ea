// ANCHOR: total
use std::future::Future;
use std::rc::Rc;

fn sum(numbers: Rc<Vec<u32>>) -> u32 {
    numbers.iter().sum()
}
fn total(numbers: Rc<Vec<u32>>) -> impl Future<Output = u32> + Send {
    let total = sum(numbers); // runs when `total` is called, not when it is polled
    async move {
        tokio::task::yield_now().await;
        total
    }
}
// ANCHOR_END: total

#[tokio::main]
async fn main() {
    let numbers = Rc::new(vec![1, 2, 3]);
    let total = tokio::spawn(total(numbers)).await.unwrap();
    assert_eq!(total, 6);
    println!("{total}");
}
