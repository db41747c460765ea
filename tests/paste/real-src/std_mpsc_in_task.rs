// a std::sync::mpsc::Receiver borrowed across an await inside a spawned task
use std::sync::mpsc;
struct Worker { rx: mpsc::Receiver<String> }
impl Worker {
    async fn run(&self) {
        for line in self.rx.try_iter() { println!("{line}"); }
        tokio::task::yield_now().await;
    }
}
#[tokio::main]
async fn main() {
    let (_tx, rx) = mpsc::channel();
    let w = Worker { rx };
    tokio::spawn(async move { w.run().await });
}
