// spastorino/dynosaur#107: a boxed dynosaur trait object in a spawned worker
#[dynosaur::dynosaur(DynTransport = dyn(box) Transport)]
pub trait Transport: Send + Sync {
    async fn do_work(&mut self) -> Result<(), ()>;
}
struct Dummy;
impl Transport for Dummy {
    async fn do_work(&mut self) -> Result<(), ()> { Ok(()) }
}
struct Worker<'a> { transport: Box<DynTransport<'a>> }
impl Worker<'static> {
    async fn run(&mut self) { self.transport.do_work().await.unwrap(); }
}
#[tokio::main]
async fn main() {
    let mut worker = Worker { transport: DynTransport::new_box(Dummy) };
    tokio::spawn(async move { worker.run().await }).await.unwrap();
}
