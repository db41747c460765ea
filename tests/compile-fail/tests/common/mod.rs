//! What both trybuild drivers do (tests/compile-fail for edition 2024, tests/compile-fail-2021
//! for edition 2021; trybuild compiles with the edition of the package that runs it).

/// Every `FOLDER/*.rs` (relative to the repository's root) that `LISTINGS` (a glob, `*` when
/// unset) names must fail with exactly its `.stderr`. A glob that matches no listing fails:
/// trybuild would report "no tests enabled" and pass.
pub fn check_failing_listings(manifest_dir: &str, folder: &str) {
    let pattern = std::env::var("LISTINGS").unwrap_or_else(|_| "*".into());
    let dir = std::path::Path::new(manifest_dir).join("../..").join(folder);
    let matched = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".rs").map(str::to_owned))
        .filter(|stem| glob(&pattern, stem))
        .count();
    assert!(matched > 0, "LISTINGS='{pattern}' matches no {folder}/*.rs: nothing would be checked");
    trybuild::TestCases::new().compile_fail(format!("../../{folder}/{pattern}.rs"));
}

/// Shell-style `*` and `?` matching, as trybuild's glob reads the pattern.
pub fn glob(pattern: &str, name: &str) -> bool {
    match (pattern.chars().next(), name.chars().next()) {
        (None, None) => true,
        (Some('*'), _) => glob(&pattern[1..], name) || (!name.is_empty() && glob(pattern, &name[name.chars().next().unwrap().len_utf8()..])),
        (Some('?'), Some(c)) => glob(&pattern[1..], &name[c.len_utf8()..]),
        (Some(p), Some(c)) if p == c => glob(&pattern[p.len_utf8()..], &name[c.len_utf8()..]),
        _ => false,
    }
}
