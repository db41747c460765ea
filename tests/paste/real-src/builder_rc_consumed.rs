// rust-lang/cargo#14844: a !Send builder consumed before the await
use std::rc::Rc;
struct Builder(Rc<usize>);
impl Builder {
    fn new() -> Self { Builder(Rc::new(35)) }
    fn build_something(&mut self) -> &mut Self { self }
    fn finish(self) -> usize { Rc::try_unwrap(self.0).unwrap() }
}
async fn something_async(i: usize) { println!("{i}"); }
async fn async_main() {
    let mut b = Builder::new();
    b.build_something();
    let my_int = b.finish();
    something_async(my_int).await;
}
#[tokio::main]
async fn main() { tokio::spawn(async_main()).await.unwrap(); }
