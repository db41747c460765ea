//! The data behind the error index's "Paste your error" box: every failing listing's compiler
//! output, the section of the book that shows (and explains) it, the passing listing shown
//! beside it as the fix, and the index's entries. `theme/paste.js` reads the features it
//! matches on (error code, message, the types in help and note lines, the bound's origin, the
//! code quoted under the error) out of these outputs, exactly as it reads them out of a paste.
//!
//! `cargo run -p paste-rules` writes `src/generated/paste-data.js`; `cargo test` fails when that
//! file is no longer what the book says, and grades the matcher on every snapshot.

use freshness::book::{self, Chapter};
use serde_json::{Value, json};
use std::path::Path;

/// The generated file (under src/, so mdBook copies it; only the index page loads it).
pub const DATA: &str = "src/generated/paste-data.js";
/// The index page, and the placeholder it holds for the box.
pub const INDEX: &str = "error-index.md";
pub const PLACEHOLDER: &str = "<div id=\"paste-box\">";

/// One failing listing, as the matcher sees it.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub listing: String,
    /// `page.md#anchor` of the section that shows the listing.
    pub section: String,
    pub stderr: String,
    /// Where the section stands in the book (chapter, then heading): ties go to the earlier one.
    pub order: usize,
}

/// Every failing listing a chapter shows, with its section; a listing no chapter shows is an
/// error (the book's lints forbid it, so this names it rather than skipping it).
pub fn snapshots(root: &Path, chapters: &[Chapter]) -> Result<Vec<Snapshot>, Vec<String>> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for dir in freshness::canary::fail_dirs(root) {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".stderr"))
            .collect();
        names.sort();
        for name in names {
            let stem = book::stem_of(&name).to_string();
            let stderr = freshness::read(&root.join(&dir).join(&name));
            match book::section_of(chapters, &stem) {
                Some((c, s)) => {
                    let chapter = chapters.iter().position(|x| x.file == c.file).unwrap_or(0);
                    let heading = c.sections.iter().position(|x| x.id == s.id).unwrap_or(0);
                    out.push(Snapshot { listing: stem, section: format!("{}#{}", c.file, s.id), stderr, order: chapter * 1000 + heading })
                }
                None => problems.push(format!("{dir}/{name}:1: no chapter shows `{stem}`, so the paste box cannot send a reader anywhere for it")),
            }
        }
    }
    if out.is_empty() {
        problems.push("listings/fail:1: no snapshots found".into());
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The data file's content.
pub fn data(root: &Path) -> Result<Value, Vec<String>> {
    let chapters = book::chapters(root);
    let snaps = snapshots(root, &chapters)?;
    let mut sections = serde_json::Map::new();
    for s in &snaps {
        let (page, id) = s.section.split_once('#').expect("page#id");
        let chapter = chapters
            .iter()
            .find(|c| c.file == page)
            .expect("the section's chapter");
        let section = chapter
            .sections
            .iter()
            .find(|x| x.id == id)
            .expect("the section");
        // The fix: the first passing listing shown in the same section, if any.
        let fix = chapter
            .listings()
            .filter(|i| i.section.id == id && i.path.starts_with("listings/examples/"))
            .map(|i| book::stem_of(&i.path).to_string())
            .next();
        let page_title = chapter
            .sections
            .first()
            .map(|s| plain(&s.title))
            .unwrap_or_default();
        sections.insert(
            s.section.clone(),
            json!({ "page": page_title, "title": plain(&section.title), "fix": fix }),
        );
    }
    let index = chapters.iter().find(|c| c.file == INDEX).map(|c| {
        c.sections
            .iter()
            .skip(1)
            .filter(|s| {
                s.title.contains('`') || !s.title.chars().next().is_some_and(char::is_uppercase)
            })
            .map(|s| json!({ "anchor": format!("{INDEX}#{}", s.id), "title": plain(&s.title) }))
            .collect::<Vec<_>>()
    });
    let snapshots: Vec<Value> = snaps.iter().map(|s| json!({ "listing": s.listing, "section": s.section, "order": s.order, "stderr": s.stderr })).collect();
    Ok(json!({ "sections": sections, "index": index.unwrap_or_default(), "snapshots": snapshots }))
}

/// Heading text as a reader sees it (no backticks, no link targets).
fn plain(md: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    let mut prev = ' ';
    for c in md.chars() {
        match c {
            '`' | '*' => {}
            '(' if prev == ']' => skip = true,
            ')' if skip => skip = false,
            '[' | ']' => {}
            _ if skip => {}
            c => out.push(c),
        }
        prev = c;
    }
    out
}

/// The JavaScript file the index page loads.
pub fn render(data: &Value) -> String {
    format!(
        "// Generated by `cargo run -p paste-rules` from listings/fail/*.stderr and the chapters; do not edit.\n// `cargo test` fails when it is stale.\n(typeof window !== \"undefined\" ? window : globalThis).PASTE_DATA = {};\n",
        serde_json::to_string(data).expect("json")
    )
}
