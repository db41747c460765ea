trait Job {
    async fn run(&self) -> u32;
}

struct Answer;

impl Job for Answer {
    async fn run(&self) -> u32 {
        tokio::task::yield_now().await;
        42
    }
}

#[tokio::main]
async fn main() {
    // No bound anywhere says this future is Send: the compiler sees Answer's own future.
    let handle = tokio::spawn(async { Answer.run().await });
    let answer = handle.await.unwrap();
    assert_eq!(answer, 42);
    println!("spawned a native async trait method: {answer}");
}
