mod inventory {
    use std::rc::Rc;

    pub async fn restock(item: &'static str) -> usize {
        let note = Rc::new(format!("restocking {item}"));
        tokio::task::yield_now().await;
        note.len()
    }
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(inventory::restock("apples"));
    println!("{}", task.await.unwrap());
}
