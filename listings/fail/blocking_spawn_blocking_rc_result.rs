use std::rc::Rc;

// The same parser, with its `Rc` symbol table: not `Send`.
struct Parser {
    symbols: Rc<Vec<String>>,
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

#[tokio::main]
async fn main() {
    // Nothing goes in; the parser is made on the pool thread and comes back out.
    let parser = tokio::task::spawn_blocking(Parser::new).await.unwrap();
    println!("{}", parser.count("fn main fn"));
}
