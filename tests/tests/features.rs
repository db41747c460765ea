//! Listings that need a crate feature the other listings must not get live in a workspace of
//! their own (listings/send-guard: parking_lot's `send_guard`), so cargo cannot unify the feature
//! into the root workspace's parking_lot. This test builds that workspace's examples, with its own
//! Cargo.lock and its own target folder, and runs each.

use book_tests::own_workspace::build_and_run_examples;

#[test]
fn send_guard_listings_build_and_run() {
    let root = book_tests::load::root();
    let dir = root.join("listings/send-guard");
    let ran = build_and_run_examples(
        None,
        &dir.join("Cargo.toml"),
        &book_tests::own_workspace::target_dir("send-guard"),
        &dir.join("examples"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!ran.is_empty(), "no listing in {}/examples", dir.display());
}
