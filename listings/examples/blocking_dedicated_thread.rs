use std::cell::RefCell;
use std::rc::Rc;
use std::thread;
use tokio::sync::{mpsc, oneshot};

struct Db {
    rows: RefCell<Vec<String>>, // `Send`, not `Sync`
}

struct Parser {
    symbols: Rc<Vec<String>>, // not even `Send`
}

fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

// ANCHOR: thread
enum Request {
    Import {
        text: String,
        reply: oneshot::Sender<usize>,
    },
}

/// Starts the thread that owns the handle and the parser; returns the way to reach it.
fn start() -> (mpsc::Sender<Request>, thread::JoinHandle<()>) {
    let (tx, mut rx) = mpsc::channel::<Request>(16);
    let owner = thread::spawn(move || {
        // Created on this thread and never leave it: no `Send` or `Sync` needed.
        let db = Db {
            rows: RefCell::new(Vec::new()),
        };
        let parser = Parser {
            symbols: Rc::new(vec!["fn".into()]),
        };
        while let Some(Request::Import { text, reply }) = rx.blocking_recv() {
            for word in text
                .split_whitespace()
                .filter(|w| parser.symbols.iter().any(|s| s == w))
            {
                db.rows.borrow_mut().push(word.to_owned());
            }
            let _ = reply.send(db.rows.borrow().len());
        }
    }); // the loop ends, and the thread with it, when every sender is dropped
    (tx, owner)
}

async fn import(db: &mpsc::Sender<Request>, text: &str) -> usize {
    let (reply, answer) = oneshot::channel();
    db.send(Request::Import {
        text: text.to_owned(),
        reply,
    })
    .await
    .unwrap();
    answer.await.unwrap()
}
// ANCHOR_END: thread

// ANCHOR: main
#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let before = threads();
    let (db, owner) = start();
    let running = threads();
    let task = tokio::spawn(async move {
        let first = import(&db, "fn main fn").await; // the future holds only channel ends: `Send`
        let second = import(&db, "fn f").await;
        (first, second)
    });
    assert_eq!(task.await.unwrap(), (2, 3));
    owner.join().unwrap(); // the task dropped the last sender, so the loop ended
    println!("threads: {before} before, {running} while the owner runs");
    assert_eq!(running, before + 1); // one thread, for as long as the handle lives
}
// ANCHOR_END: main
