use std::sync::Mutex;
use std::time::Duration;

// ANCHOR: body
async fn poll_flag(flag: &Mutex<bool>) -> bool {
    if let true = {
        let guard = flag.lock().unwrap();
        *guard
    } {
        tokio::time::sleep(Duration::from_millis(1)).await;
        return true;
    }
    false
}
// ANCHOR_END: body

fn assert_send<T: Send>(_: &T) {}

#[tokio::main]
async fn main() {
    let flag = Mutex::new(true);
    let future = poll_flag(&flag);
    assert_send(&future);
    assert!(future.await);
    println!("the guard ends with its block");
}
