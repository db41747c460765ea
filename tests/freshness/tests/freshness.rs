//! The book's own dating: every page with listings carries a stamp that matches the pins, and
//! every canary holds on the pinned toolchain and points at a section that shows its listing.

fn fail_on(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn every_page_with_listings_has_a_current_stamp() {
    let root = freshness::root();
    fail_on(freshness::stamp::check(
        &root,
        &freshness::book::chapters(&root),
    ));
}

#[test]
fn every_canary_holds_and_names_its_section() {
    let root = freshness::root();
    fail_on(freshness::canary::check(
        &root,
        &freshness::book::chapters(&root),
    ));
}
