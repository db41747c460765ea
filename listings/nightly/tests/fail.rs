//! Every failing nightly listing (fail/NAME.rs) fails with exactly the compiler output in its
//! snapshot (fail/NAME.stderr), on the nightly toolchain. Run by tests/tests/nightly.rs; bless
//! with `TRYBUILD=overwrite cargo test -p book-tests --test nightly`, then review the diff.
//! `LISTINGS=glob` narrows the run.

#[test]
fn failing_nightly_listings_fail_as_the_book_shows() {
    let pattern = std::env::var("LISTINGS").unwrap_or_else(|_| "*".into());
    trybuild::TestCases::new().compile_fail(format!("fail/{pattern}.rs"));
}
