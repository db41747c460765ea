//! Every failing edition 2021 listing (listings/edition2021/fail/NAME.rs) fails, compiled as
//! edition 2021 (this package's edition, which trybuild passes on), with exactly the compiler
//! output in its .stderr snapshot.
//!
//! Bless after a deliberate change, then review the diff:
//!     TRYBUILD=overwrite cargo test -p compile-fail-tests-2021 && git diff listings/edition2021/fail
//! `LISTINGS=glob` narrows the run to some files, e.g. `LISTINGS='runtime_*'`.

#[test]
fn failing_2021_listings_fail_as_the_book_shows() {
    let pattern = std::env::var("LISTINGS").unwrap_or_else(|_| "*".into());
    trybuild::TestCases::new().compile_fail(format!("../../listings/edition2021/fail/{pattern}.rs"));
}
