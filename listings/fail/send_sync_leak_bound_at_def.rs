mod inventory {
    use std::future::Future;
    use std::rc::Rc;

    pub fn restock(item: &'static str) -> impl Future<Output = usize> + Send {
        async move {
            let note = Rc::new(format!("restocking {item}"));
            tokio::task::yield_now().await;
            note.len()
        }
    }
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(inventory::restock("apples"));
    println!("{}", task.await.unwrap());
}
