use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use tokio::sync::Mutex;

struct Context(Arc<Mutex<bool>>);

impl Context {
    fn done(&self) -> Pin<Box<dyn Future<Output = bool> + '_>> {
        Box::pin(async move { *self.0.lock().await })
    }
}

#[tokio::main]
async fn main() {
    let ctx = Context(Arc::new(Mutex::new(true)));
    tokio::spawn(async move { ctx.done().await }).await.unwrap();
}
