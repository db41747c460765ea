use std::rc::Rc;

fn sum(numbers: Rc<Vec<u32>>) -> u32 {
    numbers.iter().sum()
}

async fn average(numbers: Rc<Vec<u32>>) -> u32 {
    let count = numbers.len() as u32; // `numbers` is borrowed here
    let total = sum(numbers); // and moved out before the await
    tokio::task::yield_now().await;
    total / count
}

#[tokio::main]
async fn main() {
    let numbers = Rc::new(vec![1, 2, 3]);
    let average = tokio::spawn(average(numbers)).await.unwrap();
    println!("{average}");
}
