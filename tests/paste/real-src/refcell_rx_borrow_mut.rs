// gtk-rs/gtk4-rs#992: a RefCell borrow held while awaiting the next message
use std::cell::RefCell;
use std::sync::Arc;
struct Widget { rx: RefCell<tokio::sync::mpsc::Receiver<u64>> }
async fn click(w: Arc<Widget>) -> Option<u64> {
    w.rx.borrow_mut().recv().await
}
#[tokio::main]
async fn main() {
    let (_tx, rx) = tokio::sync::mpsc::channel(1);
    let w = Arc::new(Widget { rx: RefCell::new(rx) });
    tokio::spawn(click(w));
}
