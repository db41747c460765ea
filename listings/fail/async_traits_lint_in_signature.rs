#![deny(async_fn_in_trait)]

mod storage {
    pub trait Store {
        async fn get(&self, key: u32) -> Option<String>;
    }
}

// Not re-exported, but named in a public function's bound: callers must implement it.
pub fn use_store<S: storage::Store>(_store: &S) {}

fn main() {}
