use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

trait Handler<Args> {}

// Only the impl for handlers of one argument: `get(count)` has a single candidate.
impl<F, Fut, A> Handler<(A,)> for F
where
    F: Fn(A) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = String> + Send,
{
}

fn get<H: Handler<Args>, Args>(_handler: H) {}

#[derive(Clone, Default)]
struct AppState {
    hits: Arc<Mutex<u64>>,
}

async fn count(state: AppState) -> String {
    let mut hits = state.hits.lock().unwrap();
    tokio::time::sleep(Duration::from_millis(1)).await;
    *hits += 1;
    format!("{hits}")
}

fn main() {
    get(count);
}
