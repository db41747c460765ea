//! A glossary term is linked where a chapter first uses it: the first time a chapter's prose
//! names a term that `src/glossary.md` defines, that use (or a glossary link to the same entry
//! before it) links to the entry, `[guard](glossary.md#guard)`.
//!
//! The terms are the glossary's `##` headings, matched as whole words, case-insensitive, in the
//! singular or plural (`trait object`, `trait objects`; `temporary`, `temporaries`); a heading's
//! parenthesised part is left out (`Global (inject) queue` is `global queue`). A hyphen and a
//! space are the same (`auto-trait error` uses "auto trait"), but `auto trait` followed by
//! `leakage` is the other term. Only prose counts: text outside code, headings, HTML, links to
//! anything else (a link to another chapter may name a term in its title) and double quotes
//! (a quoted compiler message).
//!
//! Every term is checked (none gave a false hit on 2026-11-29), in every chapter, the
//! introduction too. The check reads each chapter as its author wrote it
//! (`Chapter::raw`), so an included table or quiz does not count.

use crate::links::id_from_content;
use crate::markdown::{Chapter, events, line_at};
use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use regex::Regex;

/// A term of the glossary: its anchor in glossary.md and the regex of its uses.
pub struct Term {
    pub heading: String,
    pub anchor: String,
    pattern: Regex,
}

/// The terms of `glossary` (the text of src/glossary.md): its `##` headings.
pub fn terms(glossary: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut heading: Option<(u32, String)> = None;
    let parenthesised = Regex::new(r"\s*\([^)]*\)").unwrap();
    for (event, _) in events(glossary) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u32, String::new()))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = &mut heading {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, h)) = heading.take() else {
                    continue;
                };
                if level != 2 {
                    continue;
                }
                let anchor = id_from_content(&h);
                let words = parenthesised.replace_all(&h, "").to_lowercase();
                let words: Vec<String> = words.split([' ', '-']).map(regex::escape).collect();
                let last = words.len() - 1;
                let plural = if let Some(stem) = words[last].strip_suffix('y') {
                    format!("(?:{stem}y|{stem}ies)")
                } else {
                    format!("{}s?", words[last])
                };
                let mut body = words[..last]
                    .iter()
                    .map(|w| format!("{w}[- ]"))
                    .collect::<String>();
                body.push_str(&plural);
                let pattern = Regex::new(&format!(r"(?i)\b{body}\b")).unwrap();
                out.push(Term {
                    heading: h,
                    anchor,
                    pattern,
                });
            }
            _ => {}
        }
    }
    out
}

/// Where `term` is first used in `text` as plain prose, if it is: a match that is not the start
/// of a longer term (`auto trait` in `auto-trait leakage`).
fn first_use(term: &Term, text: &str) -> Option<usize> {
    term.pattern
        .find_iter(text)
        .find(|m| {
            !(term.anchor == "auto-trait"
                && text[m.end()..]
                    .trim_start_matches(['-', ' '])
                    .to_lowercase()
                    .starts_with("leakage"))
        })
        .map(|m| m.start())
}

/// Every chapter's first unlinked use of each glossary term, as
/// `src/FILE.md:LINE: first use of "term" is not linked to glossary.md#anchor`.
pub fn check(chapters: &[Chapter]) -> Vec<String> {
    let Some(glossary) = chapters.iter().find(|c| c.path.ends_with("glossary.md")) else {
        return vec![
            "src/SUMMARY.md:1: the book has no glossary.md, so no term can be linked to it".into(),
        ];
    };
    let terms = terms(&glossary.raw);
    if terms.is_empty() {
        return vec![format!(
            "{}:1: no `##` heading, so the glossary defines no term",
            glossary.path.display()
        )];
    }
    let mut problems = Vec::new();
    for ch in chapters.iter().filter(|c| c.path != glossary.path) {
        let prose = prose(&ch.raw);
        for term in &terms {
            let target = format!("glossary.md#{}", term.anchor);
            for piece in &prose {
                match piece {
                    Piece::Link(dest) if dest == &target => break,
                    Piece::Text(text, at) => {
                        if let Some(offset) = first_use(term, text) {
                            let line = line_at(&ch.raw, at + offset);
                            problems.push(format!(
                                "{}:{line}: first use of \"{}\" is not linked to {target}",
                                ch.path.display(),
                                term.heading.to_lowercase()
                            ));
                            break;
                        }
                    }
                    Piece::Link(_) => {}
                }
            }
        }
    }
    problems
}

/// A chapter's prose, in order: plain text (with its byte offset in the chapter) and the
/// destination of each link.
enum Piece {
    Text(String, usize),
    Link(String),
}

fn prose(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let (mut in_heading, mut in_link, mut in_code, mut in_image) = (false, 0, false, false);
    // Inside a double quote: mdBook's smart punctuation turns `"` into `“` and `”`, and a quote
    // may run over a line break, so this is kept across the text of a paragraph or cell.
    let mut quoted = false;
    for (event, range) in events(text) {
        match event {
            Event::Start(Tag::Paragraph | Tag::TableCell | Tag::Item)
            | Event::End(TagEnd::Paragraph | TagEnd::TableCell | TagEnd::Item) => quoted = false,
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Image { .. }) => in_image = true,
            Event::End(TagEnd::Image) => in_image = false,
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.push(Piece::Link(
                    dest_url.rsplit('/').next().unwrap_or_default().to_string(),
                ));
                in_link += 1;
            }
            Event::End(TagEnd::Link) => in_link -= 1,
            Event::Text(t) => {
                // Blank out quoted text, keeping its length: a quoted message is not prose.
                let mut plain = String::with_capacity(t.len());
                for c in t.chars() {
                    if matches!(c, '"' | '“' | '”') {
                        quoted = !quoted;
                    }
                    if quoted || matches!(c, '"' | '“' | '”') {
                        plain.extend(std::iter::repeat_n(' ', c.len_utf8()));
                    } else {
                        plain.push(c);
                    }
                }
                if !in_heading && in_link == 0 && !in_code && !in_image {
                    out.push(Piece::Text(plain, range.start));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOSSARY: &str = "# Glossary\n\n## Auto trait\n\nx\n\n## Auto-trait leakage\n\nx\n\n## Guard\n\nx\n\n## Global (inject) queue\n\nx\n\n## Temporary\n\nx\n\n## Lint\n\nx\n";

    fn chapter(path: &str, raw: &str) -> Chapter {
        Chapter {
            path: path.into(),
            raw: raw.into(),
            expanded: raw.into(),
        }
    }

    #[test]
    fn terms_are_the_headings_in_singular_and_plural() {
        let terms = terms(GLOSSARY);
        let names: Vec<&str> = terms.iter().map(|t| t.anchor.as_str()).collect();
        assert_eq!(
            names,
            [
                "auto-trait",
                "auto-trait-leakage",
                "guard",
                "global-inject-queue",
                "temporary",
                "lint"
            ]
        );
        let uses = |anchor: &str, text: &str| {
            first_use(terms.iter().find(|t| t.anchor == anchor).unwrap(), text)
        };
        assert_eq!(uses("guard", "two Guards"), Some(4));
        assert_eq!(uses("guard", "safeguard, guarded"), None);
        assert_eq!(uses("temporary", "temporaries live"), Some(0));
        assert_eq!(uses("global-inject-queue", "the global queue"), Some(4));
        assert_eq!(
            uses("auto-trait", "auto-trait leakage, then an auto-trait error"),
            Some(28)
        );
        assert_eq!(uses("auto-trait-leakage", "auto trait leakage"), Some(0));
    }

    #[test]
    fn an_unlinked_first_use_is_named_with_its_line() {
        let text = "# Ch\n\n## A guard\n\n`guard` and [guard chapter](other.md) and \"a guard\".\n\nThe guard, then [guard](glossary.md#guard).\n\nA [temporary](glossary.md#temporary), a temporary.\n";
        let chapters = [
            chapter("src/glossary.md", GLOSSARY),
            chapter("src/ch.md", text),
        ];
        assert_eq!(
            check(&chapters),
            ["src/ch.md:7: first use of \"guard\" is not linked to glossary.md#guard"]
        );
    }

    #[test]
    fn a_glossary_link_before_the_first_use_is_enough() {
        let text = "# Ch\n\nA [lock guard](glossary.md#guard) here, and a guard there.\n";
        let chapters = [
            chapter("src/glossary.md", GLOSSARY),
            chapter("src/ch.md", text),
        ];
        assert!(check(&chapters).is_empty());
    }
}
