use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::thread;

struct Db {
    rows: RefCell<Vec<String>>, // `Send`, not `Sync`, like `rusqlite::Connection`
}

impl Db {
    fn insert(&self, row: &str) -> usize {
        let mut rows = self.rows.borrow_mut();
        rows.push(row.to_owned());
        rows.len()
    }
}

struct Parser {
    symbols: Rc<Vec<String>>, // not `Send`
}

impl Parser {
    fn new() -> Parser {
        Parser {
            symbols: Rc::new(vec!["fn".into()]),
        }
    }

    fn count(&self, text: &str) -> usize {
        text.split_whitespace()
            .filter(|w| self.symbols.iter().any(|s| s == w))
            .count()
    }
}

// ANCHOR: parser
async fn count_symbols(text: String) -> usize {
    // Only the `String` crosses threads; the parser is made, used and dropped on the pool thread.
    tokio::task::spawn_blocking(move || Parser::new().count(&text))
        .await
        .unwrap()
}
// ANCHOR_END: parser

fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count() // Linux: one entry per thread
}

// ANCHOR: insert
async fn insert(db: &Arc<Mutex<Db>>, row: String) -> (usize, thread::ThreadId) {
    let db = Arc::clone(db);
    tokio::task::spawn_blocking(move || (db.lock().unwrap().insert(&row), thread::current().id()))
        .await
        .unwrap()
}
// ANCHOR_END: insert

// ANCHOR: main
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let db = Arc::new(Mutex::new(Db {
        rows: RefCell::new(Vec::new()),
    }));
    let task = tokio::spawn(async move {
        let (before, worker) = (threads(), thread::current().id());
        let (rows, ran_on) = insert(&db, "a".into()).await;
        (rows, ran_on != worker, before, threads())
    });
    let (rows, other_thread, before, after) = task.await.unwrap();
    println!("threads: {before} before, {after} after");
    assert_eq!(rows, 1);
    assert!(other_thread); // the closure ran on a thread of the blocking pool
    assert!(after > before); // which the runtime started for it
    assert_eq!(
        tokio::spawn(count_symbols("fn main fn".into()))
            .await
            .unwrap(),
        2
    );
}
// ANCHOR_END: main

#[allow(dead_code)]
fn mutex_of_db_is_sync() {
    fn sync<T: Sync>() {}
    sync::<Mutex<Db>>(); // `Mutex<T>` is `Sync` when `T` is `Send`
}
