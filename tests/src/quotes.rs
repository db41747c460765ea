//! Figures the prose quotes, checked against where they come from: the pinned compiler
//! (rust-toolchain.toml), crate versions (Cargo.lock), error codes and compiler messages (the
//! snapshots in listings/fail), and sizes a listing asserts. A quote that differs from its
//! source is reported as `file:line: ...` with the text to write instead.
//!
//! To check a new kind of quote, add a `Rule` to `RULES` (a regex over the chapters' prose, code
//! blocks blanked out, and where its `q` group's truth is), or a function like `future_sizes`
//! for a quote that needs more than one regex.

use crate::markdown::{Chapter, events, line_at};
use mdbook_markdown::pulldown_cmark::{Event, Tag};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// A mention after one of these words is history ("since Rust 1.75", "before rand 0.9",
/// "written for dynosaur 0.2", "older than Rust 1.75", "edition 2024 (Rust 1.85)") and is not
/// checked; so is one followed by "stabilized" ("Rust 1.85 stabilized async closures").
macro_rules! history {
    () => {
        r"(?P<history>(?i:\b(?:since|before|until|written for|older than|edition\s+\d{4}\s+\()\s*))?"
    };
}
macro_rules! history_after {
    () => {
        r"(?P<history_after>\s+(?i:stabili[sz]ed|introduced|added))?"
    };
}

pub struct Rule {
    /// What the quote is, for messages.
    pub what: &'static str,
    /// A regex over a chapter's prose. Group `q` is the quoted figure; group `krate` (for
    /// versions) names the crate; a match with a `history` group is skipped.
    pub pattern: &'static str,
    pub source: Source,
}

pub enum Source {
    /// `channel` in rust-toolchain.toml: the quote is it or a prefix of it (`1.95` of `1.95.0`).
    Toolchain,
    /// The crate's version in Cargo.lock (or, for a crate no member uses, the version the
    /// workspace's Cargo.toml declares): the quote is it or a prefix of it.
    CrateVersion,
    /// An error code: some snapshot in listings/fail shows an `error[CODE]`.
    ErrorCode,
}

pub const RULES: &[Rule] = &[
    Rule {
        what: "the pinned compiler's version",
        pattern: concat!(
            history!(),
            r"\b(?:Rust|rustc|stable)\s+(?P<q>1\.\d+(?:\.\d+)?)\b",
            history_after!()
        ),
        source: Source::Toolchain,
    },
    Rule {
        what: "a crate's version",
        pattern: concat!(
            history!(),
            r"\b(?P<krate>tokio|async-trait|trait-variant|dynosaur|futures|parking_lot|rand|tracing|criterion|mdBook|skeptic|trybuild)\s+(?P<q>\d+\.\d+(?:\.\d+)?)\b",
            history_after!(),
        ),
        source: Source::CrateVersion,
    },
    Rule {
        what: "a docs.rs link's version",
        pattern: r"docs\.rs/(?P<krate>[A-Za-z0-9_-]+)/(?P<q>\d+(?:\.\d+){0,2})/",
        source: Source::CrateVersion,
    },
    Rule {
        what: "an error code",
        pattern: r"\b(?P<q>E\d{4})\b",
        source: Source::ErrorCode,
    },
];

/// Where quotes are checked against: read once from the book's root.
pub struct Sources {
    pub toolchain: String,
    /// crate name -> versions in Cargo.lock (or declared by the workspace).
    pub crates: BTreeMap<String, Vec<String>>,
    /// Every error code of every snapshot.
    pub error_codes: BTreeSet<String>,
    /// Every line of every snapshot, trimmed.
    pub snapshot_lines: BTreeSet<String>,
}

impl Sources {
    pub fn read(root: &Path) -> Result<Sources, String> {
        let read = |p: &str| fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
        let toolchain = read("rust-toolchain.toml")?
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("channel")?
                    .trim()
                    .strip_prefix('=')?
                    .trim()
                    .strip_prefix('"')?
                    .strip_suffix('"')
                    .map(str::to_owned)
            })
            .ok_or("rust-toolchain.toml: no `channel = \"...\"`")?;
        let mut crates: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for package in read("Cargo.lock")?.split("[[package]]") {
            let field = |k: &str| {
                package.lines().find_map(|l| {
                    l.strip_prefix(&format!("{k} = \""))?
                        .strip_suffix('"')
                        .map(str::to_owned)
                })
            };
            if let (Some(name), Some(version)) = (field("name"), field("version")) {
                crates.entry(name).or_default().push(version);
            }
        }
        // A crate the workspace declares but no member uses is not in Cargo.lock.
        let manifest = read("Cargo.toml")?;
        let declared =
            Regex::new(r#"(?m)^([A-Za-z0-9_-]+)\s*=\s*(?:\{[^}\n]*version\s*=\s*)?"=?(\d[^"]*)""#)
                .unwrap();
        if let Some(deps) = manifest.split("[workspace.dependencies]").nth(1) {
            let deps = deps.split("\n[").next().unwrap_or("");
            for c in declared.captures_iter(deps) {
                crates
                    .entry(c[1].to_owned())
                    .or_insert_with(|| vec![c[2].to_owned()]);
            }
        }
        let mut error_codes = BTreeSet::new();
        let mut snapshot_lines = BTreeSet::new();
        let code = Regex::new(r"^error\[(E\d{4})\]").unwrap();
        let dir = root.join("listings/fail");
        let entries = fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "stderr"))
        {
            for line in fs::read_to_string(entry.path()).unwrap_or_default().lines() {
                if let Some(c) = code.captures(line) {
                    error_codes.insert(c[1].to_owned());
                }
                snapshot_lines.insert(line.trim().to_owned());
            }
        }
        if error_codes.is_empty() {
            return Err(format!(
                "{}: no snapshot with an error code, so no quote can be checked",
                dir.display()
            ));
        }
        Ok(Sources {
            toolchain,
            crates,
            error_codes,
            snapshot_lines,
        })
    }
}

/// `1.95` is `1.95.0` said shorter; `1.9` is not.
fn is_prefix(quote: &str, version: &str) -> bool {
    let (q, v): (Vec<&str>, Vec<&str>) = (quote.split('.').collect(), version.split('.').collect());
    q.len() <= v.len() && q.iter().zip(&v).all(|(a, b)| a == b)
}

/// The chapter's text with every code block blanked (newlines kept, so offsets and lines
/// stay): what the reader reads as prose, inline code and link targets included.
pub fn prose(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for (event, range) in events(text) {
        if let Event::Start(Tag::CodeBlock(_)) = event {
            for b in &mut bytes[range] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// Every quote in the chapters that differs from its source, as `file:line: message`.
pub fn check(chapters: &[Chapter], sources: &Sources) -> Vec<String> {
    let mut problems = Vec::new();
    let rules: Vec<(&Rule, Regex)> = RULES
        .iter()
        .map(|r| (r, Regex::new(r.pattern).unwrap()))
        .collect();
    for ch in chapters {
        let text = prose(&ch.raw);
        let file = ch.path.display();
        for (rule, re) in &rules {
            for c in re.captures_iter(&text) {
                if c.name("history").is_some() || c.name("history_after").is_some() {
                    continue;
                }
                let q = &c["q"];
                let line = line_at(&text, c.get(0).unwrap().start());
                let at = format!("{file}:{line}");
                match rule.source {
                    Source::Toolchain if !is_prefix(q, &sources.toolchain) => problems.push(format!(
                        "{at}: {} is quoted as {q}, but rust-toolchain.toml pins {}: write {} (or, if the text speaks of an older release, say so: \"since\", \"before\", \"older than\" before it, or \"stabilized\" after it)",
                        rule.what, sources.toolchain, sources.toolchain
                    )),
                    Source::CrateVersion => {
                        let krate = if &c["krate"] == "mdBook" { "mdbook-driver" } else { &c["krate"] };
                        let key = if sources.crates.contains_key(krate) { krate.to_owned() } else { krate.replace('_', "-") };
                        match sources.crates.get(&key) {
                            None => problems.push(format!("{at}: {} {krate} {q}: the workspace does not use {krate} (not in Cargo.lock nor Cargo.toml)", rule.what)),
                            Some(versions) if !versions.iter().any(|v| is_prefix(q, v)) => problems.push(format!(
                                "{at}: {} {krate} {q} differs from Cargo.lock ({krate} {}): write {} (or, if the text speaks of an older release, say so: \"since\", \"before\", \"older than\" before it, or \"stabilized\" after it)",
                                rule.what,
                                versions.join(", "),
                                versions.join(" or ")
                            )),
                            Some(_) => {}
                        }
                    }
                    Source::ErrorCode if !sources.error_codes.contains(q) => problems.push(format!(
                        "{at}: the prose names {q}, but no snapshot in listings/fail shows error[{q}]: fix the code, or add the listing that shows it"
                    )),
                    _ => {}
                }
            }
        }
        compiler_messages(ch, sources, &mut problems);
    }
    problems
}

/// Compiler messages quoted in inline code: `` `error[E0597]: `x` does not live long enough` ``,
/// or `` `message` (E0277) `` as the pitfall tables write them (a span of three words or more),
/// must be a line of a snapshot.
fn compiler_messages(ch: &Chapter, sources: &Sources, problems: &mut Vec<String>) {
    let code_after = Regex::new(r"^\s*\((E\d{4})\)").unwrap();
    let quoted_message = Regex::new(r"^(?:error\[E\d{4}\]|error|warning): \S").unwrap();
    let mut last_code: Option<(String, usize)> = None;
    for (event, range) in events(&ch.raw) {
        let line = line_at(&ch.raw, range.start);
        match event {
            Event::Code(code) => {
                let code = code.trim();
                if quoted_message.is_match(code) {
                    if !sources.snapshot_lines.contains(code) {
                        problems.push(format!(
                            "{}:{line}: quotes the compiler message `` {code} ``, which is no line of any snapshot in listings/fail: copy the line from the snapshot it stands for",
                            ch.path.display()
                        ));
                    }
                    last_code = None;
                } else if code.split_whitespace().count() >= 3 {
                    last_code = Some((code.to_owned(), line));
                }
            }
            Event::Text(text) => {
                if let (Some((code, line)), Some(c)) =
                    (last_code.take(), code_after.captures(&text))
                {
                    let full = format!("error[{}]: {code}", &c[1]);
                    if !sources.snapshot_lines.contains(&full) {
                        problems.push(format!(
                            "{}:{line}: quotes `` {code} `` ({}), but no snapshot in listings/fail has the line `` {full} ``: copy the message from the snapshot it stands for",
                            ch.path.display(),
                            &c[1]
                        ));
                    }
                }
            }
            _ => last_code = None,
        }
    }
}

/// The sizes of futures that src/state-machines.md quotes (in a sentence and in a table) are
/// the ones listings/examples/state_machines_sizes.rs asserts in its last `assert_eq!`.
pub fn future_sizes(root: &Path, chapters: &[Chapter]) -> Vec<String> {
    const CHAPTER: &str = "src/state-machines.md";
    const LISTING: &str = "listings/examples/state_machines_sizes.rs";
    let Some(ch) = chapters.iter().find(|c| c.path == Path::new(CHAPTER)) else {
        return vec![format!(
            "{CHAPTER}:1: not in the book any more: remove `future_sizes` from tests/src/quotes.rs"
        )];
    };
    let listing = fs::read_to_string(root.join(LISTING)).unwrap_or_default();
    let assertion =
        Regex::new(r"assert_eq!\(\s*\[(?P<names>[\w\s,]+)\],\s*\[(?P<sizes>[\d\s,]+)\]").unwrap();
    let Some(a) = assertion.captures_iter(&listing).last() else {
        return vec![format!(
            "{LISTING}:1: no `assert_eq!([names..], [sizes..])`: tests/src/quotes.rs reads the sizes the chapter quotes from it"
        )];
    };
    let list = |s: &str| {
        s.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let (names, sizes) = (list(&a["names"]), list(&a["sizes"]));
    let size_of: BTreeMap<&str, &str> = names
        .iter()
        .map(String::as_str)
        .zip(sizes.iter().map(String::as_str))
        .collect();
    let text = prose(&ch.raw);
    let mut problems = Vec::new();
    let mut quotes = 0;
    // "... gives on a 64-bit target: 1026, 3, 1027, 3, 32 and 1027 bytes."
    let sentence = Regex::new(r"(?P<q>\d+(?:,\s+\d+)*,?\s+and\s+\d+)\s+bytes").unwrap();
    for c in sentence.captures_iter(&text) {
        let quoted: Vec<String> = c["q"]
            .replace(" and ", ", ")
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        if quoted.len() != sizes.len() {
            continue;
        }
        quotes += 1;
        if quoted != sizes {
            problems.push(format!(
                "{CHAPTER}:{}: quotes the sizes {}, but {LISTING} asserts {}: write the listing's numbers",
                line_at(&text, c.get(0).unwrap().start()),
                quoted.join(", "),
                sizes.join(", ")
            ));
        }
    }
    // Table rows: "| `used_after` | ... | 1026 |".
    let row = Regex::new(r"(?m)^\|\s*`(?P<name>\w+)`\s*\|(?:.*\|)?\s*(?P<q>\d+)\s*\|\s*$").unwrap();
    for c in row.captures_iter(&text) {
        let Some(size) = size_of.get(&c["name"]) else {
            continue;
        };
        quotes += 1;
        if *size != &c["q"] {
            problems.push(format!(
                "{CHAPTER}:{}: the row for `{}` says {} bytes, but {LISTING} asserts {size}: write {size}",
                line_at(&text, c.get(0).unwrap().start()),
                &c["name"],
                &c["q"]
            ));
        }
    }
    if quotes == 0 {
        problems.push(format!(
            "{CHAPTER}:1: quotes none of the sizes {LISTING} asserts ({}): if the text was reworded, update `future_sizes` in tests/src/quotes.rs so it finds them",
            sizes.join(", ")
        ));
    }
    problems
}

/// Every `nightly 1.97.0` (optionally `(2026-05-19)`) quoted in the prose is the nightly the
/// book is tested with: `version` is what `rustc +nightly --version` prints, e.g.
/// `rustc 1.97.0-nightly (e50aa6fba 2026-05-19)`. Called by tests/tests/nightly.rs, which
/// knows that toolchain.
pub fn nightly(chapters: &[Chapter], version: &str) -> Vec<String> {
    let installed =
        Regex::new(r"rustc (?P<v>\d+\.\d+\.\d+)-nightly \(\w+ (?P<date>\d{4}-\d{2}-\d{2})\)")
            .unwrap();
    let Some(v) = installed.captures(version) else {
        return vec![format!(
            "cannot read the nightly's version and date from `{version}`"
        )];
    };
    let quote = Regex::new(concat!(
        history!(),
        r"\bnightly\s+(?P<q>1\.\d+(?:\.\d+)?)(?:\s+\((?P<date>\d{4}-\d{2}-\d{2})\))?"
    ))
    .unwrap();
    let mut problems = Vec::new();
    for ch in chapters {
        let text = prose(&ch.raw);
        for c in quote.captures_iter(&text) {
            if c.name("history").is_some() {
                continue;
            }
            let date_differs = c.name("date").is_some_and(|d| d.as_str() != &v["date"]);
            if !is_prefix(&c["q"], &v["v"]) || date_differs {
                problems.push(format!(
                    "{}:{}: quotes `{}`, but the nightly tested is {} ({}): write nightly {} ({})",
                    ch.path.display(),
                    line_at(&text, c.get(0).unwrap().start()),
                    c.get(0).unwrap().as_str().trim(),
                    &v["v"],
                    &v["date"],
                    &v["v"],
                    &v["date"]
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Sources {
        Sources {
            toolchain: "1.95.0".into(),
            crates: [
                ("tokio".to_owned(), vec!["1.54.1".to_owned()]),
                ("async-trait".to_owned(), vec!["0.1.92".to_owned()]),
            ]
            .into(),
            error_codes: ["E0277".to_owned(), "E0119".to_owned()].into(),
            snapshot_lines: [
                "error[E0277]: `Rc<u8>` cannot be sent between threads safely".to_owned(),
            ]
            .into(),
        }
    }

    fn check_text(text: &str) -> Vec<String> {
        check(
            &[Chapter {
                path: "src/c.md".into(),
                raw: text.into(),
                expanded: text.into(),
            }],
            &sources(),
        )
    }

    #[test]
    fn quotes_that_match_their_source_pass() {
        let text = "Checked on Rust 1.95 and stable 1.95.0, with tokio 1.54 ([docs](https://docs.rs/tokio/1.54.1/tokio/)) \
                    and async-trait 0.1.92. Since Rust 1.75 it works; before tokio 1.51 it did not; Rust 1.85 stabilized it, \
                    code older than Rust 1.75, edition 2024 (Rust 1.85). After `error:` or `error[E....]:`, `U` (E0119).\n\n\
                    It fails with E0277: `` `Rc<u8>` cannot be sent between threads safely `` (E0277).\n\n\
                    ```text\nRust 1.2 and E9999 in a code block are not prose\n```\n";
        assert_eq!(check_text(text), Vec::<String>::new());
    }

    #[test]
    fn quotes_that_differ_are_named_with_file_and_line() {
        let text = "Rust 1.94 here.\ntokio 1.53 and\n[x](https://docs.rs/async-trait/0.1.91/)\nE0599.\n\n\
                    `` error[E0277]: `Rc<u8>` cannot be shared ``\n\n`` `Rc<u8>` cannot be moved `` (E0277)\n";
        let p = check_text(text);
        assert!(p.iter().any(|m| m.starts_with("src/c.md:1: the pinned compiler's version is quoted as 1.94, but rust-toolchain.toml pins 1.95.0")), "{p:#?}");
        assert!(
            p.iter().any(|m| m.starts_with(
                "src/c.md:2: a crate's version tokio 1.53 differs from Cargo.lock (tokio 1.54.1)"
            )),
            "{p:#?}"
        );
        assert!(
            p.iter().any(|m| m
                .starts_with("src/c.md:3: a docs.rs link's version async-trait 0.1.91 differs")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("src/c.md:4: the prose names E0599")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|m| m.starts_with("src/c.md:6: quotes the compiler message")),
            "{p:#?}"
        );
        assert!(p.iter().any(|m| m.starts_with("src/c.md:8: quotes `` `Rc<u8>` cannot be moved `` (E0277)")), "{p:#?}");
        assert_eq!(p.len(), 6, "{p:#?}");
    }

    #[test]
    fn the_quoted_nightly_is_the_installed_one() {
        let ch = |raw: &str| {
            vec![Chapter {
                path: "src/c.md".into(),
                raw: raw.into(),
                expanded: raw.into(),
            }]
        };
        let v = "rustc 1.97.0-nightly (e50aa6fba 2026-05-19)";
        assert_eq!(
            nightly(&ch("On nightly 1.97 and nightly 1.97.0 (2026-05-19).\n"), v),
            Vec::<String>::new()
        );
        let p = nightly(
            &ch("Text.\nOn nightly 1.96.0 and\nnightly 1.97.0 (2026-05-18).\n"),
            v,
        );
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(
            p[0].starts_with(
                "src/c.md:2: quotes `nightly 1.96.0`, but the nightly tested is 1.97.0 (2026-05-19)"
            ),
            "{p:#?}"
        );
        assert!(
            p[1].starts_with("src/c.md:3: quotes `nightly 1.97.0 (2026-05-18)`"),
            "{p:#?}"
        );
    }

    #[test]
    fn the_quoted_sizes_are_the_asserted_ones() {
        let listing =
            "fn main() {\n    assert_eq!(\n        [a, b],\n        [1026, 3]\n    );\n}\n";
        let root = crate::scratch::Scratch::new(
            "sizes",
            &[("listings/examples/state_machines_sizes.rs", listing)],
        );
        let chapter = |raw: &str| {
            vec![Chapter {
                path: "src/state-machines.md".into(),
                raw: raw.into(),
                expanded: raw.into(),
            }]
        };
        let good = "Sizes: 1026 and 3 bytes.\n\n| Future | Size |\n| --- | --- |\n| `a` | 1026 |\n| `b` | 3 |\n";
        assert_eq!(future_sizes(&root, &chapter(good)), Vec::<String>::new());
        let bad = good
            .replace("1026 and 3", "1026 and 4")
            .replace("| `b` | 3 |", "| `b` | 5 |");
        let p = future_sizes(&root, &chapter(&bad));
        assert_eq!(p.len(), 2, "{p:#?}");
        assert!(
            p[0].starts_with("src/state-machines.md:1: quotes the sizes 1026, 4, but"),
            "{p:#?}"
        );
        assert!(
            p[1].starts_with("src/state-machines.md:6: the row for `b` says 5 bytes"),
            "{p:#?}"
        );
        assert!(future_sizes(&root, &chapter("No sizes."))[0].contains("quotes none of the sizes"));
    }
}
