// open-telemetry/opentelemetry-rust#126: a context holding an Rc across an await
use std::any::Any;
use std::rc::Rc;
struct Context { entries: Vec<Rc<dyn Any>> }
async fn another() {}
async fn something() {
    let cx = Context { entries: vec![Rc::new(1u8)] };
    another().await;
    drop(cx.entries.len());
}
#[tokio::main]
async fn main() {
    let f = something();
    tokio::spawn(f);
}
