fn assert_send<T: Send>() {}

fn main() {
    assert_send::<parking_lot::MutexGuard<'static, u32>>();
}
