// an Rc captured by std::thread::spawn
use std::rc::Rc;
fn main() {
    let data = Rc::new(vec![1, 2, 3]);
    std::thread::spawn(move || println!("{}", data.len())).join().unwrap();
}
