use std::future::Future;

#[dynosaur::dynosaur(DynStore = dyn(box) Store)]
trait Store: Send + Sync {
    fn get(&self, key: u32) -> impl Future<Output = Option<String>> + Send;
    // A method for sized types only; a `dyn Store` would simply not have it.
    fn name(&self) -> String
    where
        Self: Sized;
}

fn main() {}
