use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

struct Inbox {
    rx: Receiver<String>,
}

impl Inbox {
    async fn next(&self) -> Option<String> {
        tokio::time::sleep(Duration::from_millis(1)).await;
        self.rx.try_recv().ok()
    }
}

#[tokio::main]
async fn main() {
    let (tx, rx) = channel();
    tx.send("hello".to_string()).unwrap();
    let inbox = Inbox { rx };
    tokio::spawn(async move { inbox.next().await })
        .await
        .unwrap();
}
