//! Every failing listing of the book fails with exactly the compiler output shown under it
//! (listings/fail/NAME.rs against listings/fail/NAME.stderr).
//!
//! Bless after a deliberate change, then review the diff:
//!     TRYBUILD=overwrite cargo test -p compile-fail-tests && git diff listings/fail
//! `LISTINGS=glob` narrows the run to some files, e.g. `LISTINGS='runtime_*'`. A glob that
//! matches no listing fails (trybuild would report "no tests enabled" and pass).

mod common;
use common::glob;

#[test]
fn failing_listings_fail_as_the_book_shows() {
    common::check_failing_listings(env!("CARGO_MANIFEST_DIR"), "listings/fail");
}

#[test]
fn globs_match_as_the_shell_does() {
    assert!(glob("*", "runtime_a"));
    assert!(glob("runtime_*", "runtime_a"));
    assert!(!glob("runtime_*", "send_sync_a"));
    assert!(glob("r?ntime_a", "runtime_a"));
    assert!(!glob("nosuch", "runtime_a"));
}
