use std::future::Future;

// Two receivers that give the value away; dynosaur 0.3.1 rejects both (default bridge).
#[dynosaur::dynosaur(DynJob = dyn(box) Job)]
trait Job: Send {
    fn finish(self) -> impl Future<Output = u32> + Send;
    fn finish_boxed(self: Box<Self>) -> impl Future<Output = u32> + Send;
}

fn main() {}
