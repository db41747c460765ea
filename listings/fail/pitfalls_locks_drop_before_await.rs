use std::future::Future;
use std::sync::Mutex;

fn increment(mutex: &Mutex<i32>) -> impl Future<Output = ()> + Send + '_ {
    async move {
        let mut lock = mutex.lock().unwrap();
        *lock += 1;
        drop(lock);
        std::future::ready(()).await;
    }
}

fn main() {
    let m = Mutex::new(0);
    let _ = increment(&m);
}
