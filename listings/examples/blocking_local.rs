use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

struct Parser {
    symbols: Rc<Vec<String>>, // not `Send`
}

impl Parser {
    fn count(&self, text: &str) -> usize {
        text.split_whitespace()
            .filter(|w| self.symbols.iter().any(|s| s == w))
            .count()
    }
}

fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

// ANCHOR: main
#[tokio::main(flavor = "local")]
async fn main() {
    let before = threads();
    let log = Rc::new(RefCell::new(Vec::new()));

    let ticker = tokio::task::spawn_local({
        let log = Rc::clone(&log);
        async move {
            for _ in 0..3 {
                log.borrow_mut().push("tick");
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    });
    let parsing = tokio::task::spawn_local({
        let log = Rc::clone(&log);
        async move {
            // Held across the `.await` below. No `.await` before "parse start": the ticker's
            // timer could fire there on a slow machine, and the order printed would change.
            let parser = Parser {
                symbols: Rc::new(vec!["fn".into()]),
            };
            log.borrow_mut().push("parse start");
            std::thread::sleep(Duration::from_millis(30)); // blocking work, on the only thread
            log.borrow_mut().push("parse end");
            tokio::task::yield_now().await;
            parser.count("fn main fn")
        }
    });

    assert_eq!(parsing.await.unwrap(), 2);
    ticker.await.unwrap();
    let log = log.borrow();
    println!("{log:?}; threads: {before} before, {} after", threads());
    let start = log.iter().position(|e| *e == "parse start").unwrap();
    assert_eq!(log[start + 1], "parse end"); // nothing else ran while it blocked
    assert_eq!(threads(), before); // and no thread was added
}
// ANCHOR_END: main
