//! The chapters, the listing files each includes, and the section each include stands in.

use std::collections::BTreeSet;
use std::path::Path;

/// A heading of a chapter and the anchor mdBook gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub id: String,
}

/// An `{{#include}}` or `{{#rustdoc_include}}` of a chapter.
#[derive(Clone, Debug)]
pub struct Include {
    /// The included file, relative to the repository root (`listings/fail/x.stderr`).
    pub path: String,
    /// 1-based line in the chapter.
    pub line: usize,
    /// The section the include stands in.
    pub section: Section,
}

#[derive(Clone, Debug)]
pub struct Chapter {
    /// The file, relative to `src/` (`state-machines.md`).
    pub file: String,
    pub text: String,
    pub sections: Vec<Section>,
    pub includes: Vec<Include>,
}

impl Chapter {
    /// The listing files (`.rs`) this chapter shows.
    pub fn listings(&self) -> impl Iterator<Item = &Include> {
        self.includes.iter().filter(|i| i.path.ends_with(".rs"))
    }

    /// `file#id` of the section a listing (by file stem) first stands in.
    pub fn section_of(&self, stem: &str) -> Option<&Section> {
        self.listings()
            .find(|i| stem_of(&i.path) == stem)
            .map(|i| &i.section)
    }
}

/// `listings/fail/x.rs` -> `x`.
pub fn stem_of(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split('.').next().unwrap_or(name)
}

/// mdBook 0.5's id for a heading: its text as a reader sees it, through the harness's copy of
/// mdbook-html's `id_from_content` and `unique_id` (tests/src/links.rs).
pub fn heading_id(title: &str, used: &mut BTreeSet<String>) -> String {
    book_tests::links::unique(
        &book_tests::links::id_from_content(&plain_text(title)),
        used,
    )
}

/// The text a reader sees of inline markdown: links keep their text, code spans their code.
fn plain_text(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' | '*' => {}
            '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            ']' => {}
            c => out.push(c),
        }
    }
    out
}

/// Parses one chapter's text.
pub fn parse_chapter(file: &str, text: &str) -> Chapter {
    let mut used = BTreeSet::new();
    let mut sections = Vec::new();
    let mut includes = Vec::new();
    let mut current = Section {
        title: String::new(),
        id: String::new(),
    };
    let mut fence: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str())
                && trimmed.trim_end().chars().all(|c| c == '`' || c == '~')
            {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed
                .chars()
                .take_while(|&c| c == '`' || c == '~')
                .collect();
            fence = Some(marker);
        } else if let Some(rest) = heading_text(line) {
            // `## Title {#custom-id}`: mdBook takes the id from the braces.
            let (title, id) = match rest.strip_suffix('}').and_then(|r| r.rsplit_once("{#")) {
                Some((title, id)) => {
                    used.insert(id.to_string());
                    (title.trim(), id.to_string())
                }
                None => (rest, heading_id(rest, &mut used)),
            };
            current = Section {
                title: title.to_string(),
                id,
            };
            sections.push(current.clone());
        }
        let mut rest = line;
        while let Some(at) = rest.find("{{#") {
            let after = &rest[at + 3..];
            let Some(end) = after.find("}}") else { break };
            let directive = &after[..end];
            rest = &after[end + 2..];
            let mut words = directive.split_whitespace();
            let (Some(kind), Some(target)) = (words.next(), words.next()) else {
                continue;
            };
            if kind != "include" && kind != "rustdoc_include" {
                continue;
            }
            let target = target.split(':').next().unwrap_or(target);
            includes.push(Include {
                path: resolve(target),
                line: n + 1,
                section: current.clone(),
            });
        }
    }
    Chapter {
        file: file.to_string(),
        text: text.to_string(),
        sections,
        includes,
    }
}

/// `# Title` (ATX headings only; the book uses no other kind).
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    rest.starts_with(' ').then(|| rest.trim())
}

/// An include path as the chapter writes it (relative to `src/`), relative to the root.
fn resolve(target: &str) -> String {
    let mut parts: Vec<&str> = vec!["src"];
    for p in target.split('/') {
        match p {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The chapters listed in `src/SUMMARY.md`, in order.
pub fn chapters(root: &Path) -> Vec<Chapter> {
    let summary = crate::read(&root.join("src/SUMMARY.md"));
    let mut out = Vec::new();
    for line in summary.lines() {
        let Some(open) = line.find("](") else {
            continue;
        };
        let rest = &line[open + 2..];
        let Some(close) = rest.find(')') else {
            continue;
        };
        let file = &rest[..close];
        if file.is_empty() || !file.ends_with(".md") {
            continue;
        }
        let text = crate::read(&root.join("src").join(file));
        out.push(parse_chapter(file, &text));
    }
    out
}

/// The chapter and section where a listing (by stem) is first shown.
pub fn section_of<'a>(chapters: &'a [Chapter], stem: &str) -> Option<(&'a Chapter, &'a Section)> {
    chapters
        .iter()
        .find_map(|c| c.section_of(stem).map(|s| (c, s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_mdbook() {
        let mut used = BTreeSet::new();
        assert_eq!(
            heading_id("Guards held across `.await`", &mut used),
            "guards-held-across-await"
        );
        assert_eq!(
            heading_id("`&self` and [`Sync`](x.md)", &mut used),
            "self-and-sync"
        );
        assert_eq!(
            heading_id("Guards held across `.await`", &mut used),
            "guards-held-across-await-1"
        );
    }

    #[test]
    fn includes_carry_their_section() {
        let text = "# Title\n\n## Renamed {#old-name}\n\n## Two words\n\n```rust\n# not a heading\n{{#rustdoc_include ../listings/examples/a_b.rs:part}}\n```\n\n```text\n{{#include ../listings/fail/a_c.stderr}}\n```\n";
        let c = parse_chapter("a.md", text);
        assert_eq!(
            c.sections.len(),
            3,
            "a `#` line inside a fence is no heading"
        );
        assert_eq!(
            (c.sections[1].title.as_str(), c.sections[1].id.as_str()),
            ("Renamed", "old-name")
        );
        assert_eq!(c.includes[0].path, "listings/examples/a_b.rs");
        assert_eq!(c.includes[0].line, 9);
        assert_eq!(c.includes[0].section.id, "two-words");
        assert_eq!(c.includes[1].path, "listings/fail/a_c.stderr");
        assert_eq!(c.section_of("a_b").unwrap().title, "Two words");
        assert!(c.section_of("a_c").is_none(), "a snapshot is not a listing");
    }
}
