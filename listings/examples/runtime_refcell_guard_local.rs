use std::cell::RefCell;
use std::rc::Rc;
use tokio::sync::oneshot;

// clippy warns about this very mistake; the listing makes it on purpose, to show the panic.
#[allow(clippy::await_holding_refcell_ref)]
#[tokio::main(flavor = "local")]
async fn main() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let (borrowed_tx, borrowed_rx) = oneshot::channel::<()>();

    let holder = tokio::task::spawn_local({
        let log = Rc::clone(&log);
        async move {
            let mut entries = log.borrow_mut();
            entries.push("holder");
            borrowed_tx.send(()).unwrap();
            // A local task need not be `Send`; `entries` still borrows `log` while it waits.
            tokio::task::yield_now().await;
            entries.push("holder, later");
        }
    });

    borrowed_rx.await.unwrap(); // `holder` now waits at its `.await`
    log.borrow_mut().push("main"); // panics: `log` is still borrowed by `holder`
    holder.await.unwrap();
}
