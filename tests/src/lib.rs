//! The book's test harness. `build.rs` turns the chapters into skeptic tests
//! (tests/listings.rs); tests/book.rs lints the book and builds it; tests/nightly.rs builds
//! the nightly listings; ../tests/compile-fail checks the failing listings' snapshots.

pub mod load;
pub mod links;
pub mod lints;
pub mod markdown;
pub mod quotes;
pub mod scratch;
