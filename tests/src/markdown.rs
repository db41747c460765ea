//! The book's markdown as the harness sees it: code blocks, read with mdBook's own parser (so the
//! harness sees exactly the blocks mdBook renders), and include directives.
//!
//! Shared by listing-tests (through `#[path]`) and the tests (through the library), so the
//! rules that lint the book and the code that feeds skeptic read the markdown the same way.

use crate::settings::Settings;
use mdbook_markdown::pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};
use std::path::{Path, PathBuf};

/// One chapter: where it is, its source, and the text mdBook made of it (includes expanded).
pub struct Chapter {
    /// Relative to the book's root, e.g. `src/state-machines.md`.
    pub path: PathBuf,
    pub raw: String,
    pub expanded: String,
}

impl Chapter {
    /// `src/state-machines.md` -> `state_machines`: the prefix of its listings' names.
    pub fn slug(&self) -> String {
        self.path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .replace('-', "_")
    }

    /// The copy of the expanded chapter that skeptic compiles (`root` is the book's root). The
    /// code is exactly what the reader sees; only these things differ:
    /// - blocks skeptic cannot judge (`compile_fail`: trybuild checks those; `nightly` and
    ///   `features=`: tests/tests/nightly.rs and features.rs do) become ```text;
    /// - a block that needs more than the defaults (`edition2021`, or a ```text,output block
    ///   under it) says so in a comment above that, `// book-settings: edition=2021
    ///   stdout=listings/examples/NAME.stdout`, which tests/skeptic-rustc reads (crate::settings);
    /// - every other rust block gets a heading naming its listing and chapter line, which
    ///   skeptic puts into the test's name;
    /// - its last line is a comment, `// book-lines: listings/examples/NAME.rs 0 3 4 ...`, giving
    ///   for each line of the block its line in the listing: tests/skeptic-rustc compiles the
    ///   block with each line at that line of a file named after the listing, so compile errors
    ///   and panics name `listings/examples/NAME.rs:LINE`, whatever the include removed;
    /// - a `should_panic` block is also compiled as a program that runs the listing's `main`
    ///   and checks that it panics with the message the chapter states above the block
    ///   (`<!-- should_panic: message -->`), printing `chapter:line` when it does not.
    pub fn skeptic_copy(&self, root: &Path) -> String {
        let all = fences(&self.raw);
        let raw: Vec<Fence> = all.iter().filter(|f| f.lang() == "rust").cloned().collect();
        let raw_lines: Vec<&str> = self.raw.lines().collect();
        let lines: Vec<&str> = self.expanded.lines().collect();
        let chapter_dir = root.join(self.path.parent().unwrap_or(Path::new("")));
        let mut out = String::new();
        let mut next = 0; // index of the next expanded line to copy
        for (k, e) in fences(&self.expanded)
            .into_iter()
            .filter(|f| f.lang() == "rust")
            .enumerate()
        {
            for l in &lines[next.min(lines.len())..(e.line - 1).min(lines.len())] {
                out.push_str(l);
                out.push('\n');
            }
            next = e.end;
            let r = raw.get(k);
            let fence = |info: &str, body: &[String]| {
                format!(
                    "```{info}\n{}```\n",
                    body.iter().map(|l| format!("{l}\n")).collect::<String>()
                )
            };
            if r.is_some_and(|r| !Settings::of(r).is_ok_and(|s| s.skeptic_runs())) {
                out.push_str(&fence("text", &e.body));
                continue;
            }
            // The ```text,output block right under this one, if any: its .stdout, from the root.
            let below = r
                .and_then(|r| all.iter().position(|f| f == r))
                .and_then(|j| all.get(j + 1));
            let stdout = below
                .filter(|b| b.lang() == "text" && b.has("output"))
                .and_then(|b| {
                    let inc = includes(b.body.join("\n").trim())
                        .into_iter()
                        .next()?
                        .ok()?;
                    let abs = inc.resolve(&chapter_dir);
                    Some(
                        abs.strip_prefix(normalize(root))
                            .map(Path::to_path_buf)
                            .unwrap_or(abs)
                            .to_string_lossy()
                            .into_owned(),
                    )
                });
            let settings = r
                .and_then(|r| Settings::of(r).ok())
                .and_then(|s| crate::settings::skeptic_marker(&s, stdout.as_deref()));
            let include = r
                .and_then(|r| includes(r.body.join("\n").trim()).into_iter().next())
                .and_then(Result::ok);
            let listing = include.map(|inc| {
                let abs = inc.resolve(&chapter_dir);
                abs.strip_prefix(normalize(root))
                    .map(Path::to_path_buf)
                    .unwrap_or(abs)
            });
            let name = listing.as_ref().map_or("inline block".into(), |l| {
                l.file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            });
            let at = r.map_or(e.line, |r| r.line);
            let heading = |what: &str| {
                format!(
                    "## listing {name}{what}, {} line {at}\n\n",
                    self.path.display()
                )
            };
            // The block's lines as rustc gets them (skeptic drops rustdoc's `# ` marks).
            let code: Vec<String> = e.body.iter().map(|l| unhide(l).to_owned()).collect();
            let listing_text = listing
                .as_ref()
                .and_then(|l| std::fs::read_to_string(root.join(l)).ok());
            let map = listing_text
                .as_deref()
                .map(|t| line_map(&code, t))
                .unwrap_or_default();
            let marker = |map: &[usize]| match &listing {
                Some(l) if listing_text.is_some() => {
                    format!(
                        "// book-lines: {}{}",
                        l.display(),
                        map.iter().map(|n| format!(" {n}")).collect::<String>()
                    )
                }
                _ => "// book-lines: none".into(),
            };
            if r.is_some_and(|r| r.has("should_panic")) {
                let expected = r
                    .and_then(|r| comment_above(&raw_lines, r.line, "should_panic"))
                    .unwrap_or("");
                let marker_at = format!(
                    "{}:{}",
                    self.path.display(),
                    r.map_or(0, |r| r.line.saturating_sub(1))
                );
                let mut body: Vec<String> = Vec::new();
                for (i, l) in code.iter().enumerate() {
                    body.push(if i == 0 {
                        format!("mod listing {{ {l}")
                    } else {
                        l.clone()
                    });
                }
                body.push("pub(super) fn book_main() { main() } }".into());
                body.push(panic_check(&name, &marker_at, expected));
                let mut map = map.clone();
                map.resize(body.len(), 0);
                let no_output = r
                    .and_then(|r| Settings::of(r).ok())
                    .and_then(|s| crate::settings::skeptic_marker(&s, None));
                body.extend(no_output);
                body.push(marker(&map));
                out.push_str(&heading(" panics as the chapter says"));
                out.push_str(&fence("rust", &body));
                out.push('\n');
            }
            let mut body = e.body.clone();
            body.extend(settings);
            body.push(marker(&map));
            out.push_str(&heading(""));
            out.push_str(&fence(&e.info, &body));
        }
        for l in &lines[next.min(lines.len())..] {
            out.push_str(l);
            out.push('\n');
        }
        out
    }
}

/// A `main` that runs the listing's `main` (in `mod listing`), and exits 1 with a message
/// naming `marker_at` unless it panics with a message containing `expected`.
fn panic_check(name: &str, marker_at: &str, expected: &str) -> String {
    format!(
        r#"fn main() {{ let expected: &str = {expected:?}; let seen = std::sync::Arc::new(std::sync::Mutex::new(None)); let hook_seen = seen.clone(); std::panic::set_hook(Box::new(move |info| {{ let at = info.location().map(|l| l.to_string()).unwrap_or_default(); *hook_seen.lock().unwrap() = Some((info.payload_as_str().unwrap_or("").to_owned(), at)); }})); let outcome = std::panic::catch_unwind(listing::book_main); let seen = seen.lock().unwrap().clone(); match (outcome, seen) {{ (Err(_), Some((message, _))) if !expected.is_empty() && message.contains(expected) => {{}} (Ok(()), _) => {{ eprintln!("{marker_at}: listing {name} did not panic, but the chapter says it panics with {{expected:?}}"); std::process::exit(1); }} (Err(_), seen) => {{ let (message, at) = seen.unwrap_or_default(); eprintln!("{marker_at}: listing {name} panicked at {{at}} with {{message:?}}, but the comment <!-- should_panic: ... --> above the block expects {{expected:?}}: fix the listing, or the comment if the new message is right"); std::process::exit(1); }} }} }}"#
    )
}

/// A line as rustc sees it: rustdoc's hidden-line mark (`# ` or a lone `#`) removed, as
/// skeptic and rustdoc remove it.
pub fn unhide(line: &str) -> &str {
    let trimmed = line.trim_start();
    if let Some(rest) = trimmed.strip_prefix("# ") {
        rest
    } else if trimmed == "#" {
        ""
    } else {
        line
    }
}

/// For each line of `code` (a block as rustc gets it), its 1-based line in `listing`, or 0 when
/// it has none. The block is the listing, or a stretch of it, with `// ANCHOR` lines removed.
pub fn line_map(code: &[String], listing: &str) -> Vec<usize> {
    let lines: Vec<&str> = listing.lines().collect();
    let is_anchor = |l: &str| l.contains("ANCHOR:") || l.contains("ANCHOR_END:");
    'start: for s in 0..lines.len() {
        let (mut j, mut map) = (s, Vec::with_capacity(code.len()));
        for c in code {
            while j < lines.len() && is_anchor(lines[j]) && lines[j].trim_end() != c.trim_end() {
                j += 1;
            }
            if j >= lines.len() || lines[j].trim_end() != c.trim_end() {
                continue 'start;
            }
            map.push(j + 1);
            j += 1;
        }
        return map;
    }
    vec![0; code.len()]
}

/// The text of `<!-- key: text -->` when that is the nearest non-blank line above line
/// `fence_line` (1-based) of `lines`, and the text is not empty.
pub fn comment_above<'a>(lines: &[&'a str], fence_line: usize, key: &str) -> Option<&'a str> {
    lines[..fence_line.saturating_sub(1).min(lines.len())]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .and_then(|l| {
            l.trim()
                .strip_prefix("<!--")?
                .trim_start()
                .strip_prefix(key)?
                .strip_prefix(':')
        })
        .and_then(|rest| rest.strip_suffix("-->"))
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// A code block as mdBook renders it: fenced (```` ```info ````) or indented (no info string).
#[derive(Debug, Clone, PartialEq)]
pub struct Fence {
    /// 1-based line of the opening fence (of the first line, for an indented block).
    pub line: usize,
    /// 1-based line of the closing fence (of the last line, for an indented or unclosed block).
    pub end: usize,
    /// Everything after the backticks, e.g. `rust,compile_fail,E0277` (`""` for an indented block).
    pub info: String,
    /// The block's lines, as mdBook hands them to the renderer (list or quote indentation removed).
    pub body: Vec<String>,
}

impl Fence {
    /// The language: the first token of the info string (`""` when there is none).
    pub fn lang(&self) -> &str {
        self.tokens().next().unwrap_or("")
    }

    /// The attributes after the language (`compile_fail`, `E0277`, ...).
    pub fn attrs(&self) -> Vec<&str> {
        self.tokens().skip(1).collect()
    }

    pub fn has(&self, attr: &str) -> bool {
        self.attrs().contains(&attr)
    }

    /// The tokens of the info string, split as mdBook splits them into CSS classes.
    fn tokens(&self) -> impl Iterator<Item = &str> {
        self.info.split([' ', '\t', ',']).filter(|t| !t.is_empty())
    }
}

/// mdBook's own markdown parser (`mdbook-markdown`, pulldown-cmark with the options mdBook
/// renders with), with each event's byte range in `text`.
pub fn events(text: &str) -> impl Iterator<Item = (Event<'_>, std::ops::Range<usize>)> {
    new_cmark_parser(text, &MarkdownOptions::default()).into_offset_iter()
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_at(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Every code block of `text` that mdBook renders, in order.
pub fn fences(text: &str) -> Vec<Fence> {
    let mut out = Vec::new();
    let mut open: Option<(Fence, String)> = None;
    for (event, range) in events(text) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                let end = line_at(text, range.end.saturating_sub(1));
                open = Some((
                    Fence {
                        line: line_at(text, range.start),
                        end,
                        info,
                        body: Vec::new(),
                    },
                    String::new(),
                ));
            }
            Event::Text(t) => {
                if let Some((_, body)) = &mut open {
                    body.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((mut fence, body)) = open.take() {
                    fence.body = body.lines().map(str::to_owned).collect();
                    out.push(fence);
                }
            }
            _ => {}
        }
    }
    out
}

/// An mdBook include directive: `{{#include path}}` or `{{#rustdoc_include path:anchor}}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Include {
    /// 1-based line where the directive stands.
    pub line: usize,
    pub kind: String,
    /// The path as written, relative to the chapter's folder.
    pub path: String,
    /// What follows the path after `:` (an anchor or a line range), if anything.
    pub selector: Option<String>,
}

impl Include {
    /// The file it names, resolved against the chapter's folder.
    pub fn resolve(&self, chapter_dir: &Path) -> PathBuf {
        normalize(&chapter_dir.join(&self.path))
    }
}

/// Every `{{#...}}` directive in `text`. Anything that is not a well-formed include of a kind
/// mdBook knows is returned as an `Err` with its line, so a typo cannot pass unseen.
pub fn includes(text: &str) -> Vec<Result<Include, (usize, String)>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("{{#") {
            let after = &rest[start + 3..];
            let Some(end) = after.find("}}") else {
                out.push(Err((
                    i + 1,
                    format!("unclosed directive `{}`", &rest[start..]),
                )));
                break;
            };
            let inner = after[..end].trim();
            rest = &after[end + 2..];
            let (kind, arg) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
            let arg = arg.trim();
            if !matches!(kind, "include" | "rustdoc_include") || arg.is_empty() {
                out.push(Err((
                    i + 1,
                    format!("unknown or empty directive `{{{{#{inner}}}}}`"),
                )));
                continue;
            }
            let (path, selector) = match arg.split_once(':') {
                Some((p, s)) => (p.to_owned(), Some(s.to_owned())),
                None => (arg.to_owned(), None),
            };
            out.push(Ok(Include {
                line: i + 1,
                kind: kind.to_owned(),
                path,
                selector,
            }));
        }
    }
    out
}

/// `a/b/../c` -> `a/c`, without touching the disk (the file may not exist).
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Lines the reader sees in an expanded Rust block: rustdoc hides `# ` lines and a lone `#`.
pub fn visible_lines(body: &[String]) -> impl Iterator<Item = &String> {
    body.iter().filter(|l| {
        let t = l.trim_start();
        !(t == "#" || t.starts_with("# ") || t.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_keep_info_body_and_line() {
        let md =
            "text\n```rust,compile_fail,E0277\n{{#include a.rs}}\n```\n\n````text\n```\n````\n";
        let f = fences(md);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].line, 2);
        assert_eq!(f[0].lang(), "rust");
        assert_eq!(f[0].attrs(), ["compile_fail", "E0277"]);
        assert_eq!(f[0].body, ["{{#include a.rs}}"]);
        // A longer fence may hold a shorter one.
        assert_eq!(f[1].body, ["```"]);
    }

    #[test]
    fn blocks_are_the_ones_mdbook_renders() {
        // A tilde fence, a fence inside a list item (its indentation is not part of the body),
        // an indented block (no info string), and no block inside an HTML comment.
        let md = "~~~rust\nfn a() {}\n~~~\n\n- item\n\n  ```text\n  out\n  ```\n\nPara.\n\n    indented\n\n<!--\n```rust\nhidden\n```\n-->\n";
        let f = fences(md);
        assert_eq!(
            f.iter()
                .map(|f| (f.line, f.info.as_str()))
                .collect::<Vec<_>>(),
            [(1, "rust"), (7, "text"), (13, "")],
            "{f:?}"
        );
        assert_eq!(f[1].body, ["out"]);
        assert_eq!(f[2].body, ["indented"]);
    }

    #[test]
    fn includes_parse_paths_and_anchors_and_reject_unknown_directives() {
        let md = "{{#rustdoc_include ../listings/examples/a.rs:here}}\n{{#inculde x.rs}}\n{{#include b.rs}}";
        let inc = includes(md);
        let first = inc[0].as_ref().unwrap();
        assert_eq!(
            (first.kind.as_str(), first.path.as_str()),
            ("rustdoc_include", "../listings/examples/a.rs")
        );
        assert_eq!(first.selector.as_deref(), Some("here"));
        assert_eq!(inc[1].as_ref().unwrap_err().0, 2);
        assert_eq!(inc[2].as_ref().unwrap().line, 3);
    }

    fn copy(raw: &str, expanded: &str, files: &[(&str, &str)]) -> String {
        let root = crate::scratch::Scratch::new("copy", files);
        Chapter {
            path: "src/c.md".into(),
            raw: raw.into(),
            expanded: expanded.into(),
        }
        .skeptic_copy(&root)
    }

    #[test]
    fn skeptic_copy_names_blocks_and_hides_what_skeptic_cannot_judge() {
        let raw = "# C\n\n```rust\n{{#include ../listings/examples/c_ok.rs}}\n```\n```rust,compile_fail\n{{#include ../listings/fail/c_bad.rs}}\n```\nEnd.\n";
        let expanded =
            "# C\n\n```rust\nfn main() {}\n```\n```rust,compile_fail\nfn main() { x }\n```\nEnd.\n";
        let copy = copy(
            raw,
            expanded,
            &[("listings/examples/c_ok.rs", "fn main() {}\n")],
        );
        assert_eq!(
            copy,
            "# C\n\n## listing c_ok, src/c.md line 3\n\n```rust\nfn main() {}\n// book-lines: listings/examples/c_ok.rs 1\n```\n```text\nfn main() { x }\n```\nEnd.\n"
        );
    }

    #[test]
    fn line_map_follows_anchors_and_hidden_lines() {
        // What `{{#rustdoc_include x.rs:part}}` gives: anchor lines gone, the rest hidden.
        let listing = "use std::rc::Rc;\n// ANCHOR: part\nfn main() {\n    let _ = Rc::new(1);\n}\n// ANCHOR_END: part\n";
        let body = [
            "# use std::rc::Rc;",
            "fn main() {",
            "    let _ = Rc::new(1);",
            "}",
        ];
        let code: Vec<String> = body.iter().map(|l| unhide(l).to_owned()).collect();
        assert_eq!(line_map(&code, listing), [1, 3, 4, 5]);
        // `{{#include x.rs:part}}`: only the part.
        assert_eq!(line_map(&code[1..], listing), [3, 4, 5]);
        assert_eq!(line_map(&["fn other() {}".to_owned()], listing), [0]);
    }

    #[test]
    fn should_panic_blocks_also_check_the_message_the_chapter_states() {
        let raw = "<!-- should_panic: boom -->\n```rust,should_panic\n{{#include ../listings/examples/c_boom.rs}}\n```\n";
        let expanded = "<!-- should_panic: boom -->\n```rust,should_panic\nfn main() { panic!(\"boom\") }\n```\n";
        let copy = copy(
            raw,
            expanded,
            &[(
                "listings/examples/c_boom.rs",
                "fn main() { panic!(\"boom\") }\n",
            )],
        );
        assert!(copy.contains("## listing c_boom panics as the chapter says, src/c.md line 2\n\n```rust\nmod listing { fn main() { panic!(\"boom\") }\npub(super) fn book_main() { main() } }\nfn main() { let expected: &str = \"boom\";"), "{copy}");
        assert!(
            copy.contains("src/c.md:1: listing c_boom did not panic"),
            "{copy}"
        );
        assert!(copy.contains("// book-lines: listings/examples/c_boom.rs 1 0 0\n```\n\n## listing c_boom, src/c.md line 2\n\n```rust,should_panic\nfn main() { panic!(\"boom\") }\n// book-lines: listings/examples/c_boom.rs 1\n```\n"), "{copy}");
    }

    #[test]
    fn comments_above_a_block_are_read() {
        let lines = ["<!-- no_run: it serves forever -->", "", "```rust,no_run"];
        assert_eq!(
            comment_above(&lines, 3, "no_run"),
            Some("it serves forever")
        );
        assert_eq!(comment_above(&lines, 3, "ignore"), None);
        assert_eq!(
            comment_above(&["<!-- no_run: -->", "```rust"], 2, "no_run"),
            None
        );
    }

    #[test]
    fn normalize_resolves_parent_components() {
        assert_eq!(
            normalize(Path::new("/r/src/../listings/./a.rs")),
            Path::new("/r/listings/a.rs")
        );
    }

    #[test]
    fn hidden_lines_are_not_visible() {
        let body: Vec<String> = ["# use std::rc::Rc;", "#", "", "#[derive(Debug)]"]
            .map(String::from)
            .into();
        assert_eq!(
            visible_lines(&body).collect::<Vec<_>>(),
            ["#[derive(Debug)]"]
        );
    }
}
