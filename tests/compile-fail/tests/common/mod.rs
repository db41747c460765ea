//! What both trybuild drivers do (tests/compile-fail for edition 2024, tests/compile-fail-2021
//! for edition 2021; trybuild compiles with the edition of the package that runs it).

pub mod cache;

/// Every `FOLDER/*.rs` (relative to the repository's root) that `LISTINGS` (a glob, `*` when
/// unset) names must fail with exactly its `.stderr`. A glob that matches no listing fails:
/// trybuild would report "no tests enabled" and pass.
///
/// A listing that passed before, with nothing it depends on changed since (see `cache.rs` for
/// what that is), is not compiled again: cargo never caches a failed build, so without this
/// every `cargo test` would recompile all of them. Only the others go to trybuild; when there
/// are none, trybuild is not run at all.
pub fn check_failing_listings(manifest_dir: &str, folder: &str) {
    let pattern = std::env::var("LISTINGS").unwrap_or_else(|_| "*".into());
    let root = std::path::Path::new(manifest_dir).join("../..");
    let dir = root.join(folder);
    let mut matched: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".rs")
                .map(str::to_owned)
        })
        .filter(|stem| glob(&pattern, stem))
        .collect();
    matched.sort();
    assert!(
        !matched.is_empty(),
        "LISTINGS='{pattern}' matches no {folder}/*.rs: nothing would be checked"
    );
    let Some(cache) = cache::Cache::new(&root, std::path::Path::new(manifest_dir), folder) else {
        // TRYBUILD=overwrite/wip, or a `trybuild=` filter: trybuild sees every listing, as before.
        trybuild::TestCases::new().compile_fail(format!("../../{folder}/{pattern}.rs"));
        return;
    };
    let misses: Vec<(String, Option<String>)> = matched
        .iter()
        .map(|stem| (stem.clone(), cache.key(stem)))
        .filter(|(stem, key)| !cache.hit(stem, key.as_deref()))
        .collect();
    cache.say(matched.len(), misses.len());
    if misses.is_empty() {
        return;
    }
    let cases = trybuild::TestCases::new();
    for (stem, _) in &misses {
        cases.compile_fail(format!("../../{folder}/{stem}.rs"));
    }
    drop(cases); // trybuild runs here, and panics when any listing does not fail as its snapshot shows
    for (stem, key) in &misses {
        // Recomputed: a file edited while trybuild ran is not recorded as checked.
        if let Some(key) = key
            .as_deref()
            .filter(|k| cache.key(stem).as_deref() == Some(k))
        {
            cache.store(stem, key);
        }
    }
}

/// Shell-style `*` and `?` matching, as trybuild's glob reads the pattern.
pub fn glob(pattern: &str, name: &str) -> bool {
    match (pattern.chars().next(), name.chars().next()) {
        (None, None) => true,
        (Some('*'), _) => {
            glob(&pattern[1..], name)
                || (!name.is_empty()
                    && glob(pattern, &name[name.chars().next().unwrap().len_utf8()..]))
        }
        (Some('?'), Some(c)) => glob(&pattern[1..], &name[c.len_utf8()..]),
        (Some(p), Some(c)) if p == c => glob(&pattern[p.len_utf8()..], &name[c.len_utf8()..]),
        _ => false,
    }
}
