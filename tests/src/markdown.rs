//! The book's markdown as the harness sees it: fenced blocks and include directives.
//!
//! Shared by `build.rs` (through `#[path]`) and the tests (through the library), so the
//! rules that lint the book and the code that feeds skeptic read the markdown the same way.

use crate::settings::Settings;
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
        self.path.file_stem().unwrap_or_default().to_string_lossy().replace('-', "_")
    }

    /// The copy of the expanded chapter that skeptic compiles. The code is exactly what the
    /// reader sees; only two things differ. Blocks skeptic cannot judge (`compile_fail`:
    /// trybuild checks those; `nightly`: tests/tests/nightly.rs does) become ```text. Every other
    /// rust block gets a heading naming its listing and chapter line, which skeptic puts into
    /// the test's name, so a failure says where to look.
    pub fn skeptic_copy(&self) -> String {
        let raw: Vec<Fence> = fences(&self.raw).into_iter().filter(|f| f.lang() == "rust").collect();
        let mut by_line = std::collections::HashMap::new();
        // Settings the block carries for tests/skeptic-rustc, as its last line (crate::settings).
        let mut last_line = std::collections::HashMap::new();
        let all = fences(&self.raw);
        for (k, e) in fences(&self.expanded).into_iter().filter(|f| f.lang() == "rust").enumerate() {
            let r = raw.get(k).cloned();
            if let Some(settings) = r.as_ref().and_then(|r| Settings::of(r).ok()).filter(Settings::skeptic_runs) {
                let below = all.iter().position(|f| Some(f) == r.as_ref()).and_then(|j| all.get(j + 1));
                let stdout = below.filter(|b| b.lang() == "text" && b.has("output")).and_then(|b| {
                    let inc = includes(b.body.join("\n").trim()).into_iter().next()?.ok()?;
                    Some(inc.resolve(self.path.parent().unwrap_or(Path::new(""))).to_string_lossy().into_owned())
                });
                if let Some(marker) = crate::settings::skeptic_marker(&settings, stdout.as_deref()) {
                    last_line.insert(e.line + e.body.len() + 1, marker);
                }
            }
            by_line.insert(e.line, r);
        }
        let mut out = String::new();
        for (i, line) in self.expanded.lines().enumerate() {
            if let Some(marker) = last_line.get(&(i + 1)) {
                out.push_str(marker);
                out.push('\n');
            }
            match by_line.get(&(i + 1)) {
                Some(Some(r)) if !Settings::of(r).is_ok_and(|s| s.skeptic_runs()) => out.push_str("```text"),
                Some(r) => {
                    let heading = |what: &str| {
                        let listing = r
                        .as_ref()
                        .and_then(|r| includes(r.body.join("\n").trim()).into_iter().next())
                        .and_then(Result::ok)
                        .map(|inc| Path::new(&inc.path).file_stem().unwrap_or_default().to_string_lossy().into_owned())
                            .unwrap_or_else(|| "inline block".into());
                        let at = r.as_ref().map_or(i + 1, |r| r.line);
                        format!("## listing {listing}{what}, {} line {at}\n\n", self.path.display())
                    };
                    // A should_panic test passes when the block does not even compile: a
                    // compile-only copy of the same block closes that hole.
                    if r.as_ref().is_some_and(|r| r.has("should_panic")) {
                        out.push_str(&heading(" compiles"));
                        out.push_str("```rust,no_run\n");
                        let body = fences(&self.expanded).into_iter().find(|f| f.line == i + 1).map(|f| f.body).unwrap_or_default();
                        for l in body {
                            out.push_str(&l);
                            out.push('\n');
                        }
                        out.push_str("```\n\n");
                    }
                    out.push_str(&heading(""));
                    out.push_str(line);
                }
                None => out.push_str(line),
            }
            out.push('\n');
        }
        out
    }
}

/// A fenced code block: ```` ```info ```` ... ```` ``` ````.
#[derive(Debug, Clone, PartialEq)]
pub struct Fence {
    /// 1-based line of the opening fence.
    pub line: usize,
    /// Everything after the backticks, e.g. `rust,compile_fail,E0277`.
    pub info: String,
    /// The lines between the fences.
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

    fn tokens(&self) -> impl Iterator<Item = &str> {
        self.info
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty())
    }
}

/// Every fenced block of `text`, in order. An unclosed fence runs to the end of the text.
pub fn fences(text: &str) -> Vec<Fence> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Fence)> = None; // (backtick count, block)
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let ticks = trimmed.chars().take_while(|&c| c == '`').count();
        match &mut open {
            None if ticks >= 3 => {
                let fence = Fence {
                    line: i + 1,
                    info: trimmed[ticks..].trim().to_owned(),
                    body: Vec::new(),
                };
                open = Some((ticks, fence));
            }
            None => {}
            Some((n, _)) if ticks >= *n && trimmed[ticks..].trim().is_empty() => {
                out.push(open.take().unwrap().1);
            }
            Some((_, fence)) => fence.body.push(line.to_owned()),
        }
    }
    out.extend(open.map(|(_, f)| f));
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
                out.push(Err((i + 1, format!("unclosed directive `{}`", &rest[start..]))));
                break;
            };
            let inner = after[..end].trim();
            rest = &after[end + 2..];
            let (kind, arg) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
            let arg = arg.trim();
            if !matches!(kind, "include" | "rustdoc_include") || arg.is_empty() {
                out.push(Err((i + 1, format!("unknown or empty directive `{{{{#{inner}}}}}`"))));
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
        let md = "text\n```rust,compile_fail,E0277\n{{#include a.rs}}\n```\n\n````text\n```\n````\n";
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
    fn includes_parse_paths_and_anchors_and_reject_unknown_directives() {
        let md = "{{#rustdoc_include ../listings/examples/a.rs:here}}\n{{#inculde x.rs}}\n{{#include b.rs}}";
        let inc = includes(md);
        let first = inc[0].as_ref().unwrap();
        assert_eq!((first.kind.as_str(), first.path.as_str()), ("rustdoc_include", "../listings/examples/a.rs"));
        assert_eq!(first.selector.as_deref(), Some("here"));
        assert_eq!(inc[1].as_ref().unwrap_err().0, 2);
        assert_eq!(inc[2].as_ref().unwrap().line, 3);
    }

    #[test]
    fn skeptic_copy_names_blocks_and_hides_what_skeptic_cannot_judge() {
        let raw = "# C\n\n```rust\n{{#include ../listings/examples/c_ok.rs}}\n```\n```rust,compile_fail\n{{#include ../listings/fail/c_bad.rs}}\n```\n";
        let expanded = "# C\n\n```rust\nfn main() {}\n```\n```rust,compile_fail\nfn main() { x }\n```\n";
        let ch = Chapter { path: "src/c.md".into(), raw: raw.into(), expanded: expanded.into() };
        let copy = ch.skeptic_copy();
        assert!(copy.contains("## listing c_ok, src/c.md line 3\n\n```rust\nfn main() {}\n```"), "{copy}");
        assert!(copy.contains("```text\nfn main() { x }\n```"), "{copy}");
    }

    #[test]
    fn should_panic_blocks_are_also_compiled_on_their_own() {
        let raw = "```rust,should_panic\n{{#include ../listings/examples/c_boom.rs}}\n```\n";
        let expanded = "```rust,should_panic\nfn main() { panic!() }\n```\n";
        let ch = Chapter { path: "src/c.md".into(), raw: raw.into(), expanded: expanded.into() };
        let copy = ch.skeptic_copy();
        assert!(copy.contains("## listing c_boom compiles, src/c.md line 1\n\n```rust,no_run\nfn main() { panic!() }\n```"), "{copy}");
        assert!(copy.contains("## listing c_boom, src/c.md line 1\n\n```rust,should_panic\nfn main() { panic!() }\n```"), "{copy}");
    }

    #[test]
    fn normalize_resolves_parent_components() {
        assert_eq!(normalize(Path::new("/r/src/../listings/./a.rs")), Path::new("/r/listings/a.rs"));
    }

    #[test]
    fn hidden_lines_are_not_visible() {
        let body: Vec<String> = ["# use std::rc::Rc;", "#", "", "#[derive(Debug)]"].map(String::from).into();
        assert_eq!(visible_lines(&body).collect::<Vec<_>>(), ["#[derive(Debug)]"]);
    }
}
