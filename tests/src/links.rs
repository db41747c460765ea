//! Every internal link and `#anchor` of every chapter resolves: to a file of the book, and to an
//! id that mdBook gives a heading (or a definition-list term) of that page, or one written in
//! the page's HTML (`<a id="...">`). Read with mdBook's parser, on the chapters as mdBook
//! expands them (an included table can hold links and anchors too). External links are left
//! to lychee in CI.

use crate::markdown::{Chapter, events, line_at};
use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The ids mdBook's HTML renderer gives the page: headings and `<dt>` terms, from their text as
/// `id_from_content` and `unique_id` in mdbook-html 0.5.4 make them (or an explicit `{#id}`),
/// and every `id="..."` written in the page's HTML.
pub fn ids(text: &str) -> BTreeSet<String> {
    let html_id = Regex::new(r#"\bid\s*=\s*["']([^"']+)["']"#).unwrap();
    let mut ids = BTreeSet::new();
    let mut used = BTreeSet::new();
    let mut heading: Option<(String, Option<String>)> = None;
    for (event, _) in events(text) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                heading = Some((String::new(), id.map(|i| i.to_string())))
            }
            Event::Start(Tag::DefinitionListTitle) => heading = Some((String::new(), None)),
            Event::Text(t) | Event::Code(t) => {
                if let Some((h, _)) = &mut heading {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_) | TagEnd::DefinitionListTitle) => {
                if let Some((content, explicit)) = heading.take() {
                    let id =
                        explicit.unwrap_or_else(|| unique(&id_from_content(&content), &mut used));
                    ids.insert(id);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                ids.extend(html_id.captures_iter(&h).map(|c| c[1].to_owned()));
            }
            _ => {}
        }
    }
    ids
}

/// mdbook-html 0.5.4's `id_from_content`.
pub fn id_from_content(content: &str) -> String {
    content
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                Some(c)
            } else if c.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// mdbook-html 0.5.4's `unique_id`: `-1`, `-2`, ... for repeats.
pub fn unique(id: &str, used: &mut BTreeSet<String>) -> String {
    if used.insert(id.to_owned()) {
        return id.to_owned();
    }
    (1..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| used.insert(c.clone()))
        .unwrap()
}

/// Every internal link of every chapter that does not resolve, as `file:line: message`.
/// `root` is the book's root; chapters' paths are relative to it (`src/x.md`).
pub fn check(root: &Path, chapters: &[Chapter]) -> Vec<String> {
    let by_path: BTreeMap<PathBuf, BTreeSet<String>> = chapters
        .iter()
        .map(|c| (c.path.clone(), ids(&c.expanded)))
        .collect();
    let src = chapters
        .first()
        .and_then(|c| c.path.parent())
        .unwrap_or(Path::new("src"))
        .to_path_buf();
    let mut problems = Vec::new();
    for ch in chapters {
        let dir = ch.path.parent().unwrap_or(Path::new(""));
        for (event, range) in events(&ch.expanded) {
            let (Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })) = event
            else {
                continue;
            };
            let dest = dest_url.to_string();
            if dest.contains("://") || dest.starts_with("mailto:") {
                continue;
            }
            // The line in the chapter's own text; a link that an include brought in is looked up there.
            let line = ch.raw.find(&format!("]({dest}")).map_or_else(
                || line_at(&ch.expanded, range.start),
                |at| line_at(&ch.raw, at),
            );
            let at = format!("{}:{line}", ch.path.display());
            let (path, anchor) = dest
                .split_once('#')
                .map_or((dest.as_str(), None), |(p, a)| (p, Some(a)));
            let target = if path.is_empty() {
                ch.path.clone()
            } else {
                crate::markdown::normalize(&dir.join(path))
            };
            let target_md = if target.extension().is_some_and(|e| e == "html") {
                target.with_extension("md")
            } else {
                target.clone()
            };
            if !target_md.starts_with(&src) {
                problems.push(format!("{at}: `{dest}` points outside {}/, which is not part of the built book: link to the file on GitHub, or to the chapter that shows it", src.display()));
                continue;
            }
            let Some(target_ids) = by_path.get(&target_md) else {
                if !root.join(&target_md).is_file() {
                    problems.push(format!(
                        "{at}: `{dest}`: {} does not exist",
                        target_md.display()
                    ));
                } else if target_md.extension().is_some_and(|e| e == "md") {
                    problems.push(format!("{at}: `{dest}`: {} is not a chapter (SUMMARY.md does not list it), so the book has no page for it", target_md.display()));
                } else if anchor.is_some() {
                    problems.push(format!(
                        "{at}: `{dest}`: an anchor into a file that is not a chapter"
                    ));
                }
                continue;
            };
            if let Some(anchor) = anchor
                && !target_ids.contains(anchor)
            {
                let near: Vec<&String> = target_ids
                    .iter()
                    .filter(|id| id.contains(anchor) || anchor.contains(id.as_str()))
                    .take(3)
                    .collect();
                let hint = if near.is_empty() {
                    String::new()
                } else {
                    format!(
                        " (did you mean {}?)",
                        near.iter()
                            .map(|i| format!("#{i}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                problems.push(format!(
                    "{at}: `{dest}`: {} has no heading or id `{anchor}`{hint}",
                    target_md.display()
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_ones_mdbook_gives() {
        let md = "# Send and `Sync`\n\n## A -- B\n\n## A -- B\n\n### Custom {#mine}\n\nTerm\n: its meaning\n\n<a id=\"row-1\"></a>\n";
        let ids = ids(md);
        assert_eq!(
            ids,
            ["send-and-sync", "a--b", "a--b-1", "mine", "term", "row-1"]
                .map(String::from)
                .into()
        );
    }

    #[test]
    fn broken_links_and_anchors_are_named_with_their_line() {
        let root = crate::scratch::Scratch::new(
            "links",
            &[("src/a.md", ""), ("src/b.md", ""), ("src/draft.md", "")],
        );
        let a = "# A\n\nSee [b](b.md#second), [here](#a), [gone](b.md#third),\n[none](nope.md), [draft](draft.md) and [code](../listings/x.rs).\n";
        let b = "# B\n\n## Second\n";
        let chapters = [
            Chapter {
                path: "src/a.md".into(),
                raw: a.into(),
                expanded: a.into(),
            },
            Chapter {
                path: "src/b.md".into(),
                raw: b.into(),
                expanded: b.into(),
            },
        ];
        let p = check(&root, &chapters);
        assert_eq!(
            p,
            [
                "src/a.md:3: `b.md#third`: src/b.md has no heading or id `third`",
                "src/a.md:4: `nope.md`: src/nope.md does not exist",
                "src/a.md:4: `draft.md`: src/draft.md is not a chapter (SUMMARY.md does not list it), so the book has no page for it",
                "src/a.md:4: `../listings/x.rs` points outside src/, which is not part of the built book: link to the file on GitHub, or to the chapter that shows it",
            ]
        );
    }
}
