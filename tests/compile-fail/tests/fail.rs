//! Every failing listing of the book fails with exactly the compiler output shown under it
//! (listings/fail/NAME.rs against listings/fail/NAME.stderr).
//!
//! Bless after a deliberate change, then review the diff:
//!     TRYBUILD=overwrite cargo test -p compile-fail-tests && git diff listings/fail
//! `LISTINGS=glob` narrows the run to some files, e.g. `LISTINGS='runtime_*'`.

#[test]
fn failing_listings_fail_as_the_book_shows() {
    let pattern = std::env::var("LISTINGS").unwrap_or_else(|_| "*".into());
    trybuild::TestCases::new().compile_fail(format!("../../listings/fail/{pattern}.rs"));
}
