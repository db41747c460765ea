// an async fn in a trait, spawned from generic code
trait Fetch { async fn fetch(&self) -> u32; }
fn start<F: Fetch + Send + Sync + 'static>(f: F) {
    tokio::spawn(async move { f.fetch().await });
}
struct One;
impl Fetch for One { async fn fetch(&self) -> u32 { 1 } }
#[tokio::main]
async fn main() { start(One); }
