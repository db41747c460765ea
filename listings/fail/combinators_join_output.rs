use std::rc::Rc;
use std::time::Duration;

// Its future holds nothing across an await; its output is an `Rc`.
async fn label() -> Rc<str> {
    Rc::from("fast")
}

async fn slow_count() -> u32 {
    tokio::time::sleep(Duration::from_millis(10)).await;
    3
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let (label, count) = tokio::join!(label(), slow_count());
        format!("{label}: {count}")
    });
    println!("{}", task.await.unwrap());
}
