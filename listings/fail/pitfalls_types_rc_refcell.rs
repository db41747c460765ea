use std::cell::RefCell;
use std::rc::Rc;

trait Listener {
    fn changed(&mut self, text: &str);
}

struct Printer;

impl Listener for Printer {
    fn changed(&mut self, text: &str) {
        println!("now: {text}");
    }
}

struct Editor {
    text: String,
    listener: Rc<RefCell<dyn Listener>>,
}

#[tokio::main]
async fn main() {
    let mut editor = Editor {
        text: String::new(),
        listener: Rc::new(RefCell::new(Printer)),
    };
    tokio::spawn(async move {
        editor.text.push_str("hi");
        editor.listener.borrow_mut().changed(&editor.text);
    })
    .await
    .unwrap();
}
