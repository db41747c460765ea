//! The book's test harness. ../tests/listing-tests turns the chapters into skeptic tests when
//! they run (so that editing a listing rebuilds nothing); tests/book.rs lints the book
//! and builds it; tests/nightly.rs and tests/features.rs build the listings that live in workspaces of their own;
//! ../tests/compile-fail and ../tests/compile-fail-2021 check the failing listings' snapshots.

pub mod book_html;
pub mod glossary;
pub mod links;
pub mod lints;
pub mod load;
pub mod markdown;
pub mod own_workspace;
pub mod quotes;
pub mod scratch;
pub mod settings;
/// The record of failing listings that passed (shared with the trybuild drivers).
#[path = "../compile-fail/tests/common/cache.rs"]
pub mod trybuild_cache;
pub mod worktree;
