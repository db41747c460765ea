//! The book's house rules, checked on every `cargo test`. Each problem names a file and line
//! and says in a sentence what is wrong and what to do.

use crate::markdown::{Chapter, Fence, comment_above, fences, includes, normalize, visible_lines};
use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// Rust written in a chapter instead of included from listings/.
    Inline,
    /// A fence with no language, an unknown language or an unknown attribute.
    Fence,
    /// An include that does not resolve, or resolves to nothing visible.
    Include,
    /// A compile_fail block without its snapshot, or compiler output typed by hand.
    Snapshot,
    /// `ignore` / `no_run` without a stated reason.
    Reason,
    /// A listing, snapshot or page that nothing includes.
    Orphan,
    /// A listing whose name does not start with its chapter's.
    Naming,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub rule: Rule,
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Attributes a ```rust fence may carry, and where each kind of listing lives: crate::settings.
use crate::settings::{RUST_ATTRS, Settings};
/// Languages other than Rust that a chapter may show.
const OTHER_LANGS: &[&str] = &["text", "console", "toml", "diff"];

pub const EXAMPLES: &str = "listings/examples";
pub const FAIL: &str = "listings/fail";
pub const NIGHTLY: &str = "listings/nightly/examples";

/// `E` and four digits, as rustc writes an error code.
pub fn is_error_code(attr: &str) -> bool {
    crate::settings::is_error_code(attr)
}

/// The error lines of a compiler output (`error: ...`, `error[E0277]: ...`), with their
/// 1-based line numbers, leaving out rustc's closing `aborting due to` summary.
pub fn errors(stderr: &str) -> Vec<(usize, &str)> {
    stderr
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            (l.starts_with("error:") || l.starts_with("error["))
                && !l.starts_with("error: aborting due to")
        })
        .map(|(i, l)| (i + 1, l))
        .collect()
}

/// The code of an error line: `error[E0277]: ...` -> `E0277`; `error: ...` -> none.
pub fn error_code(error_line: &str) -> Option<&str> {
    error_line
        .strip_prefix("error[")?
        .split_once(']')
        .map(|(code, _)| code)
        .filter(|c| is_error_code(c))
}

/// Checks every rule over the whole book. `root` is the book's root (where book.toml is).
pub fn check(root: &Path, chapters: &[Chapter]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut included = BTreeSet::new();
    for chapter in chapters {
        check_chapter(root, chapter, &mut included, &mut problems);
    }
    check_orphans(root, &included, &mut problems);
    problems.sort();
    problems.dedup();
    problems
}

fn check_chapter(
    root: &Path,
    ch: &Chapter,
    included: &mut BTreeSet<PathBuf>,
    out: &mut Vec<Problem>,
) {
    let file = ch.path.to_string_lossy().into_owned();
    let mut problem = |rule, line, message: String| {
        out.push(Problem {
            rule,
            file: file.clone(),
            line,
            message,
        })
    };
    let dir = root.join(ch.path.parent().unwrap_or(Path::new("")));
    // Paths relative to the root, as messages and the listing rules speak of them.
    let rel = |inc: &crate::markdown::Include| -> PathBuf {
        let abs = inc.resolve(&dir);
        abs.strip_prefix(normalize(root))
            .map(Path::to_path_buf)
            .unwrap_or(abs)
    };

    for inc in includes(&ch.raw) {
        match inc {
            Err((line, msg)) => problem(Rule::Include, line, msg),
            Ok(inc) => {
                let target = rel(&inc);
                if !root.join(&target).is_file() {
                    problem(
                        Rule::Include,
                        inc.line,
                        format!(
                            "`{}` does not exist (looked for {})",
                            inc.path,
                            target.display()
                        ),
                    );
                }
                included.insert(target);
            }
        }
    }

    let raw_lines: Vec<&str> = ch.raw.lines().collect();
    let raw = fences(&ch.raw);
    let slug = ch.slug();
    for (k, f) in raw.iter().enumerate() {
        let lang = f.lang();
        if lang.is_empty() {
            problem(Rule::Fence, f.line, "code block without a language: write ```rust, ```text, ```console, ```toml or ```diff".into());
            continue;
        }
        if lang != "rust" {
            if !OTHER_LANGS.contains(&lang) {
                problem(
                    Rule::Fence,
                    f.line,
                    format!(
                        "unknown language `{lang}` (known: rust, {})",
                        OTHER_LANGS.join(", ")
                    ),
                );
            }
            let typed = f.body.iter().any(|l| {
                let l = l.trim_start();
                l.starts_with("error[") || l.starts_with("error:") || l.starts_with("warning:")
            });
            if typed && !is_single_include(f) {
                problem(
                    Rule::Snapshot,
                    f.line,
                    "compiler output typed by hand: include the listing's .stderr snapshot instead"
                        .into(),
                );
            }
            check_output(
                root,
                f,
                k.checked_sub(1).and_then(|p| raw.get(p)),
                &dir,
                &mut problem,
            );
            continue;
        }
        for attr in crate::settings::unknown_attrs(f) {
            let message = if attr == "output" {
                "`output` belongs on the ```text block right under the listing, which includes the listing's .stdout".to_owned()
            } else {
                format!(
                    "unknown attribute `{attr}` on a rust block (known: {}, features=crate/feature, and error codes like E0277)",
                    RUST_ATTRS.join(", ")
                )
            };
            problem(Rule::Fence, f.line, message);
        }
        let settings = match Settings::of(f) {
            Ok(s) => s,
            Err(e) => {
                problem(Rule::Fence, f.line, e);
                continue;
            }
        };
        for attr in ["ignore", "no_run"] {
            if f.has(attr) && comment_above(&raw_lines, f.line, attr).is_none() {
                problem(
                    Rule::Reason,
                    f.line,
                    format!(
                        "`{attr}` needs a reason on the line above the block: <!-- {attr}: why -->"
                    ),
                );
            }
        }
        if f.has("should_panic") && comment_above(&raw_lines, f.line, "should_panic").is_none() {
            problem(Rule::Reason, f.line, "`should_panic` needs the panic message it expects on the line above the block: <!-- should_panic: part of the message -->".into());
        }
        let Some(inc) = single_include(f) else {
            problem(Rule::Inline, f.line, "Rust written inline in the chapter: put it in listings/ and {{#rustdoc_include}} it, so cargo test compiles what the reader sees".into());
            continue;
        };
        let target = rel(&inc);
        let listing_dir = target
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = target
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let expected_dir = settings.listing_dir();
        if listing_dir != expected_dir {
            let kind = match f.attrs().join(",") {
                attrs if attrs.is_empty() => "a plain ```rust block".to_owned(),
                attrs => format!("a ```rust,{attrs} block"),
            };
            problem(
                Rule::Fence,
                f.line,
                format!(
                    "this block includes {}, but {kind} must include a file from {expected_dir}/",
                    target.display()
                ),
            );
        }
        if !stem.starts_with(&format!("{slug}_")) {
            problem(
                Rule::Naming,
                f.line,
                format!(
                    "listing `{stem}` is shown in {}, so its name must start with `{slug}_`",
                    ch.path.display()
                ),
            );
        }
        if f.has("compile_fail") {
            check_snapshot(
                root,
                f,
                raw.get(k + 1),
                &target,
                &dir,
                &raw_lines,
                &mut problem,
            );
        } else if f.attrs().iter().any(|a| is_error_code(a)) {
            problem(
                Rule::Fence,
                f.line,
                "an error code belongs only on a compile_fail block".into(),
            );
        }
    }

    // What mdBook made of the chapter: nothing left unexpanded, nothing empty.
    for (i, line) in ch.expanded.lines().enumerate() {
        if let Some(pos) = line.find("{{#") {
            let directive = &line[pos..];
            let at = raw_lines
                .iter()
                .position(|l| l.contains(directive))
                .map_or(i + 1, |p| p + 1);
            problem(
                Rule::Include,
                at,
                format!("mdBook left `{directive}` unexpanded: check the path and the anchor"),
            );
        }
    }
    let raw_rust: Vec<&Fence> = raw.iter().filter(|f| f.lang() == "rust").collect();
    let expanded_rust: Vec<Fence> = fences(&ch.expanded)
        .into_iter()
        .filter(|f| f.lang() == "rust")
        .collect();
    if raw_rust.len() != expanded_rust.len() {
        problem(
            Rule::Include,
            1,
            format!(
                "{} rust blocks in the source but {} after includes: an included file holds a ``` fence",
                raw_rust.len(),
                expanded_rust.len()
            ),
        );
    }
    for (r, e) in raw_rust.iter().zip(&expanded_rust) {
        if visible_lines(&e.body).next().is_none() {
            problem(
                Rule::Include,
                r.line,
                format!(
                    "this block shows nothing after includes: the anchor in `{}` matches no `// ANCHOR:` in the listing",
                    r.body.join(" ").trim()
                ),
            );
        }
    }
}

/// A ```text,output block shows what the rust block right above it prints: exactly one
/// `{{#include}}` of that listing's `.stdout`, recorded from a run (tests/listing-output). Other
/// attributes on a block that is not Rust mean nothing, and are reported.
fn check_output(
    root: &Path,
    f: &Fence,
    above: Option<&Fence>,
    chapter_dir: &Path,
    problem: &mut impl FnMut(Rule, usize, String),
) {
    for attr in f.attrs() {
        if !(attr == "output" && f.lang() == "text") {
            problem(
                Rule::Fence,
                f.line,
                format!(
                    "unknown attribute `{attr}` on a ```{} block (the only one known is ```text,output)",
                    f.lang()
                ),
            );
        }
    }
    let inc = single_include(f);
    let shows = inc
        .as_ref()
        .map(|inc| normalize(&inc.resolve(chapter_dir)))
        .filter(|p| p.extension().is_some_and(|e| e == "stdout"));
    if !f.has("output") {
        if shows.is_some() {
            problem(
                Rule::Fence,
                f.line,
                "this block shows a listing's recorded output: label it ```text,output".into(),
            );
        }
        return;
    }
    let Some(stdout) = shows else {
        problem(Rule::Fence, f.line, "a ```text,output block holds one {{#include ../listings/.../NAME.stdout}} of the listing above it, and nothing else".into());
        return;
    };
    let runs = |r: &Fence| {
        r.lang() == "rust"
            && Settings::of(r).is_ok_and(|s| s.skeptic_runs())
            && !["no_run", "ignore", "should_panic"]
                .iter()
                .any(|a| r.has(a))
    };
    let listing = above
        .filter(|r| runs(r))
        .and_then(single_include)
        .map(|inc| normalize(&inc.resolve(chapter_dir)));
    match listing {
        Some(rs) if rs.with_extension("stdout") == stdout => {}
        Some(rs) => problem(Rule::Fence, f.line, format!("this output block shows {}, but the listing above it is {}: show {}", file_name(&stdout), file_name(&rs), file_name(&rs.with_extension("stdout")))),
        None => problem(Rule::Fence, f.line, "misplaced `output`: put it right under the listing whose output it shows, a block that skeptic runs (not compile_fail, nightly, features=, no_run, ignore or should_panic)".into()),
    }
    let rel = stdout
        .strip_prefix(normalize(root))
        .map(Path::to_path_buf)
        .unwrap_or(stdout.clone());
    if !stdout.is_file() {
        problem(
            Rule::Snapshot,
            f.line,
            format!(
                "{} is not recorded yet: BOOK_OUTPUT=overwrite cargo test -p listing-tests --test listings, then review it",
                rel.display()
            ),
        );
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

fn check_snapshot(
    root: &Path,
    f: &Fence,
    next: Option<&Fence>,
    listing: &Path,
    chapter_dir: &Path,
    raw_lines: &[&str],
    problem: &mut impl FnMut(Rule, usize, String),
) {
    let stderr_path = listing.with_extension("stderr");
    let Ok(stderr) = fs::read_to_string(root.join(&stderr_path)) else {
        problem(
            Rule::Snapshot,
            f.line,
            format!(
                "compile_fail listing without a snapshot: create {} with `TRYBUILD=overwrite cargo test -p compile-fail-tests` and review it",
                stderr_path.display()
            ),
        );
        return;
    };
    let shown = next
        .filter(|n| matches!(n.lang(), "text" | "console"))
        .and_then(single_include)
        .map(|inc| normalize(&inc.resolve(chapter_dir)) == normalize(&root.join(&stderr_path)))
        .unwrap_or(false);
    if !shown {
        problem(
            Rule::Snapshot,
            f.line,
            format!(
                "show the compiler output right under this block: ```text then {{{{#include ../{}}}}}",
                stderr_path.display()
            ),
        );
    }
    let errors = errors(&stderr);
    let Some(&(_, first)) = errors.first() else {
        problem(
            Rule::Snapshot,
            f.line,
            format!(
                "{} shows no `error` line: a compile_fail listing must fail to compile",
                stderr_path.display()
            ),
        );
        return;
    };
    if errors.len() > 1 && comment_above(raw_lines, f.line, "errors").is_none() {
        let at: Vec<String> = errors.iter().map(|(line, _)| line.to_string()).collect();
        problem(
            Rule::Snapshot,
            f.line,
            format!(
                "{} shows {} errors (its lines {}): one listing shows one error. Cut the listing down, or say why it shows more on the line above the block: <!-- errors: why -->",
                stderr_path.display(),
                errors.len(),
                at.join(", ")
            ),
        );
    }
    // The code on the fence is the first error's: the one the reader reads first.
    let codes: Vec<&str> = f.attrs().into_iter().filter(|a| is_error_code(a)).collect();
    match (error_code(first), codes.as_slice()) {
        (Some(code), [attr]) if *attr == code => {}
        (None, []) => {}
        (Some(code), _) => problem(
            Rule::Snapshot,
            f.line,
            format!(
                "the snapshot's first error is `{first}`: mark the block ```rust,compile_fail,{code}"
            ),
        ),
        (None, _) => problem(
            Rule::Snapshot,
            f.line,
            format!(
                "the snapshot's first error, `{first}`, has no code: remove {} from the fence",
                codes.join(",")
            ),
        ),
    }
}

/// The block's only content is one include directive.
fn single_include(f: &Fence) -> Option<crate::markdown::Include> {
    let lines: Vec<&String> = f.body.iter().filter(|l| !l.trim().is_empty()).collect();
    match lines.as_slice() {
        [only] => match includes(only.trim()).as_slice() {
            [Ok(inc)] if only.trim().starts_with("{{#") && only.trim().ends_with("}}") => {
                Some(inc.clone())
            }
            _ => None,
        },
        _ => None,
    }
}

fn is_single_include(f: &Fence) -> bool {
    single_include(f).is_some()
}

fn check_orphans(root: &Path, included: &BTreeSet<PathBuf>, out: &mut Vec<Problem>) {
    for (dir, failing) in crate::settings::listing_dirs() {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            out.push(Problem {
                rule: Rule::Orphan,
                file: dir.into(),
                line: 1,
                message: format!(
                    "{dir}/ is missing: the harness expects the book's listings there"
                ),
            });
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        // Skeptic runs these listings, so they may show what they print.
        let runs = matches!(dir, "listings/examples" | "listings/edition2021/examples");
        for path in files {
            let rel = Path::new(dir).join(path.file_name().unwrap());
            let ext = rel.extension().and_then(|e| e.to_str()).unwrap_or("");
            let allowed = if failing {
                matches!(ext, "rs" | "stderr")
            } else {
                ext == "rs" || (runs && ext == "stdout")
            };
            let message = if !allowed {
                let also = if failing {
                    " and their .stderr snapshots"
                } else if runs {
                    " and their recorded .stdout"
                } else {
                    ""
                };
                format!(
                    "{} does not belong in {dir}/ (only listings{also})",
                    rel.display()
                )
            } else if failing && ext == "rs" && !root.join(rel.with_extension("stderr")).is_file() {
                format!("{} has no .stderr snapshot beside it", rel.display())
            } else if failing && ext == "stderr" && !root.join(rel.with_extension("rs")).is_file() {
                format!(
                    "{} is a snapshot of a listing that does not exist",
                    rel.display()
                )
            } else if ext == "stdout" && !root.join(rel.with_extension("rs")).is_file() {
                format!(
                    "{} is the output of a listing that does not exist",
                    rel.display()
                )
            } else if !included.contains(&rel) {
                format!(
                    "{} is included by no chapter: show it in its chapter, or delete it",
                    rel.display()
                )
            } else {
                continue;
            };
            out.push(Problem {
                rule: Rule::Orphan,
                file: rel.to_string_lossy().into_owned(),
                line: 1,
                message,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(files: &[(&str, &str)]) -> crate::scratch::Scratch {
        let root = crate::scratch::Scratch::new("lints", files);
        for (dir, _) in crate::settings::listing_dirs() {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        root
    }

    fn chapter(raw: &str, expanded: &str) -> Chapter {
        Chapter {
            path: "src/demo.md".into(),
            raw: raw.into(),
            expanded: expanded.into(),
        }
    }

    fn messages(root: &Path, ch: Chapter) -> Vec<String> {
        check(root, &[ch]).iter().map(ToString::to_string).collect()
    }

    const OK_EXAMPLE: &str = "```rust\n{{#rustdoc_include ../listings/examples/demo_ok.rs}}\n```\n";

    #[test]
    fn a_clean_chapter_has_no_problems() {
        let r = root(&[("listings/examples/demo_ok.rs", "fn main() {}\n")]);
        assert_eq!(
            messages(&r, chapter(OK_EXAMPLE, "```rust\nfn main() {}\n```\n")),
            Vec::<String>::new()
        );
    }

    #[test]
    fn inline_rust_is_named_with_its_line() {
        let r = root(&[]);
        let m = messages(
            &r,
            chapter(
                "# T\n\n```rust\nfn main() {}\n```\n",
                "# T\n\n```rust\nfn main() {}\n```\n",
            ),
        );
        assert!(
            m.iter()
                .any(|m| m.starts_with("src/demo.md:3: Rust written inline")),
            "{m:?}"
        );
    }

    #[test]
    fn unknown_attribute_and_missing_language_are_named() {
        let r = root(&[("listings/examples/demo_ok.rs", "fn main() {}\n")]);
        let raw = "```rust,compile_fial\n{{#include ../listings/examples/demo_ok.rs}}\n```\n\n```\nplain\n```\n";
        let m = messages(
            &r,
            chapter(
                raw,
                "```rust,compile_fial\nfn main() {}\n```\n\n```\nplain\n```\n",
            ),
        );
        assert!(
            m.iter()
                .any(|m| m.starts_with("src/demo.md:1: unknown attribute `compile_fial`")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.starts_with("src/demo.md:5: code block without a language")),
            "{m:?}"
        );
    }

    #[test]
    fn broken_paths_missing_anchors_and_orphans_are_named() {
        let r = root(&[
            ("listings/examples/demo_ok.rs", "fn main() {}\n"),
            ("listings/examples/demo_lost.rs", "fn main() {}\n"),
        ]);
        let raw = "```rust\n{{#rustdoc_include ../listings/examples/demo_ok.rs:nope}}\n```\n\n```rust\n{{#include ../listings/examples/demo_typo.rs}}\n```\n";
        let exp = "```rust\n# fn main() {}\n```\n\n```rust\n{{#include ../listings/examples/demo_typo.rs}}\n```\n";
        let m = messages(&r, chapter(raw, exp));
        assert!(
            m.iter()
                .any(|m| m.starts_with("src/demo.md:1: this block shows nothing")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|m| m
                .starts_with("src/demo.md:6: `../listings/examples/demo_typo.rs` does not exist")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.starts_with("src/demo.md:6: mdBook left")),
            "{m:?}"
        );
        assert!(m.iter().any(|m| m.starts_with("listings/examples/demo_lost.rs:1: listings/examples/demo_lost.rs is included by no chapter")), "{m:?}");
    }

    #[test]
    fn compile_fail_needs_its_snapshot_shown_and_its_code() {
        let r = root(&[
            (
                "listings/fail/demo_bad.rs",
                "fn main() { let x: i32 = \"\"; }\n",
            ),
            (
                "listings/fail/demo_bad.stderr",
                "error[E0308]: mismatched types\n",
            ),
        ]);
        let bare = "```rust,compile_fail\n{{#include ../listings/fail/demo_bad.rs}}\n```\n";
        let m = messages(&r, chapter(bare, bare));
        assert!(
            m.iter()
                .any(|m| m.contains("show the compiler output right under this block")),
            "{m:?}"
        );
        assert!(m.iter().any(|m| m.contains("the snapshot's first error is `error[E0308]: mismatched types`: mark the block ```rust,compile_fail,E0308")), "{m:?}");
        assert!(
            m.iter()
                .any(|m| m.contains("demo_bad.stderr is included by no chapter")),
            "{m:?}"
        );
        let good = "```rust,compile_fail,E0308\n{{#include ../listings/fail/demo_bad.rs}}\n```\n\n```text\n{{#include ../listings/fail/demo_bad.stderr}}\n```\n";
        let expanded = "```rust,compile_fail,E0308\nfn main() { let x: i32 = \"\"; }\n```\n\n```text\nerror[E0308]: mismatched types\n```\n";
        assert_eq!(messages(&r, chapter(good, expanded)), Vec::<String>::new());
    }

    #[test]
    fn one_error_per_listing_and_the_code_of_the_first_error() {
        // Probes pd and pd2 of the audit: a second error, the first one without a code.
        let two = "error: future cannot be sent between threads safely\n --> x\n\nerror[E0308]: mismatched types\n";
        let r = root(&[
            ("listings/fail/demo_bad.rs", "fn main() {}\n"),
            ("listings/fail/demo_bad.stderr", two),
        ]);
        let block = |fence: &str, above: &str| {
            format!(
                "{above}```rust,compile_fail{fence}\n{{{{#include ../listings/fail/demo_bad.rs}}}}\n```\n\n```text\n{{{{#include ../listings/fail/demo_bad.stderr}}}}\n```\n"
            )
        };
        let m = messages(&r, chapter(&block(",E0308", ""), &block(",E0308", "")));
        assert!(m.iter().any(|m| m.starts_with("src/demo.md:1: listings/fail/demo_bad.stderr shows 2 errors (its lines 1, 4): one listing shows one error")), "{m:?}");
        assert!(m.iter().any(|m| m.starts_with("src/demo.md:1: the snapshot's first error, `error: future cannot be sent between threads safely`, has no code: remove E0308 from the fence")), "{m:?}");
        // With the reason stated and no code on the fence, it passes.
        let ok = block(
            "",
            "<!-- errors: rustc reports both of the guard's fields -->\n",
        );
        let expanded = ok
            .replace("{{#include ../listings/fail/demo_bad.rs}}", "fn main() {}")
            .replace("{{#include ../listings/fail/demo_bad.stderr}}", two);
        assert_eq!(messages(&r, chapter(&ok, &expanded)), Vec::<String>::new());
    }

    #[test]
    fn a_plain_block_including_a_failing_listing_is_named_plainly() {
        // Audit item 16: the message named "a block marked ``".
        let r = root(&[
            ("listings/fail/demo_bad.rs", "fn main() {}\n"),
            ("listings/fail/demo_bad.stderr", "error: x\n"),
        ]);
        let raw = "```rust\n{{#include ../listings/fail/demo_bad.rs}}\n```\n";
        let m = messages(&r, chapter(raw, raw));
        assert!(m.iter().any(|m| m.starts_with("src/demo.md:1: this block includes listings/fail/demo_bad.rs, but a plain ```rust block must include a file from listings/examples/")), "{m:?}");
    }

    #[test]
    fn a_missing_listings_folder_is_a_problem() {
        let r = crate::scratch::Scratch::new("lints-empty", &[]);
        let m = messages(&r, chapter("# Empty\n", "# Empty\n"));
        assert!(m.contains(&"listings/examples:1: listings/examples/ is missing: the harness expects the book's listings there".to_owned()), "{m:?}");
    }

    #[test]
    fn typed_compiler_output_and_unstated_reasons_are_caught() {
        let r = root(&[("listings/examples/demo_ok.rs", "fn main() {}\n")]);
        let raw = "```text\nerror[E0277]: oops\n```\n\n```rust,no_run\n{{#include ../listings/examples/demo_ok.rs}}\n```\n";
        let m = messages(&r, chapter(raw, raw));
        assert!(
            m.iter()
                .any(|m| m.starts_with("src/demo.md:1: compiler output typed by hand")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.starts_with("src/demo.md:5: `no_run` needs a reason")),
            "{m:?}"
        );
        let reasoned = raw.replace(
            "```rust,no_run",
            "<!-- no_run: it serves forever -->\n```rust,no_run",
        );
        assert!(
            !messages(&r, chapter(&reasoned, &reasoned))
                .iter()
                .any(|m| m.contains("needs a reason"))
        );
    }

    #[test]
    fn settings_on_the_fence_must_match_the_listings_folder() {
        let r = root(&[
            ("listings/examples/demo_ok.rs", "fn main() {}\n"),
            (
                "listings/edition2021/examples/demo_old.rs",
                "fn main() {}\n",
            ),
        ]);
        let raw = "```rust,edition2021\n{{#include ../listings/examples/demo_ok.rs}}\n```\n\n```rust\n{{#include ../listings/edition2021/examples/demo_old.rs}}\n```\n\n```rust,edition2018\n{{#include ../listings/examples/demo_ok.rs}}\n```\n\n```rust,features=tokio/full\n{{#include ../listings/examples/demo_ok.rs}}\n```\n";
        let m = messages(
            &r,
            chapter(
                raw,
                &raw.replace(
                    "{{#include ../listings/examples/demo_ok.rs}}",
                    "fn main() {}",
                )
                .replace(
                    "{{#include ../listings/edition2021/examples/demo_old.rs}}",
                    "fn main() {}",
                ),
            ),
        );
        assert!(m.iter().any(|m| m.starts_with("src/demo.md:1: this block includes listings/examples/demo_ok.rs, but a ```rust,edition2021 block must include a file from listings/edition2021/examples/")), "{m:?}");
        assert!(m.iter().any(|m| m.starts_with("src/demo.md:5: this block includes listings/edition2021/examples/demo_old.rs, but a plain ```rust block must include a file from listings/examples/")), "{m:?}");
        assert!(
            m.iter().any(|m| m
                .starts_with("src/demo.md:9: `edition2018`: the book's listings are edition 2024")),
            "{m:?}"
        );
        assert!(
            m.iter().any(|m| m.starts_with(
                "src/demo.md:13: no crate builds listings with `features=tokio/full`"
            )),
            "{m:?}"
        );
    }

    #[test]
    fn an_output_block_shows_the_recorded_output_of_the_listing_right_above_it() {
        let r = root(&[
            ("listings/examples/demo_ok.rs", "fn main() {}\n"),
            ("listings/examples/demo_ok.stdout", "hi\n"),
            ("listings/examples/demo_two.rs", "fn main() {}\n"),
            ("listings/fail/demo_bad.rs", "fn main() { x }\n"),
            ("listings/fail/demo_bad.stderr", "error[E0425]: x\n"),
        ]);
        let ok = "```rust\n{{#include ../listings/examples/demo_ok.rs}}\n```\n\n```text,output\n{{#include ../listings/examples/demo_ok.stdout}}\n```\n";
        let exp = |raw: &str| {
            raw.replace(
                "{{#include ../listings/examples/demo_ok.rs}}",
                "fn main() {}",
            )
            .replace(
                "{{#include ../listings/examples/demo_two.rs}}",
                "fn main() {}",
            )
            .replace("{{#include ../listings/examples/demo_ok.stdout}}", "hi")
        };
        let about_chapter = |m: Vec<String>| {
            m.into_iter()
                .filter(|m| m.starts_with("src/"))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            about_chapter(messages(&r, chapter(ok, &exp(ok)))),
            Vec::<String>::new()
        );
        let unlabelled = ok.replace("text,output", "text");
        assert!(messages(&r, chapter(&unlabelled, &exp(&unlabelled))).iter().any(|m| m.starts_with("src/demo.md:5: this block shows a listing's recorded output: label it ```text,output")));
        let other = format!(
            "```rust\n{{{{#include ../listings/examples/demo_two.rs}}}}\n```\n\n{}",
            &ok[ok.find("\n\n").unwrap() + 2..]
        );
        let m = messages(&r, chapter(&other, &exp(&other)));
        assert!(m.iter().any(|m| m.starts_with("src/demo.md:5: this output block shows demo_ok.stdout, but the listing above it is demo_two.rs")), "{m:?}");
        let on_rust = "```rust,output\n{{#include ../listings/examples/demo_ok.rs}}\n```\n";
        assert!(
            messages(&r, chapter(on_rust, &exp(on_rust)))
                .iter()
                .any(|m| m.starts_with("src/demo.md:1: `output` belongs on the ```text block"))
        );
        let under_failing = "```rust,compile_fail,E0425\n{{#include ../listings/fail/demo_bad.rs}}\n```\n\n```text,output\n{{#include ../listings/examples/demo_ok.stdout}}\n```\n";
        let m = messages(&r, chapter(under_failing, under_failing));
        assert!(
            m.iter()
                .any(|m| m.starts_with("src/demo.md:5: misplaced `output`")),
            "{m:?}"
        );
        let on_console = "```console,output\n$ cargo run\n```\n";
        assert!(
            messages(&r, chapter(on_console, on_console))
                .iter()
                .any(|m| m.starts_with(
                    "src/demo.md:1: unknown attribute `output` on a ```console block"
                ))
        );
    }

    #[test]
    fn listings_carry_their_chapters_name_and_live_in_the_right_folder() {
        let r = root(&[("listings/examples/other_ok.rs", "fn main() {}\n")]);
        let raw = "```rust,compile_fail\n{{#include ../listings/examples/other_ok.rs}}\n```\n";
        let m = messages(&r, chapter(raw, raw));
        assert!(
            m.iter().any(|m| m.contains("must start with `demo_`")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.contains("must include a file from listings/fail/")),
            "{m:?}"
        );
    }
}
