// an Rc<RefCell<_>> moved into a spawned task
use std::cell::RefCell;
use std::rc::Rc;
#[tokio::main]
async fn main() {
    let state = Rc::new(RefCell::new(Vec::<u8>::new()));
    let s = Rc::clone(&state);
    tokio::spawn(async move { s.borrow_mut().push(1); });
}
