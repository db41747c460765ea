use async_trait::async_trait;
use std::cell::RefCell;
use std::rc::Rc;

// ANCHOR: local
#[async_trait(?Send)]
trait Checksum {
    async fn checksum(&self, data: Rc<[u8]>) -> u32;
}

struct Adler {
    calls: RefCell<u32>,
}

#[async_trait(?Send)]
impl Checksum for Adler {
    async fn checksum(&self, data: Rc<[u8]>) -> u32 {
        *self.calls.borrow_mut() += 1;
        tokio::task::yield_now().await;
        data.iter().map(|&b| u32::from(b)).sum()
    }
}
// ANCHOR_END: local

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let adler = Adler { calls: RefCell::new(0) };
    let data: Rc<[u8]> = Rc::from(&b"abc"[..]);
    // The future is awaited on this thread; `tokio::task::spawn_local` would work too.
    assert_eq!(adler.checksum(Rc::clone(&data)).await, 97 + 98 + 99);
    assert_eq!(*adler.calls.borrow(), 1);
    println!("checksum {}", adler.checksum(data).await);
}
