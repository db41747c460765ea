use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};

// ANCHOR: inbox
struct Inbox {
    rx: UnboundedReceiver<String>,
}

impl Inbox {
    async fn next(&mut self) -> Option<String> {
        self.rx.recv().await
    }
}
// ANCHOR_END: inbox

#[tokio::main]
async fn main() {
    let (tx, rx) = unbounded_channel();
    tx.send("hello".to_string()).unwrap();
    let mut inbox = Inbox { rx };
    let got = tokio::spawn(async move { inbox.next().await }).await.unwrap();
    assert_eq!(got.as_deref(), Some("hello"));
    println!("{got:?}");
}
