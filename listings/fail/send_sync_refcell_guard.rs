use std::cell::RefCell;

async fn log_names() {
    let names = RefCell::new(vec!["ferris".to_string()]);
    let borrowed = names.borrow(); // a `Ref<'_, Vec<String>>` guard
    tokio::task::yield_now().await;
    println!("{}", borrowed.len());
}

#[tokio::main]
async fn main() {
    tokio::spawn(log_names()).await.unwrap();
}
