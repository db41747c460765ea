use std::rc::Rc;
use std::time::Duration;

async fn refresh() -> u32 {
    let cache = Rc::new(41);
    tokio::time::sleep(Duration::from_secs(5)).await;
    *cache + 1
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        tokio::select! {
            n = refresh() => n,
            // This branch wins after 10 ms; `refresh` never finishes.
            _ = tokio::time::sleep(Duration::from_millis(10)) => 0,
        }
    });
    println!("{}", task.await.unwrap());
}
