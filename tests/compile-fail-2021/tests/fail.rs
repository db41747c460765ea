//! Every failing edition 2021 listing (listings/edition2021/fail/NAME.rs) fails, compiled as
//! edition 2021 (this package's edition, which trybuild passes on), with exactly the compiler
//! output in its .stderr snapshot.
//!
//! Bless after a deliberate change, then review the diff:
//!     TRYBUILD=overwrite cargo test -p compile-fail-tests-2021 && git diff listings/edition2021/fail
//! `LISTINGS=glob` narrows the run to some files, e.g. `LISTINGS='runtime_*'`. A glob that
//! matches no listing fails, as in tests/compile-fail.

#[path = "../../compile-fail/tests/common/mod.rs"]
mod common;

#[test]
fn failing_2021_listings_fail_as_the_book_shows() {
    common::check_failing_listings(env!("CARGO_MANIFEST_DIR"), "listings/edition2021/fail");
}
