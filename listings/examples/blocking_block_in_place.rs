use std::cell::RefCell;
use std::thread;

struct Db {
    rows: RefCell<Vec<String>>,
}

impl Db {
    fn insert(&self, row: &str) -> usize {
        let mut rows = self.rows.borrow_mut();
        rows.push(row.to_owned());
        rows.len()
    }
}

fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

// ANCHOR: main
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let task = tokio::spawn(async {
        // Owned by the task, never shared.
        let db = Db {
            rows: RefCell::new(Vec::new()),
        };
        let (before, worker) = (threads(), thread::current().id());
        let (rows, same_thread) = tokio::task::block_in_place(|| {
            // A plain borrow of `db`: no `Send`, no `'static`, no `Arc`.
            (db.insert("a"), thread::current().id() == worker)
        });
        tokio::task::yield_now().await;
        (rows, same_thread, before, threads())
    });
    let (rows, same_thread, before, after) = task.await.unwrap();
    println!("threads: {before} before, {after} after");
    assert_eq!(rows, 1);
    assert!(same_thread); // the closure ran on the task's own worker thread
    assert_eq!(after, before + 1); // a new thread took over that worker's other tasks
}
// ANCHOR_END: main
