use std::rc::Rc;

fn sum(numbers: Rc<Vec<u32>>) -> u32 {
    numbers.iter().sum()
}

async fn total(numbers: Rc<Vec<u32>>) -> u32 {
    let total = sum(numbers); // `numbers` is moved out before the await
    tokio::task::yield_now().await;
    total
}

#[tokio::main]
async fn main() {
    let numbers = Rc::new(vec![1, 2, 3]);
    let total = tokio::spawn(total(numbers)).await.unwrap();
    println!("{total}");
}
