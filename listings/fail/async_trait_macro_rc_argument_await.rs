use async_trait::async_trait;
use std::rc::Rc;

#[async_trait]
trait Checksum {
    async fn checksum(&self, data: Rc<[u8]>) -> u32;
}

struct Adler;

#[async_trait]
impl Checksum for Adler {
    async fn checksum(&self, data: Rc<[u8]>) -> u32 {
        let sum = data.iter().map(|&b| u32::from(b)).sum();
        tokio::task::yield_now().await; // `data` is alive here: dropped at the end
        sum
    }
}

fn main() {}
