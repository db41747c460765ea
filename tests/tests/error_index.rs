//! The error-message index (src/error-index.md) is a claim about the compiler: each entry is a
//! message that failing listings of the book print. This test holds the index to that claim,
//! and checks the links of the index and of the decision guide (src/choosing-a-fix.md).
//!
//! How the index is written (the comment at the top of the page says the same to its authors):
//!
//! ```text
//! ### `T` cannot be shared between threads safely (E0277)
//!
//! What it means, and the fix: [`send_sync_arc_shared`](send-sync.md#some-section) ...
//!
//! Printed by [`send_sync_rc_shared`](send-sync.md#its-section), [`claims_x`](claims.md#y).
//! ```
//!
//! - Every `###` heading is an entry: the compiler's message, then its code in parentheses when
//!   it has one. A code span of a single letter (`T`, `m`) stands for any type or name; all other
//!   text is literal.
//! - The paragraph that starts `Printed by` links the failing listings (by name, to the chapter
//!   section that shows them) whose snapshot `listings/fail/NAME.stderr` has that message as its
//!   first `error` line, with that code. The reader gets links; the test reads the names.
//! - An entry lists *every* snapshot whose first error its heading matches: a listing that the
//!   heading matches but the entry does not list fails, because the entry's cause and fix were
//!   not written for it. Either check that they fit and list it, or give it an entry of its own
//!   whose heading names the word that differs (`implementation of `Send` is not general
//!   enough` next to `implementation of `FnOnce` is not general enough`). An entry written for
//!   every cause of its message, because it routes the reader by the lines under the error,
//!   says so: `Printed by, among others, [...]`.
//! - A heading that starts with `note: ` or `help: ` is a line printed under the error (the `= `
//!   margin dropped); each listing it names must print a line it matches, and it names every
//!   snapshot that prints such a line, or says `Printed by, among others,` as above. A line that
//!   a heading with fewer one-letter placeholders also matches is that entry's (`note: required
//!   by a bound in `tokio::spawn`` is not listed under `note: required by a bound in `f``).
//! - Every entry is a document of its own in mdBook's search index (`###` headings are: mdBook
//!   splits the search index at level 3), so searching for a message finds its entry by title.
//! - An entry with a code has a row in the table of codes: `| E0277 | [message](#its-heading-id) |`.
//!   An entry without one (and not a `note:` or `help:` line) is linked from the paragraph that
//!   starts `Messages without a code:`, after the table.
//! - An entry links to at least one listing outside its `Printed by` paragraph: the fix.
//! - In both pages, a link whose text names a listing must point at a section of a chapter that
//!   shows that listing, and every link into the book must reach an existing page and heading.
//! - Nothing is skipped: a missing page, a snapshot folder that cannot be read and a snapshot
//!   without an `error` line all fail.

use book_tests::load;
use book_tests::markdown::{fences, includes};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::Path;

const INDEX: &str = "src/error-index.md";
const GUIDE: &str = "src/choosing-a-fix.md";
const FAIL: &str = "listings/fail";
const LISTING_DIRS: &[&str] = &[
    "listings/examples",
    "listings/fail",
    "listings/nightly/examples",
];

/// A message that no entry matches fails `cargo test`: a reader who searches the book for it
/// must find it, so a new failing listing with a new message needs its entry, like an orphan
/// listing needs its chapter. `false` turns the failure into a warning on the terminal (for a
/// book whose chapters are in flux).
const UNINDEXED_MESSAGES_FAIL: bool = true;

// ---------------------------------------------------------------------------------------------
// Reading the index

#[derive(Debug)]
struct Entry {
    line: usize,
    heading: String,
    message: String,
    code: Option<String>,
    /// A `note:` or `help:` line under the error, not its first line.
    note: bool,
    /// The failing listings of its `Printed by` paragraph.
    sources: Vec<Source>,
    /// Links to listings outside `Printed by`: the fixes.
    fix_links: usize,
    /// `Printed by, among others,`: the entry is written for every cause of its message (it
    /// routes by the lines under the error), so it need not list every listing that prints it.
    open: bool,
    /// Problems found while reading the entry (a link in `Printed by` that names no listing...).
    malformed: Vec<(usize, String)>,
}

#[derive(Debug)]
struct Source {
    line: usize,
    name: String,
}

impl Source {
    fn path(&self) -> String {
        format!("{FAIL}/{}.stderr", self.name)
    }
}

/// Line numbers (1-based) that the reader does not see as text: fenced blocks (fences
/// included) and HTML comments (`<!--` to `-->`, which mdBook passes through unrendered).
fn fenced_lines(text: &str) -> HashSet<usize> {
    let mut hidden: HashSet<usize> = fences(text)
        .iter()
        .flat_map(|f| f.line..=f.line + f.body.len() + 1)
        .collect();
    let mut in_comment = false;
    for (i, l) in text.lines().enumerate() {
        if !hidden.contains(&(i + 1)) && (in_comment || l.trim_start().starts_with("<!--")) {
            hidden.insert(i + 1);
            in_comment = !l.contains("-->");
        }
    }
    hidden
}

/// `` `T` cannot be shared (E0277) `` -> (`` `T` cannot be shared ``, Some("E0277")).
fn split_code(heading: &str) -> (String, Option<String>) {
    if let Some(rest) = heading.strip_suffix(')')
        && let Some((message, code)) = rest.rsplit_once(" (")
        && book_tests::lints::is_error_code(code)
    {
        return (message.to_owned(), Some(code.to_owned()));
    }
    (heading.to_owned(), None)
}

const PRINTED_BY: &str = "Printed by";
const AMONG_OTHERS: &str = "Printed by, among others,";

fn parse_index(text: &str) -> Vec<Entry> {
    let fenced = fenced_lines(text);
    let mut entries: Vec<Entry> = Vec::new();
    let mut in_sources = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if fenced.contains(&line) {
            continue;
        }
        if raw.starts_with('#') {
            in_sources = false;
            if let Some(heading) = raw.strip_prefix("### ") {
                let heading = heading.trim().to_owned();
                let note = heading.starts_with("note: ") || heading.starts_with("help: ");
                let (message, code) = if note {
                    (heading.clone(), None)
                } else {
                    split_code(&heading)
                };
                entries.push(Entry {
                    line,
                    heading,
                    message,
                    code,
                    note,
                    sources: Vec::new(),
                    fix_links: 0,
                    open: false,
                    malformed: Vec::new(),
                });
            }
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            continue;
        };
        let plain = raw.trim().trim_start_matches("**");
        if raw.trim().is_empty() {
            in_sources = false;
            continue;
        }
        if plain.starts_with("Produced by") || plain.starts_with("- `listings/fail/") {
            entry.malformed.push((line, format!("the index no longer lists snapshot paths: write one paragraph \"{PRINTED_BY} [`NAME`](chapter.md#section), ...\" that links each failing listing to the section that shows it")));
            continue;
        }
        if plain.starts_with(PRINTED_BY) {
            in_sources = true;
            entry.open = plain.starts_with(AMONG_OTHERS);
        }
        for link in links(raw, line) {
            match listing_name(&link.text) {
                Some(name) if in_sources => entry.sources.push(Source { line, name: name.to_owned() }),
                None if in_sources => entry.malformed.push((line, format!("[{}]({}) in `{PRINTED_BY}` is not a link to a listing: write [`NAME`](chapter.md#section)", link.text, link.target))),
                Some(_) if link.is_internal() => entry.fix_links += 1,
                _ => {}
            }
        }
    }
    entries
}

// ---------------------------------------------------------------------------------------------
// Messages

/// The first `error` line of a compiler output: its code (if any) and its message.
fn first_error(stderr: &str) -> Option<(Option<String>, String)> {
    stderr.lines().find_map(|l| {
        if let Some(rest) = l.strip_prefix("error[") {
            let (code, message) = rest.split_once("]: ")?;
            Some((Some(code.to_owned()), message.trim().to_owned()))
        } else {
            l.strip_prefix("error: ")
                .map(|m| (None, m.trim().to_owned()))
        }
    })
}

/// The `note:` and `help:` lines of a compiler output, without their `= ` margin.
fn note_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .map(|l| l.trim_start().trim_start_matches("= ").trim_end())
        .filter(|l| l.starts_with("note: ") || l.starts_with("help: "))
        .collect()
}

fn is_placeholder(span: &str) -> bool {
    span.len() == 1 && span.chars().all(|c| c.is_ascii_alphabetic())
}

/// Does a heading's message match a compiler message? Text outside code spans must be equal;
/// a code span of one letter matches any code span, every other code span must be equal.
fn matches(pattern: &str, message: &str) -> bool {
    let p: Vec<&str> = pattern.split('`').collect();
    let m: Vec<&str> = message.split('`').collect();
    p.len() == m.len()
        && p.iter()
            .zip(&m)
            .enumerate()
            .all(|(k, (p, m))| p == m || (k % 2 == 1 && is_placeholder(p) && !m.is_empty()))
}

fn shown(code: &Option<String>, message: &str) -> String {
    match code {
        Some(code) => format!("error[{code}]: {message}"),
        None => format!("error: {message}"),
    }
}

/// What to check first when a snapshot and the index disagree: the snapshot may be stale.
fn stale_hint(name: &str) -> String {
    format!(
        "if {name}.rs changed or the compiler did, the snapshot may be stale: run `LISTINGS='{name}' cargo test -p compile-fail-tests` first (trybuild), bless it if the new output is right, then fix the index"
    )
}

// ---------------------------------------------------------------------------------------------
// The checks, on any book root and index text (so the tests below can feed them broken pages)

/// Every entry against the snapshots it names. Each problem starts with `src/error-index.md:LINE:`.
fn check_entries(root: &Path, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let entries = parse_index(text);
    let all = snapshots(root);
    let mut seen_headings = BTreeMap::new();
    let mut named: BTreeMap<String, usize> = BTreeMap::new();
    for e in &entries {
        let mut problem = |line: usize, what: String| {
            problems.push(format!("{INDEX}:{line}: entry \"{}\": {what}", e.heading))
        };
        for (line, what) in &e.malformed {
            problem(*line, what.clone());
        }
        if let Some(first) = seen_headings.insert(e.heading.clone(), e.line) {
            problem(
                e.line,
                format!("the same heading is already an entry at line {first}: merge them"),
            );
        }
        if e.sources.is_empty() {
            let what = if e.note {
                "print this line"
            } else {
                "fail first with this message"
            };
            problem(
                e.line,
                format!(
                    "names no listing: add \"{PRINTED_BY} [`NAME`](chapter.md#section)\" for the failing listings that {what}"
                ),
            );
        }
        if let Some(code) = &e.code {
            let row = format!("| {code} | [");
            let target = format!("](#{})", heading_id(&e.heading));
            if !text
                .lines()
                .any(|l| l.starts_with(&row) && l.contains(&target))
            {
                problem(
                    e.line,
                    format!(
                        "the table of codes has no row for it: \"{row}{}{target} |\"",
                        e.message
                    ),
                );
            }
        }
        if e.fix_links == 0 {
            problem(
                e.line,
                "links to no fix: add [`listing_name`](chapter.md#section) outside `Printed by`"
                    .into(),
            );
        }
        for s in &e.sources {
            let path = s.path();
            if !e.note
                && let Some(other) = named.insert(path.clone(), s.line)
            {
                problem(
                    s.line,
                    format!(
                        "`{}` is already named at line {other}: a snapshot has one first error",
                        s.name
                    ),
                );
            }
            let Ok(stderr) = fs::read_to_string(root.join(&path)) else {
                problem(
                    s.line,
                    format!("`{}` is no failing listing: {path} does not exist", s.name),
                );
                continue;
            };
            if e.note {
                if !note_lines(&stderr)
                    .into_iter()
                    .any(|l| matches(&e.message, l))
                {
                    problem(
                        e.line,
                        format!(
                            "{path} (named at line {}) has no line that this heading matches; {}",
                            s.line,
                            stale_hint(&s.name)
                        ),
                    );
                }
                continue;
            }
            let Some((code, message)) = first_error(&stderr) else {
                problem(s.line, format!("{path} has no `error` line"));
                continue;
            };
            if code != e.code || !matches(&e.message, &message) {
                let actual = shown(&code, &message);
                problem(
                    e.line,
                    format!(
                        "{path} (named at line {}) says \"{actual}\", which the heading \"{}\" does not match; {}",
                        s.line,
                        shown(&e.code, &e.message),
                        stale_hint(&s.name)
                    ),
                );
            }
        }
        // An entry must fit every snapshot it matches, not only the ones its author had in mind:
        // the same message can have another cause (a placeholder hides a different trait, or
        // one literal message has two mechanisms). Only an entry that says it routes every
        // cause (`Printed by, among others,`) may leave some out.
        // The same for a `note:` or `help:` entry, against every line under every error; a line
        // that a heading with fewer placeholders also matches belongs to that entry
        // (`note: required by a bound in `tokio::spawn`` before `... in `f``).
        if !e.open {
            let placeholders = |h: &str| {
                h.split('`')
                    .skip(1)
                    .step_by(2)
                    .filter(|s| is_placeholder(s))
                    .count()
            };
            let closer = |l: &str| {
                entries.iter().any(|o| {
                    o.note
                        && placeholders(&o.message) < placeholders(&e.message)
                        && matches(&o.message, l)
                })
            };
            for snap in &all {
                let Snapshot::Error {
                    path,
                    name,
                    code,
                    message,
                    notes,
                } = snap
                else {
                    continue;
                };
                if e.sources.iter().any(|s| &s.name == name) {
                    continue;
                }
                let printed = if e.note {
                    notes
                        .iter()
                        .find(|l| matches(&e.message, l) && !closer(l))
                        .cloned()
                } else {
                    (*code == e.code && matches(&e.message, message)).then(|| shown(code, message))
                };
                if let Some(printed) = printed {
                    problem(
                        e.line,
                        format!(
                            "{path} says \"{printed}\", which this heading matches, but the entry does not list `{name}`: if its cause and fix fit, add it to `{PRINTED_BY}`; if not, give it an entry whose heading names what differs, or explain both causes"
                        ),
                    );
                }
            }
        }
    }
    problems
}

const WITHOUT_CODE: &str = "Messages without a code:";

/// Entries without a code (`note:` and `help:` lines aside) that the paragraph `Messages without
/// a code:` does not link: the table of codes lists the others, and a reader who scans both for a
/// message must find every entry. Each problem starts with `src/error-index.md:LINE:`.
fn unlisted_without_code(text: &str) -> Vec<String> {
    let fenced = fenced_lines(text);
    let lines: Vec<&str> = text.lines().collect();
    let start = (0..lines.len())
        .find(|&i| !fenced.contains(&(i + 1)) && lines[i].starts_with(WITHOUT_CODE));
    // The paragraph: from its first line to the next blank line or heading.
    let targets: Vec<String> = start
        .map(|s| {
            (s..lines.len())
                .take_while(|&i| {
                    i == s || !(lines[i].trim().is_empty() || lines[i].starts_with('#'))
                })
                .flat_map(|i| links(lines[i], i + 1))
                .map(|l| l.target)
                .collect()
        })
        .unwrap_or_default();
    parse_index(text)
        .iter()
        .filter(|e| e.code.is_none() && !e.note)
        .filter(|e| !targets.contains(&format!("#{}", heading_id(&e.heading))))
        .map(|e| {
            let link = format!("[{}](#{})", e.message, heading_id(&e.heading));
            match start {
                Some(s) => format!("{INDEX}:{}: entry \"{}\" has no code, and the list \"{WITHOUT_CODE}\" (line {}) does not link it: add \"{link}\"", e.line, e.heading, s + 1),
                None => format!("{INDEX}:{}: entry \"{}\" has no code, and the page has no paragraph \"{WITHOUT_CODE}\" after the table of codes: add one with \"{link}\"", e.line, e.heading),
            }
        })
        .collect()
}

/// Snapshots whose first error no entry matches, each with what to add; and snapshots that
/// cannot be indexed at all.
fn unindexed(root: &Path, text: &str) -> Vec<String> {
    let entries = parse_index(text);
    let mut missing = Vec::new();
    for snap in snapshots(root) {
        match snap {
            Snapshot::Error { path, name, code, message, .. } => {
                if !entries.iter().any(|e| !e.note && e.code == code && matches(&e.message, &message)) {
                    let heading = format!("{message}{}", code.as_ref().map(|c| format!(" ({c})")).unwrap_or_default());
                    missing.push(format!("{path}: \"{}\" has no entry in {INDEX}. Check both: {}; if the output is right, add \"### {heading}\" with \"{PRINTED_BY} [`{name}`](chapter.md#section).\"", shown(&code, &message), stale_hint(&name)));
                }
            }
            Snapshot::NoError { path } => missing.push(format!("{path}: no `error` line, so no entry can name it: a failing listing's snapshot starts with its error (is it empty, or blessed from a listing that compiles?)")),
            Snapshot::Unreadable { path, why } => missing.push(format!("{path}: cannot be read: {why}")),
        }
    }
    missing
}

enum Snapshot {
    Error {
        path: String,
        name: String,
        code: Option<String>,
        message: String,
        notes: Vec<String>,
    },
    NoError {
        path: String,
    },
    Unreadable {
        path: String,
        why: String,
    },
}

/// Every snapshot of the book with its first error.
fn snapshots(root: &Path) -> Vec<Snapshot> {
    let dir = match fs::read_dir(root.join(FAIL)) {
        Ok(dir) => dir,
        Err(e) => {
            return vec![Snapshot::Unreadable {
                path: FAIL.into(),
                why: e.to_string(),
            }];
        }
    };
    let mut paths: Vec<_> = dir
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "stderr"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            let path = format!("{FAIL}/{name}.stderr");
            match fs::read_to_string(&p) {
                Err(e) => Snapshot::Unreadable {
                    path,
                    why: e.to_string(),
                },
                Ok(text) => match first_error(&text) {
                    Some((code, message)) => {
                        let notes = note_lines(&text).into_iter().map(str::to_owned).collect();
                        Snapshot::Error {
                            path,
                            name,
                            code,
                            message,
                            notes,
                        }
                    }
                    None => Snapshot::NoError { path },
                },
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Links

#[derive(Debug)]
struct Link {
    line: usize,
    text: String,
    target: String,
}

impl Link {
    fn is_internal(&self) -> bool {
        !self.target.contains("://") && !self.target.starts_with("mailto:")
    }
}

/// Inline links `[text](target)` of one line (link texts hold no `]`, targets no `)`).
fn links(line_text: &str, line: usize) -> Vec<Link> {
    let mut out = Vec::new();
    let mut rest = line_text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let text = &after[..close];
        let tail = &after[close + 2..];
        let Some(end) = tail.find(')') else { break };
        if !text.contains('[') {
            out.push(Link {
                line,
                text: text.to_owned(),
                target: tail[..end].to_owned(),
            });
            rest = &tail[end + 1..];
        } else {
            rest = after;
        }
    }
    out
}

/// `` `runtime_spawn_arc` `` -> `runtime_spawn_arc`, when a listing has that name.
fn listing_name(text: &str) -> Option<&str> {
    let name = text.strip_prefix('`')?.strip_suffix('`')?;
    let ok = !name.is_empty()
        && name.contains('_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    ok.then_some(name)
}

/// The heading id mdBook gives a heading's text (mdbook-html 0.5.4, `utils::id_from_content`).
fn heading_id(text: &str) -> String {
    let text: String = text.chars().filter(|&c| c != '`').collect();
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            c if c.is_alphanumeric() || c == '_' || c == '-' => Some(c),
            c if c.is_whitespace() => Some('-'),
            _ => None,
        })
        .collect()
}

/// The chapter's headings as (line, level, id), ids made unique the way mdBook does.
fn headings(text: &str) -> Vec<(usize, usize, String)> {
    let fenced = fenced_lines(text);
    let mut used = HashSet::new();
    let mut out = Vec::new();
    for (i, l) in text.lines().enumerate() {
        let level = l.chars().take_while(|&c| c == '#').count();
        if fenced.contains(&(i + 1)) || level == 0 || level > 6 || !l[level..].starts_with(' ') {
            continue;
        }
        let title = l[level..].trim();
        let id = match title.rsplit_once("{#") {
            Some((_, custom)) if title.ends_with('}') => {
                custom.trim_end_matches('}').trim().to_owned()
            }
            _ => heading_id(title),
        };
        let mut unique = id.clone();
        let mut n = 0;
        while !used.insert(unique.clone()) {
            n += 1;
            unique = format!("{id}-{n}");
        }
        out.push((i + 1, level, unique));
    }
    out
}

/// Links of a page (path relative to the root, e.g. src/choosing-a-fix.md): each internal link
/// reaches a built page and an id in it; a link named after a listing reaches the section of a
/// chapter that shows that listing.
fn check_links(root: &Path, page: &str, text: &str, html: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let fenced = fenced_lines(text);
    let listings: BTreeSet<String> = LISTING_DIRS
        .iter()
        .filter_map(|d| fs::read_dir(root.join(d)).ok())
        .flat_map(|d| d.flatten())
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| e.path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let page_file = Path::new(page)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    // Each linked chapter is read, parsed and its built page loaded once, not once per link.
    struct Target {
        built: Option<String>,
        includes: Vec<book_tests::markdown::Include>,
        headings: Vec<(usize, usize, String)>,
    }
    let mut targets: std::collections::HashMap<String, Target> = std::collections::HashMap::new();
    for (i, l) in text.lines().enumerate() {
        if fenced.contains(&(i + 1)) {
            continue;
        }
        for link in links(l, i + 1) {
            if !link.is_internal() {
                continue;
            }
            let mut problem = |what: String| {
                problems.push(format!(
                    "{page}:{}: link [{}]({}): {what}",
                    link.line, link.text, link.target
                ))
            };
            let (file, anchor) = link.target.split_once('#').unwrap_or((&link.target, ""));
            let file = if file.is_empty() {
                page_file.as_str()
            } else {
                file.trim_start_matches("./")
            };
            let Some(stem) = file.strip_suffix(".md") else {
                problem("link to a chapter (NAME.md) of the book; listings are not part of the HTML book".into());
                continue;
            };
            let target = targets.entry(file.to_owned()).or_insert_with(|| {
                let chapter = fs::read_to_string(root.join("src").join(file)).unwrap_or_default();
                Target {
                    built: fs::read_to_string(html.join(format!("{stem}.html"))).ok(),
                    includes: includes(&chapter).into_iter().flatten().collect(),
                    headings: headings(&chapter),
                }
            });
            let Some(built) = &target.built else {
                problem(format!(
                    "mdBook built no page for src/{file}: is it in SUMMARY.md?"
                ));
                continue;
            };
            if !anchor.is_empty() && !built.contains(&format!("id=\"{anchor}\"")) {
                problem(format!("src/{file} has no heading with id `{anchor}`"));
                continue;
            }
            let Some(name) = listing_name(&link.text) else {
                continue;
            };
            if !listings.contains(name) {
                problem(format!(
                    "there is no listing `{name}` in {}",
                    LISTING_DIRS.join(", ")
                ));
                continue;
            }
            let shows = |from: usize, to: usize| {
                target.includes.iter().any(|inc| {
                    inc.line > from
                        && inc.line < to
                        && Path::new(&inc.path).file_stem().is_some_and(|s| s == name)
                })
            };
            let hs = &target.headings;
            let section = match hs.iter().position(|(_, _, id)| id == anchor) {
                _ if anchor.is_empty() => Some((0, usize::MAX)),
                Some(k) => {
                    let (start, level, _) = hs[k];
                    let end = hs[k + 1..]
                        .iter()
                        .find(|(_, lv, _)| *lv <= level)
                        .map_or(usize::MAX, |h| h.0);
                    Some((start, end))
                }
                None => None,
            };
            match section {
                None => problem(format!(
                    "mdBook has the id `{anchor}` but this test finds no heading for it in src/{file}: a heading id rule changed?"
                )),
                Some((from, to)) if !shows(from, to) => {
                    let place = if anchor.is_empty() {
                        "".into()
                    } else {
                        format!(" in section #{anchor}")
                    };
                    problem(format!("src/{file} does not show listing `{name}`{place}"));
                }
                Some(_) => {}
            }
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// The tests on the book

fn read(root: &Path, page: &str) -> String {
    fs::read_to_string(root.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

#[test]
fn every_index_entry_is_produced_by_the_snapshots_it_names() {
    let root = load::root();
    let problems = check_entries(&root, &read(&root, INDEX));
    assert!(
        problems.is_empty(),
        "\nerror-message index entries that the snapshots do not back:\n  {}\n",
        problems.join("\n  ")
    );
}

#[test]
fn every_compiler_message_in_the_book_is_indexed() {
    let root = load::root();
    let missing = unindexed(&root, &read(&root, INDEX));
    if UNINDEXED_MESSAGES_FAIL {
        assert!(
            missing.is_empty(),
            "\ncompiler messages the error-message index does not have:\n  {}\n",
            missing.join("\n  ")
        );
    } else if !missing.is_empty() {
        // Past libtest's output capture, so the warning is seen even though the test passes.
        let warning = format!(
            "\nWARNING: compiler messages the error-message index does not have yet:\n  {}\n\n",
            missing.join("\n  ")
        );
        let _ = std::io::Write::write_all(&mut std::io::stderr(), warning.as_bytes());
    }
}

#[test]
fn every_entry_without_a_code_is_in_the_list_of_messages_without_a_code() {
    let root = load::root();
    let problems = unlisted_without_code(&read(&root, INDEX));
    assert!(
        problems.is_empty(),
        "\nerror-message index entries missing from its lists:\n  {}\n",
        problems.join("\n  ")
    );
}

/// Rows of the guide's tables (header and rule rows aside) that link to no listing.
fn rows_without_listing(page: &str, text: &str) -> Vec<String> {
    let fenced = fenced_lines(text);
    let lines: Vec<&str> = text.lines().collect();
    let mut problems = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let is_row = |k: usize| lines.get(k).is_some_and(|l| l.starts_with('|'));
        let header = is_row(i + 1) && lines[i + 1].starts_with("| ---");
        if fenced.contains(&(i + 1)) || !l.starts_with('|') || l.starts_with("| ---") || header {
            continue;
        }
        if !links(l, i + 1)
            .iter()
            .any(|k| k.is_internal() && listing_name(&k.text).is_some())
        {
            problems.push(format!("{page}:{}: this row names a fix but links to no listing: add [`listing_name`](chapter.md#section)", i + 1));
        }
    }
    problems
}

#[test]
fn every_fix_in_the_guide_links_a_listing() {
    let root = load::root();
    let problems = rows_without_listing(GUIDE, &read(&root, GUIDE));
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn a_guide_row_without_a_listing_fails() {
    let text = "| Who | Fix | Listing |\n| --- | --- | --- |\n| a | b | [`demo_ok`](demo.md#x) |\n| c | d | [docs](https://docs.rs) |\n";
    assert_eq!(
        rows_without_listing(GUIDE, text),
        [
            "src/choosing-a-fix.md:4: this row names a fix but links to no listing: add [`listing_name`](chapter.md#section)"
        ]
    );
}

/// The book built to HTML once for this test binary: links and search are checked on it. The
/// build tests/book.rs kept, when it is of the book as it is now (tests/src/book_html.rs).
fn html() -> &'static Path {
    static HTML: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    HTML.get_or_init(|| {
        if let Some(kept) = book_tests::book_html::kept(
            Path::new(env!("CARGO_TARGET_TMPDIR")),
            &book_tests::book_html::key(&load::root()),
        ) {
            return kept;
        }
        let mut book = mdbook_driver::MDBook::load(load::root()).expect("book loads");
        // One folder per process: several runs of this test at once (a shared target folder)
        // must not read each other's half-built book.
        let html = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("error-index-book-{}", std::process::id()));
        book.config.build.build_dir = html.clone();
        book.build().expect("book builds");
        html
    })
}

/// Entries that are not a document of their own in mdBook's search index.
fn not_searchable(text: &str, search_index: &str) -> Vec<String> {
    parse_index(text)
        .iter()
        .filter(|e| !search_index.contains(&format!("\"error-index.html#{}\"", heading_id(&e.heading))))
        .map(|e| format!("{INDEX}:{}: entry \"{}\" is no document in the search index: make it a `###` heading", e.line, e.heading))
        .collect()
}

#[test]
fn every_entry_is_found_by_search_as_a_title() {
    let root = load::root();
    let dir = html();
    let search_index = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .find(|e| {
            e.file_name().to_string_lossy().starts_with("searchindex")
                && e.file_name().to_string_lossy().ends_with(".js")
        })
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .expect("mdBook wrote a searchindex*.js");
    let problems = not_searchable(&read(&root, INDEX), &search_index);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
    // And the check can fail: a level-4 heading is no document of its own.
    assert_eq!(
        not_searchable("#### note: x\n", &search_index).len(),
        0,
        "level-4 headings are not entries"
    );
    assert_eq!(
        not_searchable("### note: not in the book\n", &search_index).len(),
        1
    );
}

#[test]
fn links_of_the_index_and_the_guide_reach_their_sections_and_listings() {
    let root = load::root();
    let html = html();
    let mut problems = Vec::new();
    for page in [INDEX, GUIDE] {
        // `read` panics naming a missing page: no page is skipped.
        problems.extend(check_links(&root, page, &read(&root, page), html));
    }
    assert!(
        problems.is_empty(),
        "\nbroken links:\n  {}\n",
        problems.join("\n  ")
    );
}

// ---------------------------------------------------------------------------------------------
// The checks themselves, on broken pages: each must fail, naming the line.

fn root(files: &[(&str, &str)]) -> book_tests::scratch::Scratch {
    book_tests::scratch::Scratch::new("error-index", files)
}

const RC_SYNC: (&str, &str) = (
    "listings/fail/demo_rc.stderr",
    "error[E0277]: `Rc<i32>` cannot be shared between threads safely\n --> $WORKSPACE/listings/fail/demo_rc.rs:4:5\n",
);
const NOT_SEND: (&str, &str) = (
    "listings/fail/demo_fut.stderr",
    "error: future cannot be sent between threads safely\n",
);

const GOOD: &str = "# Index

| E0277 | [`T` cannot be shared between threads safely](#t-cannot-be-shared-between-threads-safely-e0277) |

### `T` cannot be shared between threads safely (E0277)

Fix: [`demo_arc`](demo.md#arc).

Printed by [`demo_rc`](demo.md#rc).

### future cannot be sent between threads safely

See [`demo_spawn`](demo.md).
Printed by [`demo_fut`](demo.md).
";

#[test]
fn a_backed_index_passes() {
    let r = root(&[RC_SYNC, NOT_SEND]);
    assert_eq!(check_entries(&r, GOOD), Vec::<String>::new());
    assert_eq!(unindexed(&r, GOOD), Vec::<String>::new());
}

#[test]
fn an_entry_without_a_code_must_be_in_its_list() {
    let listed = format!(
        "{GOOD}\nMessages without a code:\n[future cannot be sent between threads safely](#future-cannot-be-sent-between-threads-safely).\n"
    );
    assert_eq!(unlisted_without_code(&listed), Vec::<String>::new());
    // The list leaves the entry out: the failure names the entry's line and the list's.
    let left_out = listed.replace(
        "(#future-cannot-be-sent-between-threads-safely)",
        "(#another-message)",
    );
    assert_eq!(
        unlisted_without_code(&left_out),
        [
            "src/error-index.md:11: entry \"future cannot be sent between threads safely\" has no code, and the list \"Messages without a code:\" (line 16) does not link it: add \"[future cannot be sent between threads safely](#future-cannot-be-sent-between-threads-safely)\""
        ]
    );
    // No list at all fails too; an entry with a code, or a `note:` line, needs none.
    assert_eq!(unlisted_without_code(GOOD).len(), 1);
    assert!(unlisted_without_code(GOOD)[0].contains("the page has no paragraph"));
    assert_eq!(
        unlisted_without_code("### note: x\n\n### `T` is not a future (E0277)\n"),
        Vec::<String>::new()
    );
    // A link after the paragraph's end does not count.
    let after = listed.replace("Messages without a code:\n", "Messages without a code:\n\n");
    assert_eq!(unlisted_without_code(&after).len(), 1);
}

#[test]
fn a_renamed_message_fails_naming_the_entry_line_and_the_stale_snapshot_first() {
    let r = root(&[RC_SYNC, NOT_SEND]);
    let renamed = GOOD.replace("### future cannot be sent", "### future cannot be moved");
    let p = check_entries(&r, &renamed);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("src/error-index.md:11: entry \"future cannot be moved between threads safely\": listings/fail/demo_fut.stderr (named at line 14) says \"error: future cannot be sent between threads safely\""), "{p:?}");
    assert!(p[0].ends_with("run `LISTINGS='demo_fut' cargo test -p compile-fail-tests` first (trybuild), bless it if the new output is right, then fix the index"), "{p:?}");
    // And the snapshot's message is now in no entry; the advice names the stale snapshot first.
    let u = unindexed(&r, &renamed);
    assert!(u[0].starts_with("listings/fail/demo_fut.stderr: \"error: future cannot be sent between threads safely\" has no entry in src/error-index.md. Check both: if demo_fut.rs changed or the compiler did, the snapshot may be stale"), "{u:?}");
}

#[test]
fn a_wrong_code_fails() {
    let r = root(&[RC_SYNC, NOT_SEND]);
    let p = check_entries(&r, &GOOD.replace("| E0277 |", "| E0278 |"));
    assert_eq!(
        p,
        [
            "src/error-index.md:5: entry \"`T` cannot be shared between threads safely (E0277)\": the table of codes has no row for it: \"| E0277 | [`T` cannot be shared between threads safely](#t-cannot-be-shared-between-threads-safely-e0277) |\""
        ]
    );
    let p = check_entries(&r, &GOOD.replace("(E0277)", "(E0599)"));
    assert!(
        p.iter()
            .any(|p| p.starts_with("src/error-index.md:5: entry") && p.contains("does not match")),
        "{p:?}"
    );
}

#[test]
fn a_placeholder_heading_must_list_every_snapshot_it_matches() {
    // Two causes behind one generalised heading: the entry was written for one of them.
    let fn_once = (
        "listings/fail/demo_closure.stderr",
        "error: implementation of `FnOnce` is not general enough\n",
    );
    let send = (
        "listings/fail/demo_static.stderr",
        "error: implementation of `Send` is not general enough\n",
    );
    let r = root(&[fn_once, send]);
    let one = "### implementation of `T` is not general enough\n\nFix: [`demo_owned`](demo.md).\n\nPrinted by [`demo_closure`](demo.md).\n";
    assert_eq!(
        check_entries(&r, one),
        [
            "src/error-index.md:1: entry \"implementation of `T` is not general enough\": listings/fail/demo_static.stderr says \"error: implementation of `Send` is not general enough\", which this heading matches, but the entry does not list `demo_static`: if its cause and fix fit, add it to `Printed by`; if not, give it an entry whose heading names what differs, or explain both causes"
        ]
    );
    // Split by cause, each heading literal: both pass, and both snapshots are indexed.
    let split = "### implementation of `FnOnce` is not general enough\n\nFix: [`demo_owned`](demo.md).\n\nPrinted by [`demo_closure`](demo.md).\n\n\
                 ### implementation of `Send` is not general enough\n\nFix: [`demo_after`](demo.md).\n\nPrinted by [`demo_static`](demo.md).\n";
    assert_eq!(check_entries(&r, split), Vec::<String>::new());
    assert_eq!(unindexed(&r, split), Vec::<String>::new());
    // A literal heading too: a second listing with the same message but not in the entry fails,
    // unless the entry says it is written for every cause.
    let r = root(&[
        RC_SYNC,
        NOT_SEND,
        ("listings/fail/demo_other.stderr", NOT_SEND.1),
    ]);
    let p = check_entries(&r, GOOD);
    assert!(
        p.len() == 1
            && p[0].starts_with("src/error-index.md:11: ")
            && p[0].contains("does not list `demo_other`"),
        "{p:?}"
    );
    assert_eq!(
        check_entries(
            &r,
            &GOOD.replace(
                "Printed by [`demo_fut`]",
                "Printed by, among others, [`demo_fut`]"
            )
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_missing_snapshot_or_fix_link_fails() {
    let r = root(&[RC_SYNC]);
    let p = check_entries(&r, &GOOD.replace("[`demo_fut`]", "[`demo_gone`]"));
    assert_eq!(
        p,
        [
            "src/error-index.md:14: entry \"future cannot be sent between threads safely\": `demo_gone` is no failing listing: listings/fail/demo_gone.stderr does not exist"
        ]
    );
    let p = check_entries(&r, &GOOD.replace("Printed by [`demo_fut`](demo.md).", ""));
    assert!(
        p.iter()
            .any(|p| p.starts_with("src/error-index.md:11: ") && p.contains("names no listing")),
        "{p:?}"
    );
    let p = check_entries(&r, &GOOD.replace("[`demo_spawn`](demo.md)", "the chapter"));
    assert!(
        p.iter()
            .any(|p| p.starts_with("src/error-index.md:11: ") && p.contains("links to no fix")),
        "{p:?}"
    );
    let p = check_entries(
        &r,
        &GOOD.replace(
            "Printed by [`demo_fut`](demo.md).",
            "Printed by [the demo](demo.md).",
        ),
    );
    assert!(
        p.iter().any(|p| p.starts_with("src/error-index.md:14: ")
            && p.contains("is not a link to a listing")),
        "{p:?}"
    );
}

#[test]
fn the_old_list_of_snapshot_paths_fails_with_the_new_format() {
    let r = root(&[RC_SYNC, NOT_SEND]);
    let old = GOOD.replace(
        "Printed by [`demo_fut`](demo.md).",
        "Produced by:\n- `listings/fail/demo_fut.stderr`",
    );
    let p = check_entries(&r, &old);
    assert!(
        p.iter().any(|p| p.starts_with("src/error-index.md:14: ")
            && p.contains("no longer lists snapshot paths")),
        "{p:?}"
    );
}

#[test]
fn a_snapshot_without_an_error_line_or_a_missing_folder_is_not_skipped() {
    let r = root(&[RC_SYNC, NOT_SEND, ("listings/fail/demo_empty.stderr", "")]);
    assert_eq!(
        unindexed(&r, GOOD),
        [
            "listings/fail/demo_empty.stderr: no `error` line, so no entry can name it: a failing listing's snapshot starts with its error (is it empty, or blessed from a listing that compiles?)"
        ]
    );
    let r = root(&[("src/x.md", "")]);
    let u = unindexed(&r, GOOD);
    assert!(
        u.len() == 1 && u[0].starts_with("listings/fail: cannot be read"),
        "{u:?}"
    );
}

#[test]
fn note_entries_match_a_line_under_the_error() {
    let stderr = "error: future cannot be sent between threads safely\n  |\n  = help: within `impl Future<Output = ()>`, the trait `Send` is not implemented for `Rc<i32>`\nnote: future is not `Send` as this value is used across an await\n";
    let r = root(&[("listings/fail/demo_fut.stderr", stderr)]);
    let page = "### note: future is not `Send` as this value is used across an await\n\n[`demo_fix`](demo.md)\n\nPrinted by [`demo_fut`](demo.md)\n\n\
                ### help: within `T`, the trait `Send` is not implemented for `U`\n\n[`demo_fix`](demo.md)\n\nPrinted by [`demo_fut`](demo.md)\n";
    assert_eq!(check_entries(&r, page), Vec::<String>::new());
    let p = check_entries(&r, &page.replace("as this value", "as that value"));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("src/error-index.md:1: entry \"note: future is not `Send` as that value is used across an await\": listings/fail/demo_fut.stderr (named at line 5) has no line that this heading matches"), "{p:?}");
    // Notes are not first lines: the reverse check still wants the error itself indexed.
    assert_eq!(unindexed(&r, page).len(), 1);
}

#[test]
fn a_note_entry_must_list_every_snapshot_that_prints_its_line() {
    let one = "error: future cannot be sent between threads safely\nnote: captured value is not `Send`\nnote: required by a bound in `tokio::spawn`\n";
    let other = "error: future cannot be sent between threads safely\nnote: required by a bound in `assert_send`\n";
    let r = root(&[
        ("listings/fail/demo_fut.stderr", one),
        ("listings/fail/demo_two.stderr", one),
        ("listings/fail/demo_bound.stderr", other),
    ]);
    let page = "### note: captured value is not `Send`\n\n[`demo_fix`](demo.md)\n\nPrinted by [`demo_fut`](demo.md)\n\n\
                ### note: required by a bound in `tokio::spawn`\n\n[`demo_fix`](demo.md)\n\nPrinted by [`demo_fut`](demo.md), [`demo_two`](demo.md)\n\n\
                ### note: required by a bound in `f`\n\n[`demo_fix`](demo.md)\n\nPrinted by [`demo_bound`](demo.md)\n";
    // `demo_two` prints the captured-value line too, and the entry leaves it out.
    let p = check_entries(&r, page);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("src/error-index.md:1: entry \"note: captured value is not `Send`\": listings/fail/demo_two.stderr says \"note: captured value is not `Send`\", which this heading matches, but the entry does not list `demo_two`"), "{p:?}");
    // Listed, or an entry that says it routes every cause: both pass. The `tokio::spawn` lines
    // belong to their own entry, not to the placeholder heading `f`.
    assert_eq!(
        check_entries(
            &r,
            &page.replacen(
                "Printed by [`demo_fut`](demo.md)\n",
                "Printed by [`demo_fut`](demo.md), [`demo_two`](demo.md)\n",
                1
            )
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        check_entries(
            &r,
            &page.replacen(
                "Printed by [`demo_fut`]",
                "Printed by, among others, [`demo_fut`]",
                1
            )
        ),
        Vec::<String>::new()
    );
    // Without the literal `tokio::spawn` entry, its lines are the placeholder entry's to list.
    let without = page.replace(
        "### note: required by a bound in `tokio::spawn`",
        "### note: something else",
    );
    assert!(
        check_entries(&r, &without)
            .iter()
            .any(|p| p.contains("entry \"note: required by a bound in `f`\"")
                && p.contains("does not list `demo_fut`"))
    );
}

#[test]
fn placeholders_stand_for_one_code_span_and_nothing_else() {
    assert!(matches(
        "`T` cannot be sent between threads safely",
        "`*mut ()` cannot be sent between threads safely"
    ));
    assert!(matches(
        "lifetime parameters or bounds on method `m` do not match",
        "lifetime parameters or bounds on method `greet` do not match"
    ));
    assert!(!matches(
        "`T` cannot be sent between threads safely",
        "`Rc<i32>` cannot be shared between threads safely"
    ));
    assert!(!matches(
        "implementation of `Send` is not general enough",
        "implementation of `FnOnce` is not general enough"
    ));
    assert!(!matches("`T` cannot be sent", "future cannot be sent"));
    assert_eq!(
        first_error("warning: unused\nerror[E0373]: async block may outlive\nerror: aborting"),
        Some((Some("E0373".into()), "async block may outlive".into()))
    );
}

#[test]
fn links_must_reach_a_page_an_id_and_the_listing() {
    let chapter = "# Demo\n\n## Arc\n\n```rust\n{{#rustdoc_include ../listings/examples/demo_arc.rs}}\n```\n\n## Other\n";
    let r = root(&[
        ("src/demo.md", chapter),
        ("listings/examples/demo_arc.rs", "fn main() {}\n"),
    ]);
    let html = r.join("html");
    fs::create_dir_all(&html).unwrap();
    fs::write(
        html.join("demo.html"),
        "<h2 id=\"arc\">Arc</h2><h2 id=\"other\">Other</h2>",
    )
    .unwrap();
    let check = |text: &str| check_links(&r, GUIDE, text, &html);
    assert_eq!(
        check("See [`demo_arc`](demo.md#arc) and [docs](https://docs.rs/tokio)."),
        Vec::<String>::new()
    );
    assert_eq!(
        check("\n[`demo_arc`](demo.md#other)"),
        [
            "src/choosing-a-fix.md:2: link [`demo_arc`](demo.md#other): src/demo.md does not show listing `demo_arc` in section #other"
        ]
    );
    assert_eq!(
        check("[`demo_arc`](demo.md#nope)"),
        [
            "src/choosing-a-fix.md:1: link [`demo_arc`](demo.md#nope): src/demo.md has no heading with id `nope`"
        ]
    );
    assert_eq!(
        check("[`demo_rc`](demo.md#arc)"),
        [
            "src/choosing-a-fix.md:1: link [`demo_rc`](demo.md#arc): there is no listing `demo_rc` in listings/examples, listings/fail, listings/nightly/examples"
        ]
    );
    assert!(check("[runtime](runtime.md)")[0].contains("mdBook built no page for src/runtime.md"));
    assert_eq!(
        heading_id("`T` cannot be shared between threads safely (E0277)"),
        "t-cannot-be-shared-between-threads-safely-e0277"
    );
}
