use std::cell::RefCell;

// A stand-in for a database handle such as `rusqlite::Connection`: it keeps its state in a
// `RefCell`, so it is `Send` (it can move to another thread) but not `Sync` (it cannot be shared).
struct Db {
    rows: RefCell<Vec<String>>,
}

impl Db {
    fn insert(&self, row: &str) {
        self.rows.borrow_mut().push(row.to_owned()); // a synchronous call
    }
}

async fn fetch(id: u32) -> String {
    tokio::task::yield_now().await;
    format!("row {id}")
}

async fn import(db: &Db) {
    for id in 0..3 {
        db.insert(&fetch(id).await);
    }
}

#[tokio::main]
async fn main() {
    tokio::spawn(async move {
        let db = Db {
            rows: RefCell::new(Vec::new()),
        };
        import(&db).await;
    })
    .await
    .unwrap();
}
