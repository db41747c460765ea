use futures::future::BoxFuture;

// ANCHOR: done
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use tokio::sync::Mutex;

struct Context(Arc<Mutex<bool>>);

impl Context {
    fn done(&self) -> Pin<Box<dyn Future<Output = bool> + Send + '_>> {
        Box::pin(async move { *self.0.lock().await })
    }
}
// ANCHOR_END: done

#[tokio::main]
async fn main() {
    let ctx = Context(Arc::new(Mutex::new(true)));
    // `BoxFuture` names the same type: this assignment compiles.
    let same: BoxFuture<'_, bool> = ctx.done();
    assert!(same.await);
    let done = tokio::spawn(async move { ctx.done().await }).await.unwrap();
    assert!(done);
    println!("done = {done}");
}
