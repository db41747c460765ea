use std::panic;

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let result = panic::catch_unwind(|| tokio::task::block_in_place(|| 1 + 1));
    let message = *result.unwrap_err().downcast::<String>().unwrap();
    println!("block_in_place panicked: {message}");
    assert_eq!(
        message,
        "can call blocking only when running on the multi-threaded runtime"
    );
}
// ANCHOR_END: main
