use std::future::Future;

// An associated const makes a trait not dyn compatible, and dynosaur 0.3.1 says so.
#[dynosaur::dynosaur(DynStore = dyn(box) Store)]
trait Store: Send + Sync {
    const NAME: &'static str = "store";
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> + Send;
}

fn main() {}
