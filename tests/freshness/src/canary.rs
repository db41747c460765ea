//! Canaries: listings whose verdict flips when something the book depends on changes (an open
//! compiler bug is fixed, an unstable feature is stabilised, a crate changes what it generates),
//! each tied to the section that must then be rewritten. They live in
//! `tests/freshness/canaries.toml`; `cargo test` checks that each one holds on the pinned
//! toolchain and points at a real section, and the drift run reports the ones that flipped.

use crate::book::{self, Chapter};
use std::path::Path;

pub const FILE: &str = "tests/freshness/canaries.toml";

#[derive(Clone, Debug)]
pub struct Canary {
    pub name: String,
    /// The fact the book depends on, with the issue or crate that can change it.
    pub depends_on: String,
    /// A listing's file stem, in `listings/fail` (it must fail) or `listings/examples` (it must compile).
    pub listing: String,
    /// `compiles`, or the code of the failing listing's first error (`E0658`), or `error` for an
    /// error without a code.
    pub expect: String,
    /// `page.md#anchor`: the section to rewrite when the canary flips.
    pub section: String,
    /// 1-based line of the entry in the canaries file.
    pub line: usize,
}

/// Reads the canaries file.
pub fn load(root: &Path) -> Vec<Canary> {
    let path = root.join(FILE);
    let text = crate::read(&path);
    let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{FILE}: {e}"));
    let starts: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[canary]]")
        .map(|(n, _)| n + 1)
        .collect();
    let entries = table
        .get("canary")
        .and_then(|c| c.as_array())
        .unwrap_or_else(|| panic!("{FILE}: no [[canary]] entries"));
    entries
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let line = starts.get(i).copied().unwrap_or(1);
            let field = |k: &str| {
                c.get(k)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
                    .unwrap_or_else(|| panic!("{FILE}:{line}: this canary has no `{k}`"))
            };
            Canary {
                name: field("name"),
                depends_on: field("depends_on"),
                listing: field("listing"),
                expect: field("expect"),
                section: field("section"),
                line,
            }
        })
        .collect()
}

/// The code of the first error in compiler output: `E0277`, or `error` for an error without one.
pub fn first_error_code(stderr: &str) -> Option<String> {
    let line = stderr.lines().find(|l| l.starts_with("error"))?;
    let code = line
        .strip_prefix("error[")
        .and_then(|r| r.split(']').next());
    Some(code.map_or_else(|| "error".to_string(), str::to_string))
}

/// What a listing does on the pinned toolchain, as the tree records it: `compiles` for a passing
/// listing, the snapshot's first error code for a failing one.
pub fn recorded_verdict(root: &Path, listing: &str) -> Option<String> {
    for dir in dirs_named(root, "examples") {
        if root.join(dir).join(format!("{listing}.rs")).exists() {
            return Some("compiles".into());
        }
    }
    for dir in fail_dirs(root) {
        if root.join(&dir).join(format!("{listing}.rs")).exists() {
            let stderr =
                std::fs::read_to_string(root.join(&dir).join(format!("{listing}.stderr"))).ok()?;
            return first_error_code(&stderr);
        }
    }
    None
}

/// Every folder of failing listings (`listings/fail`, and any `listings/**/fail*`).
pub fn fail_dirs(root: &Path) -> Vec<String> {
    dirs_named(root, "fail")
}

/// Every folder under `listings/` whose name starts with `prefix` (`examples`, `fail`, ...).
pub fn dirs_named(root: &Path, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec!["listings".to_string()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for e in entries.flatten() {
            if !e.path().is_dir() {
                continue;
            }
            let name = e.file_name().to_string_lossy().into_owned();
            if name == "target" || name == "node_modules" {
                continue;
            }
            let sub = format!("{dir}/{name}");
            if name.starts_with(prefix) {
                out.push(sub.clone());
            }
            stack.push(sub);
        }
    }
    out.sort();
    out
}

/// Problems with the canaries, each as `file:line: what is wrong`.
pub fn check(root: &Path, chapters: &[Chapter]) -> Vec<String> {
    let mut problems = Vec::new();
    let canaries = load(root);
    if canaries.is_empty() {
        problems.push(format!("{FILE}:1: no canaries"));
    }
    let mut names = std::collections::HashSet::new();
    for c in &canaries {
        let at = format!("{FILE}:{}", c.line);
        if !names.insert(c.name.clone()) {
            problems.push(format!("{at}: a second canary named `{}`", c.name));
        }
        match recorded_verdict(root, &c.listing) {
            None => problems.push(format!("{at}: canary `{}`: no listing `{}` (nor its snapshot) under listings/", c.name, c.listing)),
            Some(v) if v != c.expect => problems.push(format!(
                "{at}: canary `{}` expects `{}`, but the book records `{v}` for `{}` on the pinned toolchain: either the fact it guards changed (rewrite src/{} first) or this entry is wrong",
                c.name, c.expect, c.listing, c.section
            )),
            Some(_) => {}
        }
        let (page, anchor) = c.section.split_once('#').unwrap_or((&c.section, ""));
        match chapters.iter().find(|ch| ch.file == page) {
            None => problems.push(format!(
                "{at}: canary `{}`: no page `src/{page}` in SUMMARY.md",
                c.name
            )),
            Some(ch) => {
                if !ch.sections.iter().any(|s| s.id == anchor) {
                    problems.push(format!(
                        "{at}: canary `{}`: src/{page} has no heading with the anchor `#{anchor}`",
                        c.name
                    ));
                }
                if ch.section_of(&c.listing).is_none() {
                    problems.push(format!(
                        "{at}: canary `{}`: src/{page} does not show `{}`",
                        c.name, c.listing
                    ));
                }
            }
        }
    }
    problems
}

/// The canaries a changed listing flips.
pub fn flipped<'a>(canaries: &'a [Canary], listing: &str) -> impl Iterator<Item = &'a Canary> {
    canaries.iter().filter(move |c| c.listing == listing)
}

/// `page.md#anchor` of the section where a listing is first shown, if any page shows it.
pub fn section_link(chapters: &[Chapter], listing: &str) -> Option<String> {
    book::section_of(chapters, listing).map(|(c, s)| format!("{}#{}", c.file, s.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes() {
        assert_eq!(
            first_error_code("warning: x\nerror[E0658]: y\nerror[E0277]: z").as_deref(),
            Some("E0658")
        );
        assert_eq!(
            first_error_code("error: future cannot be sent\nerror[E0277]: z").as_deref(),
            Some("error")
        );
        assert_eq!(first_error_code("warning: only"), None);
    }
}
