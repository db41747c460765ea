//! Every failing listing of the book fails with exactly the output shown under it.
//! Bless after a deliberate change: `TRYBUILD=overwrite cargo test -p compile-fail-tests`,
//! then review `git diff listings/fail`.

#[test]
fn failing_listings_fail_as_the_book_shows() {
    trybuild::TestCases::new().compile_fail("../../listings/fail/*.rs");
}
