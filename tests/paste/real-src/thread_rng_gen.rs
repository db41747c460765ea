// rust-lang/rust#137721: rand's ThreadRng dropped before the await, still held
use rand::RngExt;
fn accept_send_future<F: std::future::Future + Send>(f: F) -> F { f }
async fn bar(id: usize) { println!("bar: {id}"); }
async fn foo() {
    let mut rng = rand::rng();
    let idx = rng.random_range(0..100);
    std::mem::drop(rng);
    bar(idx).await;
}
#[tokio::main]
async fn main() { accept_send_future(foo()).await; }
