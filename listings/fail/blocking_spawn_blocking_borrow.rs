use std::cell::RefCell;

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

#[tokio::main]
async fn main() {
    let db = Db {
        rows: RefCell::new(Vec::new()),
    };
    let rows = tokio::task::spawn_blocking(|| db.insert("a"))
        .await
        .unwrap();
    println!("{rows}");
}
