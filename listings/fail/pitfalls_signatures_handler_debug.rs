use std::sync::{Arc, Mutex};
use std::time::Duration;

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

// What `#[debug_handler]` checks, by hand: is the handler's future `Send`?
fn require_send<T: Send>(_: T) {}

fn main() {
    require_send(count(AppState::default()));
}
