use std::rc::Rc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let task = tokio::spawn(async {
        let shared = Rc::new(5);
        tokio::task::yield_now().await;
        *shared
    });
    println!("{}", task.await.unwrap());
}
