use std::rc::Rc;

// A parser that shares its symbol table through an `Rc`: not `Send`.
struct Parser {
    symbols: Rc<Vec<String>>,
}

impl Parser {
    fn count(&self, text: &str) -> usize {
        text.split_whitespace()
            .filter(|w| self.symbols.iter().any(|s| s == w))
            .count()
    }
}

#[tokio::main]
async fn main() {
    let parser = Parser {
        symbols: Rc::new(vec!["fn".into()]),
    };
    let n = tokio::task::spawn_blocking(move || parser.count("fn main fn"))
        .await
        .unwrap();
    println!("{n}");
}
