use std::cell::RefCell;

fn assert_sync<T: Sync>() {}

fn main() {
    assert_sync::<RefCell<u32>>();
}
