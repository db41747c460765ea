// ANCHOR: local_set
use std::cell::RefCell;
use std::rc::Rc;

async fn with_local_set() -> Vec<u32> {
    let log = Rc::new(RefCell::new(Vec::new()));
    let local = tokio::task::LocalSet::new();
    for n in 1..=3 {
        let log = Rc::clone(&log);
        local.spawn_local(async move {
            tokio::task::yield_now().await; // holds an `Rc` across an `.await`
            log.borrow_mut().push(n);
        });
    }
    local.await; // runs the local tasks, on this thread, until they are all done
    log.take()
}
// ANCHOR_END: local_set

// ANCHOR: main
#[tokio::main]
async fn main() {
    let mut numbers = with_local_set().await;
    numbers.sort();
    assert_eq!(numbers, [1, 2, 3]);
    println!("{numbers:?}");
}
// ANCHOR_END: main
