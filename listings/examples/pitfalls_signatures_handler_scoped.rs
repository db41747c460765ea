use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

// ANCHOR: standin
trait Handler<Args> {}

impl<F, Fut> Handler<()> for F
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = String> + Send,
{
}

impl<F, Fut, A> Handler<(A,)> for F
where
    F: Fn(A) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = String> + Send,
{
}

fn get<H: Handler<Args>, Args>(_handler: H) {}
// ANCHOR_END: standin

#[derive(Clone, Default)]
struct AppState {
    hits: Arc<Mutex<u64>>,
}

// ANCHOR: count
async fn count(state: AppState) -> String {
    tokio::time::sleep(Duration::from_millis(1)).await;
    let hits = {
        let mut hits = state.hits.lock().unwrap();
        *hits += 1;
        *hits
    };
    format!("{hits}")
}
// ANCHOR_END: count

#[tokio::main]
async fn main() {
    get(count);
    let state = AppState::default();
    assert_eq!(count(state.clone()).await, "1");
    assert_eq!(count(state).await, "2");
    println!("handler accepted");
}
