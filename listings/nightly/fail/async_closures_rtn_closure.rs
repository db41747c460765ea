#![feature(return_type_notation)]

use tokio::task::JoinHandle;

// RFC 3668's intended bound on the future of a call: not implemented yet.
fn spawn_call<F>(job: F) -> JoinHandle<u32>
where
    F: AsyncFn() -> u32 + Send + 'static,
    F(..): Send,
{
    tokio::spawn(async move { job().await })
}

#[tokio::main]
async fn main() {
    let name = String::from("ada");
    let n = spawn_call(async move || name.len() as u32).await.unwrap();
    println!("{n}");
}
