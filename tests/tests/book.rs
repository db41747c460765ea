//! The book as a whole: its house rules (one test per rule, each problem named by file and
//! line), skeptic's coverage of it, and an HTML build with no warnings.

use book_tests::lints::{self, Problem, Rule};
use book_tests::{book_html, load};
use std::sync::{Arc, Mutex, OnceLock};

/// The chapters, loaded once for all the tests of this binary.
fn chapters() -> &'static Vec<book_tests::markdown::Chapter> {
    static CHAPTERS: OnceLock<Vec<book_tests::markdown::Chapter>> = OnceLock::new();
    CHAPTERS.get_or_init(|| load::chapters(&load::root()).unwrap_or_else(|e| panic!("{e}")))
}

fn problems() -> &'static Vec<Problem> {
    static PROBLEMS: OnceLock<Vec<Problem>> = OnceLock::new();
    PROBLEMS.get_or_init(|| lints::check(&load::root(), chapters()))
}

fn assert_none(rule: Rule, what: &str) {
    let found: Vec<String> = problems()
        .iter()
        .filter(|p| p.rule == rule)
        .map(|p| format!("  {p}"))
        .collect();
    assert!(found.is_empty(), "\n{what}:\n{}\n", found.join("\n"));
}

#[test]
fn no_rust_is_written_inline() {
    assert_none(Rule::Inline, "rust blocks must include a listing");
}

#[test]
fn fences_have_known_languages_and_attributes() {
    assert_none(
        Rule::Fence,
        "fences with a missing or unknown language or attribute",
    );
}

#[test]
fn includes_resolve_to_something_visible() {
    assert_none(Rule::Include, "includes that do not resolve");
}

#[test]
fn compile_fail_blocks_show_their_snapshot() {
    assert_none(Rule::Snapshot, "compile_fail blocks and compiler output");
}

#[test]
fn ignore_and_no_run_state_a_reason() {
    assert_none(Rule::Reason, "ignore/no_run without a reason");
}

#[test]
fn every_listing_is_shown() {
    assert_none(Rule::Orphan, "files nothing shows");
}

#[test]
fn listings_are_named_after_their_chapter() {
    assert_none(Rule::Naming, "listings named after another chapter");
}

/// A chapter links each glossary term where it first uses it (tests/src/glossary.rs says which
/// terms, and what counts as a use).
#[test]
fn glossary_terms_are_linked_at_first_use() {
    let problems = book_tests::glossary::check(chapters());
    assert!(
        problems.is_empty(),
        "\nglossary terms not linked where a chapter first uses them:\n  {}\n",
        problems.join("\n  ")
    );
}

/// The HTML book builds, and mdBook says nothing at warning level or above while doing it.
#[test]
fn book_builds_without_warnings() {
    let root = load::root();
    let tmp = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    // This very book (every file it reads: tests/src/book_html.rs) built without a warning before.
    let key = book_html::key(&root);
    if book_html::kept(tmp, &key).is_some() {
        return;
    }
    let built = tmp.join(format!("book-html-building-{}", std::process::id()));
    let warnings = Arc::new(Mutex::new(Vec::new()));
    let subscriber = Recorder(Arc::clone(&warnings));
    tracing::subscriber::with_default(subscriber, || {
        let mut book = mdbook_driver::MDBook::load(&root).expect("book loads");
        book.config.build.build_dir = built.clone();
        book.build().expect("book builds");
    });
    let warnings = warnings.lock().unwrap();
    assert!(
        warnings.is_empty(),
        "mdBook warned while building:\n{}",
        warnings.join("\n")
    );
    // Kept for tests/error_index.rs and the next run, unless a file changed while it was built.
    if book_html::key(&root) == key {
        book_html::keep(tmp, &key, &built);
    } else {
        let _ = std::fs::remove_dir_all(&built);
    }
}

/// Records the message of every WARN or ERROR event.
struct Recorder(Arc<Mutex<Vec<String>>>);

impl tracing::Subscriber for Recorder {
    fn enabled(&self, meta: &tracing::Metadata<'_>) -> bool {
        *meta.level() <= tracing::Level::WARN
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        struct Message(String);
        impl tracing::field::Visit for Message {
            fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
                self.0.push_str(&format!("{}={value:?} ", field.name()));
            }
        }
        let mut message = Message(format!(
            "{} {}: ",
            event.metadata().level(),
            event.metadata().target()
        ));
        event.record(&mut message);
        self.0.lock().unwrap().push(message.0);
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

/// Versions, error codes, compiler messages and sizes quoted in the prose are those of the
/// pinned toolchain, Cargo.lock, the snapshots and the listings (tests/src/quotes.rs).
#[test]
fn quoted_figures_match_their_source() {
    let root = load::root();
    let chapters = chapters();
    let sources = book_tests::quotes::Sources::read(&root).unwrap_or_else(|e| panic!("{e}"));
    let mut problems = book_tests::quotes::check(chapters, &sources);
    problems.extend(book_tests::quotes::future_sizes(&root, chapters));
    assert!(
        problems.is_empty(),
        "\nquotes that differ from their source:\n  {}\n",
        problems.join("\n  ")
    );
}

/// Every internal link and #anchor in every chapter resolves (tests/src/links.rs).
#[test]
fn internal_links_and_anchors_resolve() {
    let root = load::root();
    let chapters = chapters();
    let problems = book_tests::links::check(&root, chapters);
    assert!(
        problems.is_empty(),
        "\nlinks that do not resolve:\n  {}\n",
        problems.join("\n  ")
    );
}
