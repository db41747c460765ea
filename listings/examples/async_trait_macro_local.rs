use async_trait::async_trait;
use std::cell::RefCell;
use std::rc::Rc;

// ANCHOR: local
#[async_trait(?Send)]
trait Checksum {
    async fn checksum(&self, data: Rc<[u8]>) -> u32;

    async fn checksum_text(&self, text: &str) -> u32 {
        self.checksum(Rc::from(text.as_bytes())).await
    }
}

// Neither Send nor Sync is needed any more.
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
    let adler = Adler {
        calls: RefCell::new(0),
    };
    // Awaited on this task: a ?Send future cannot go to tokio::spawn.
    assert_eq!(adler.checksum(Rc::from(&b"abc"[..])).await, 97 + 98 + 99);
    assert_eq!(adler.checksum_text("abc").await, 294);
    assert_eq!(*adler.calls.borrow(), 2);
    println!("2 checksums: 294");
}
