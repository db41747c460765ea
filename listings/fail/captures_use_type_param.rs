use std::fmt::Debug;

// A type parameter cannot be left out of `use<..>`.
fn describe<T: Debug>(item: &T) -> impl Future<Output = String> + use<> {
    let text = format!("{item:?}");
    async move { text }
}

#[tokio::main]
async fn main() {
    let item = vec![1, 2];
    println!("{}", tokio::spawn(describe(&item)).await.unwrap());
}
