//! The pictures, `src/images/*.svg`: each is inlined into a chapter by an `{{#include}}` outside
//! any code block (so the theme's CSS colours it and its links work), reaches the page as HTML,
//! says what it shows, and links only to anchors that exist. Each problem is reported as
//! `file:line: what to do`. How they look in a browser (every theme, a phone) is checked by
//! tests/browser/pictures.mjs.

use book_tests::markdown::{Chapter, events, fences, includes, line_at, normalize};
use book_tests::{links, load};
use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const DIR: &str = "src/images";

/// Every problem with the pictures of the book at `root`, whose chapters are `chapters`.
fn check(root: &Path, chapters: &[Chapter]) -> Vec<String> {
    let mut problems = Vec::new();
    let Ok(entries) = fs::read_dir(root.join(DIR)) else {
        return vec![format!("{DIR}/: missing: the pictures live there")];
    };
    let mut pictures: Vec<PathBuf> = entries
        .flatten()
        .map(|e| Path::new(DIR).join(e.file_name()))
        .collect();
    pictures.sort();
    if pictures.is_empty() {
        problems.push(format!(
            "{DIR}/: no pictures: this check would check nothing"
        ));
    }

    // Where each picture is included: (chapter, line of the directive).
    let mut included: BTreeMap<PathBuf, Vec<(&Chapter, usize)>> = BTreeMap::new();
    for ch in chapters {
        let dir = ch.path.parent().unwrap_or(Path::new(""));
        let blocks = fences(&ch.raw);
        for inc in includes(&ch.raw).into_iter().flatten() {
            let target = normalize(&dir.join(&inc.path));
            if !target.starts_with(DIR) {
                continue;
            }
            if let Some(f) = blocks.iter().find(|f| (f.line..=f.end).contains(&inc.line)) {
                problems.push(format!(
                    "{}:{}: {} is included inside the code block of line {}: it would show as text; include it outside any code block",
                    ch.path.display(), inc.line, inc.path, f.line
                ));
                continue;
            }
            included.entry(target).or_default().push((ch, inc.line));
        }
    }

    for rel in &pictures {
        let name = rel.display();
        if rel.extension().is_none_or(|e| e != "svg") {
            problems.push(format!("{name}:1: only .svg pictures belong in {DIR}/ (inlined, they take the theme's colours)"));
            continue;
        }
        let text = match fs::read_to_string(root.join(rel)) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{name}:1: cannot read it: {e}"));
                continue;
            }
        };
        let stem = rel
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        check_svg(&name.to_string(), &stem, &text, &mut problems);
        let Some(uses) = included.get(rel) else {
            problems.push(format!(
                "{name}:1: included by no chapter: put {{{{#include {}}}}} in its chapter, where the picture belongs, or delete it",
                rel.strip_prefix("src").unwrap_or(rel).display()
            ));
            continue;
        };
        for (ch, line) in uses {
            check_inlined(&name.to_string(), &text, ch, *line, &mut problems);
            check_links(&name.to_string(), &text, ch, chapters, &mut problems);
        }
    }
    problems
}

/// What the file must say for its reader and for the page that inlines it.
fn check_svg(name: &str, stem: &str, text: &str, problems: &mut Vec<String>) {
    let mut problem =
        |line: usize, message: String| problems.push(format!("{name}:{line}: {message}"));
    let root_tag = Regex::new(r"^<svg\b[^>]*>").unwrap();
    let Some(tag) = root_tag.find(text) else {
        problem(1, "the file must start with its <svg ...> tag (no XML prolog: the file is inlined into HTML)".into());
        return;
    };
    let tag = tag.as_str();
    let attr = |a: &str| {
        Regex::new(&format!(r#"\s{a}="([^"]*)""#))
            .unwrap()
            .captures(tag)
            .map(|c| c[1].to_owned())
    };
    let id = format!("picture-{stem}");
    if attr("id").as_deref() != Some(id.as_str()) {
        problem(
            1,
            format!("the <svg> needs id=\"{id}\" (the browser test finds the picture by it)"),
        );
    }
    if !attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == "picture")) {
        problem(
            1,
            "the <svg> needs class=\"picture\" (theme/pictures.css colours and sizes it)".into(),
        );
    }
    if attr("viewBox").is_none_or(|v| v.split_whitespace().count() != 4) {
        problem(
            1,
            "the <svg> needs a viewBox=\"0 0 W H\" (it scales to the page width with it)".into(),
        );
    }
    if attr("width").is_some() || attr("height").is_some() {
        problem(
            1,
            "the <svg> must not set width or height: theme/pictures.css sizes it to fit a phone"
                .into(),
        );
    }
    if !matches!(attr("role").as_deref(), Some("img" | "figure")) {
        problem(
            1,
            "the <svg> needs role=\"img\" (or role=\"figure\" when it holds links)".into(),
        );
    }
    // The accessible name and description: <title> and <desc>, named by aria-labelledby and
    // aria-describedby.
    for (element, aria) in [("title", "aria-labelledby"), ("desc", "aria-describedby")] {
        let re = Regex::new(&format!(r#"<{element} id="([^"]+)">([^<]*)</{element}>"#)).unwrap();
        match re.captures(text) {
            Some(c) if !c[2].trim().is_empty() => {
                if attr(aria).as_deref() != Some(&c[1]) {
                    problem(
                        1,
                        format!("the <svg> needs {aria}=\"{}\", its <{element}>", &c[1]),
                    );
                }
            }
            _ => problem(
                1,
                format!(
                    "a <{element} id=\"{id}-{element}\"> saying what the picture shows is missing or empty"
                ),
            ),
        }
    }
    // print.html holds every chapter on one page: ids must not collide between pictures.
    for m in Regex::new(r#"\sid="([^"]*)""#).unwrap().captures_iter(text) {
        if !m[1].starts_with(&id) {
            let line = line_at(text, m.get(0).unwrap().start());
            problem(
                line,
                format!(
                    "id \"{}\" must start with \"{id}\" (print.html shows every picture on one page)",
                    &m[1]
                ),
            );
        }
    }
}

/// mdBook reads the whole inlined picture as one HTML block; else part of it would be rendered
/// as Markdown (a blank line ends the block), or the picture would sit inside a paragraph.
fn check_inlined(name: &str, text: &str, ch: &Chapter, line: usize, problems: &mut Vec<String>) {
    let body = text.trim_end();
    let Some(start) = ch.expanded.find(body) else {
        problems.push(format!(
            "{}:{line}: the include of {name} does not bring in the picture",
            ch.path.display()
        ));
        return;
    };
    let end = start + body.len();
    let stray = events(&ch.expanded).find(|(event, range)| {
        range.start < end
            && range.end > start
            && !matches!(
                event,
                Event::Html(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock)
            )
    });
    if let Some((event, range)) = stray {
        if range.start <= start {
            problems.push(format!(
                "{}:{line}: mdBook does not read {name} as an HTML block here ({event:?}): give the {{{{#include}}}} a line of its own with a blank line before and after",
                ch.path.display()
            ));
        } else {
            let at = line_at(text, range.start - start);
            let blank = text
                .lines()
                .take(at - 1)
                .enumerate()
                .filter(|(_, l)| l.trim().is_empty())
                .map(|(i, _)| i + 1)
                .last();
            let why = blank.map_or_else(String::new, |b| {
                format!(": the blank line {b} ends the HTML block")
            });
            problems.push(format!(
                "{name}:{at}: mdBook stops reading the picture as HTML here, inlined in {} ({event:?}){why}; no blank lines inside the picture",
                ch.path.display()
            ));
        }
    }
}

/// Every `href` of the picture leads to a heading or id of a page of the book. mdBook does not
/// rewrite links in HTML, so they name the .html page (or only `#anchor`, for the same page).
fn check_links(
    name: &str,
    text: &str,
    ch: &Chapter,
    chapters: &[Chapter],
    problems: &mut Vec<String>,
) {
    let href = Regex::new(r#"\shref="([^"]*)""#).unwrap();
    let dir = ch.path.parent().unwrap_or(Path::new(""));
    for c in href.captures_iter(text) {
        let dest = &c[1];
        let line = line_at(text, c.get(0).unwrap().start());
        if dest.contains("://") {
            continue;
        }
        let (page, anchor) = dest.split_once('#').unwrap_or((dest, ""));
        let target = if page.is_empty() {
            ch.path.clone()
        } else {
            normalize(&dir.join(page)).with_extension("md")
        };
        if page.ends_with(".md") {
            problems.push(format!(
                "{name}:{line}: link `{dest}`: mdBook does not rewrite links inside HTML; write {}",
                dest.replacen(".md", ".html", 1)
            ));
            continue;
        }
        let Some(to) = chapters.iter().find(|c| c.path == target) else {
            problems.push(format!(
                "{name}:{line}: link `{dest}` leads to no chapter (looked for {})",
                target.display()
            ));
            continue;
        };
        if !anchor.is_empty() && !links::ids(&to.expanded).contains(anchor) {
            let ids: BTreeSet<String> = links::ids(&to.expanded);
            let near: Vec<&String> = ids
                .iter()
                .filter(|i| i.contains(anchor.split('-').next_back().unwrap_or(anchor)))
                .take(3)
                .collect();
            problems.push(format!(
                "{name}:{line}: link `{dest}`: {} has no heading or id `{anchor}` (inlined in {}; similar: {near:?})",
                to.path.display(),
                ch.path.display()
            ));
        }
    }
}

#[test]
fn every_picture_is_inlined_by_a_chapter_and_says_what_it_shows() {
    let root = load::root();
    let chapters = load::chapters(&root).unwrap_or_else(|e| panic!("{e}"));
    let problems = check(&root, &chapters);
    assert!(
        problems.is_empty(),
        "\npictures:\n  {}\n",
        problems.join("\n  ")
    );
}

// ------------------------------------------------------------------ the check, on broken input

const GOOD: &str = concat!(
    r##"<svg xmlns="http://www.w3.org/2000/svg" id="picture-demo" class="picture" viewBox="0 0 10 10" role="figure" aria-labelledby="picture-demo-title" aria-describedby="picture-demo-desc">"##,
    "\n  <title id=\"picture-demo-title\">Demo</title>\n  <desc id=\"picture-demo-desc\">A box.</desc>\n",
    "  <a href=\"#part\"><rect x=\"1\" y=\"1\" width=\"8\" height=\"8\"/></a>\n</svg>\n"
);
const CHAPTER: &str = "# Demo\n\nText.\n\n{{#include images/demo.svg}}\n\n## Part\n\nMore.\n";

fn run(svg: &str, chapter: &str) -> Vec<String> {
    let root = book_tests::scratch::Scratch::new(
        "pictures",
        &[("src/images/demo.svg", svg), ("src/demo.md", chapter)],
    );
    let expanded = chapter.replace("{{#include images/demo.svg}}", svg);
    check(
        &root,
        &[Chapter {
            path: "src/demo.md".into(),
            raw: chapter.into(),
            expanded,
        }],
    )
}

#[test]
fn a_good_picture_passes() {
    assert_eq!(run(GOOD, CHAPTER), Vec::<String>::new());
}

#[test]
fn a_picture_no_chapter_includes_is_named() {
    let m = run(GOOD, "# Demo\n\n## Part\n");
    assert!(
        m.iter().any(|m| m.starts_with(
            "src/images/demo.svg:1: included by no chapter: put {{#include images/demo.svg}}"
        )),
        "{m:?}"
    );
}

#[test]
fn a_picture_in_a_code_block_is_named() {
    let m = run(
        GOOD,
        "# Demo\n\n```text\n{{#include images/demo.svg}}\n```\n\n## Part\n",
    );
    assert!(
        m.iter().any(|m| m.starts_with(
            "src/demo.md:4: images/demo.svg is included inside the code block of line 3"
        )),
        "{m:?}"
    );
    assert!(
        m.iter().any(|m| m.contains("included by no chapter")),
        "{m:?}"
    );
}

#[test]
fn a_blank_line_inside_a_picture_is_named_at_its_line() {
    let m = run(&GOOD.replace("</title>\n", "</title>\n\n"), CHAPTER);
    assert!(
        m.iter().any(|m| m
            .starts_with("src/images/demo.svg:4: mdBook stops reading the picture as HTML here")
            && m.contains("the blank line 3 ends the HTML block")),
        "{m:?}"
    );
}

#[test]
fn a_picture_inside_a_paragraph_is_named_at_the_include() {
    let m = run(
        GOOD,
        "# Demo\n\nText.\n{{#include images/demo.svg}}\n\n## Part\n",
    );
    assert!(
        m.iter().any(|m| m.starts_with(
            "src/demo.md:4: mdBook does not read src/images/demo.svg as an HTML block here"
        )),
        "{m:?}"
    );
}

#[test]
fn a_dead_anchor_is_named() {
    let m = run(&GOOD.replace("#part", "#parts"), CHAPTER);
    assert!(
        m.iter().any(|m| m.starts_with(
            "src/images/demo.svg:4: link `#parts`: src/demo.md has no heading or id `parts`"
        )),
        "{m:?}"
    );
    let m = run(&GOOD.replace("#part", "demo.md#part"), CHAPTER);
    assert!(
        m.iter().any(|m| m.contains("write demo.html#part")),
        "{m:?}"
    );
    assert_eq!(
        run(&GOOD.replace("#part", "demo.html#part"), CHAPTER),
        Vec::<String>::new()
    );
}

#[test]
fn a_picture_without_alt_text_or_viewbox_is_named() {
    let m = run(
        &GOOD.replace(
            "<desc id=\"picture-demo-desc\">A box.</desc>",
            "<desc id=\"picture-demo-desc\"> </desc>",
        ),
        CHAPTER,
    );
    assert!(m.iter().any(|m| m.starts_with("src/images/demo.svg:1: a <desc id=\"picture-demo-desc\"> saying what the picture shows is missing or empty")), "{m:?}");
    let m = run(
        &GOOD
            .replace(" role=\"figure\"", "")
            .replace(" viewBox=\"0 0 10 10\"", " width=\"10\""),
        CHAPTER,
    );
    assert!(m.iter().any(|m| m.contains("needs role=")), "{m:?}");
    assert!(m.iter().any(|m| m.contains("needs a viewBox")), "{m:?}");
    assert!(
        m.iter().any(|m| m.contains("must not set width or height")),
        "{m:?}"
    );
    let m = run(&GOOD.replace("<rect ", "<rect id=\"box\" "), CHAPTER);
    assert!(
        m.iter()
            .any(|m| m
                .starts_with("src/images/demo.svg:4: id \"box\" must start with \"picture-demo\"")),
        "{m:?}"
    );
}
