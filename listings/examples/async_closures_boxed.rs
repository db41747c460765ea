use std::collections::HashMap;
use std::sync::Arc;

use futures::future::{BoxFuture, FutureExt};

// ANCHOR: handlers
// A handler returns a boxed future whose type says `Send`.
type Handler = Arc<dyn Fn(u32) -> BoxFuture<'static, String> + Send + Sync>;

struct Router {
    routes: HashMap<&'static str, Handler>,
}

impl Router {
    fn route<F>(&mut self, path: &'static str, handler: F)
    where
        F: Fn(u32) -> BoxFuture<'static, String> + Send + Sync + 'static,
    {
        self.routes.insert(path, Arc::new(handler));
    }

    fn spawn(&self, path: &str, id: u32) -> tokio::task::JoinHandle<String> {
        let handler = Arc::clone(&self.routes[path]);
        tokio::spawn(async move { handler(id).await })
    }
}
// ANCHOR_END: handlers

#[tokio::main]
async fn main() {
    let mut router = Router {
        routes: HashMap::new(),
    };
    // ANCHOR: register
    let greeting = Arc::new(String::from("hello"));
    router.route("/user", move |id| {
        let greeting = Arc::clone(&greeting);
        async move { format!("{greeting} user {id}") }.boxed()
    });
    // ANCHOR_END: register
    let reply = router.spawn("/user", 7).await.unwrap();
    assert_eq!(reply, "hello user 7");
    println!("{reply}");
}
