//! Every failing edition 2021 listing (listings/edition2021/fail/NAME.rs) fails, compiled as
//! edition 2021 (this package's edition, which trybuild passes on), with exactly the compiler
//! output in its .stderr snapshot.
//!
//! Bless after a deliberate change, then review the diff:
//!     TRYBUILD=overwrite cargo test -p compile-fail-tests-2021 && git diff listings/edition2021/fail
//! `LISTINGS=glob` narrows the run to some files, e.g. `LISTINGS='runtime_*'`. A glob that
//! matches no listing fails, as in tests/compile-fail.

#[test]
fn failing_2021_listings_fail_as_the_book_shows() {
    let pattern = std::env::var("LISTINGS").unwrap_or_else(|_| "*".into());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../listings/edition2021/fail");
    let matched = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".rs").map(str::to_owned))
        .filter(|stem| glob(&pattern, stem))
        .count();
    assert!(matched > 0, "LISTINGS='{pattern}' matches no listings/edition2021/fail/*.rs: nothing would be checked");
    trybuild::TestCases::new().compile_fail(format!("../../listings/edition2021/fail/{pattern}.rs"));
}

/// Shell-style `*` and `?` matching, as trybuild's glob reads the pattern (as in tests/compile-fail).
fn glob(pattern: &str, name: &str) -> bool {
    match (pattern.chars().next(), name.chars().next()) {
        (None, None) => true,
        (Some('*'), _) => glob(&pattern[1..], name) || (!name.is_empty() && glob(pattern, &name[name.chars().next().unwrap().len_utf8()..])),
        (Some('?'), Some(c)) => glob(&pattern[1..], &name[c.len_utf8()..]),
        (Some(p), Some(c)) if p == c => glob(&pattern[p.len_utf8()..], &name[c.len_utf8()..]),
        _ => false,
    }
}
