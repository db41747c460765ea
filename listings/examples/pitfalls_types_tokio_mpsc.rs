use std::sync::mpsc;

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

// ANCHOR: std_mut
struct StdInbox {
    rx: mpsc::Receiver<String>,
}

impl StdInbox {
    async fn next(&mut self) -> Option<String> {
        tokio::task::yield_now().await;
        self.rx.try_recv().ok()
    }
}
// ANCHOR_END: std_mut

fn assert_send<T: Send>() {}

#[tokio::main]
async fn main() {
    assert_send::<mpsc::Receiver<String>>();

    let (tx, rx) = unbounded_channel();
    tx.send("hello".to_string()).unwrap();
    let mut inbox = Inbox { rx };
    let got = tokio::spawn(async move { inbox.next().await })
        .await
        .unwrap();
    assert_eq!(got.as_deref(), Some("hello"));

    let (tx, rx) = mpsc::channel();
    tx.send("hi".to_string()).unwrap();
    let mut std_inbox = StdInbox { rx };
    let got_std = tokio::spawn(async move { std_inbox.next().await })
        .await
        .unwrap();
    assert_eq!(got_std.as_deref(), Some("hi"));
    println!("{got:?} {got_std:?}");
}
