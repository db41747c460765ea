//! One test per runnable rust block of the book (two for a `should_panic` one), compiled and
//! run as the reader sees it, and 5 checks of the harness itself. A test's name is skeptic's:
//! the chapter copy's name, `_sect_`, the heading `Chapter::skeptic_copy` puts above the block
//! (its listing, chapter and line), then `_line_` and the block's line in that copy.
//!
//! The list is made when the tests run, not when they are built: this program loads the book
//! (mdBook expands the includes), writes the copy of each chapter that skeptic reads
//! (`Chapter::skeptic_copy`), has skeptic make its tests of them, and runs them with a runner
//! that takes part of libtest's arguments (`runner` lists them). Editing a listing or a chapter therefore rebuilds
//! nothing: `cargo test -p listing-tests -- NAME` reads the book, then runs the tests whose
//! names contain NAME, compiling those whose block changed.
//!
//! Skeptic writes its tests as Rust source, for a build script to include; a child of this
//! program has it write them (`GENERATE`: skeptic also prints cargo's `rerun-if-changed` lines,
//! which that child's output keeps off the terminal), and `parse` reads each back: the block's
//! text and the `skeptic::rt` function that compiles it (`run_test`, or `compile_test` for
//! `no_run`), with `#[ignore]` and `#[should_panic]`. Any other shape stops the run, naming it.

mod runner;

#[path = "../../src/load.rs"]
#[allow(dead_code)]
mod load;
#[path = "../../src/markdown.rs"]
#[allow(dead_code)]
mod markdown;
#[path = "../../src/settings.rs"]
#[allow(dead_code)]
mod settings;
// What the unit tests of those modules use (book-tests runs them; here they are not run).
#[path = "../../src/scratch.rs"]
#[allow(dead_code)]
mod scratch;
/// The program skeptic compiles the blocks with, here for its checks (`checks::ALL`).
#[path = "../src/skeptic_rustc.rs"]
#[allow(dead_code)]
mod skeptic_rustc;

use runner::Trial;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::{env, fs};

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");
/// skeptic's runtime finds the compiled libraries from here (target/PROFILE/build/…/out).
const OUT_DIR: &str = env!("OUT_DIR");
const TARGET: &str = env!("LISTING_TESTS_TARGET");
/// The variable that makes this program write skeptic's tests of the chapters it is given.
const GENERATE: &str = "LISTING_TESTS_GENERATE";

fn main() -> ExitCode {
    if let Some(code) = runner::worker(job) {
        return code;
    }
    if env::var_os(GENERATE).is_some() {
        let chapters: Vec<String> = env::args().skip(1).collect();
        skeptic::generate_doc_tests(&chapters);
        return ExitCode::SUCCESS;
    }
    runner::run(trials)
}

/// A job of a worker process: what skeptic's generated test would have done.
fn job(kind: &str, text: &str) {
    match kind {
        "run" => skeptic::rt::run_test(MANIFEST, OUT_DIR, TARGET, text),
        "compile" => skeptic::rt::compile_test(MANIFEST, OUT_DIR, TARGET, text),
        other => panic!("unknown job `{other}`"),
    }
}

/// One test skeptic made.
#[derive(Debug, PartialEq)]
struct Block {
    name: String,
    ignored: bool,
    should_panic: bool,
    /// `run` or `compile`.
    kind: &'static str,
    /// What skeptic hands to rustc.
    text: String,
}

fn trials() -> Result<Vec<Trial>, String> {
    let root = fs::canonicalize(Path::new(MANIFEST).join("../.."))
        .map_err(|e| format!("{MANIFEST}/../..: {e}"))?;
    let chapters = load::chapters(&root)?;
    let blocks = skeptic_tests(&root, &chapters)?;

    // Skeptic parses markdown with its own parser: if it saw fewer rust blocks than mdBook's
    // parser finds, some listing would go untested without anyone noticing.
    let expected: usize = chapters
        .iter()
        .flat_map(|ch| markdown::fences(&ch.raw))
        .filter(|f| f.lang() == "rust" && settings::Settings::of(f).is_ok_and(|s| s.skeptic_runs()))
        .map(|f| if f.has("should_panic") { 2 } else { 1 })
        .sum();
    let generated = blocks.len();
    let mut trials = vec![Trial::here(
        "skeptic_tests_every_runnable_block",
        move || {
            assert!(
                expected > 0,
                "the chapters have no runnable rust block: skeptic would test nothing"
            );
            assert_eq!(
                generated, expected,
                "skeptic generated {generated} tests where the chapters' runnable rust blocks call for {expected} (two for a should_panic block)"
            );
        },
    )];
    trials.push(Trial::here(
        "parse_reads_every_kind_of_skeptic_test",
        parse_reads_every_kind_of_skeptic_test,
    ));
    for &(name, check) in skeptic_rustc::checks::ALL {
        trials.push(Trial::here(format!("skeptic_rustc::checks::{name}"), check));
    }
    for b in blocks {
        let mut t = Trial::in_worker(b.name, b.kind, b.text);
        t.ignored = b.ignored;
        t.should_panic = b.should_panic;
        trials.push(t);
    }
    Ok(trials)
}

/// Has skeptic make its tests of the chapters' copies, in a folder of this run's own. Not one
/// in the target folder: there skeptic would also fill its cache of the libraries, which runs
/// `cargo metadata` (0.2 s); the workers do that when they compile.
fn skeptic_tests(root: &Path, chapters: &[markdown::Chapter]) -> Result<Vec<Block>, String> {
    let copies: Vec<(String, String)> = chapters
        .iter()
        .map(|ch| (ch.slug(), ch.skeptic_copy(root)))
        .collect();
    generate("chapters", &copies)
}

/// Skeptic's tests of the markdown files `files` (name, text), through a child of this program.
fn generate(what: &str, files: &[(String, String)]) -> Result<Vec<Block>, String> {
    let dir = env::temp_dir().join(format!("listing-tests-{}-{what}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    fs::create_dir_all(&dir).map_err(|e| io(&dir, e))?;
    let mut paths = Vec::new();
    for (name, text) in files {
        let path = dir.join(format!("{name}.md"));
        fs::write(&path, text).map_err(|e| io(&path, e))?;
        paths.push(path);
    }
    let exe = env::current_exe().map_err(|e| format!("cannot find this test program: {e}"))?;
    let made = Command::new(&exe)
        .env(GENERATE, "1")
        .env("OUT_DIR", &dir)
        .env("CARGO_MANIFEST_DIR", MANIFEST)
        .env("TARGET", TARGET)
        .args(&paths)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    let file = dir.join("skeptic-tests.rs");
    let generated = fs::read_to_string(&file);
    let _ = fs::remove_dir_all(&dir);
    if !made.status.success() {
        return Err(format!(
            "skeptic could not make the tests of the {what} ({}):\n{}",
            made.status,
            String::from_utf8_lossy(&made.stderr)
        ));
    }
    parse(&generated.map_err(|e| io(&file, e))?)
}

/// Reads skeptic's generated tests back (skeptic 0.14's `create_test_runner` writes them).
fn parse(generated: &str) -> Result<Vec<Block>, String> {
    const TEST: &str = "#[test] fn ";
    const TEXT: &str = "() {\n    let s = &format!(r####\"\n{}\"####, r####\"";
    const CALL: &str = "\"####);\n    skeptic::rt::";
    const END: &str = ");\n}\n";
    let shape = |what: &str, at: &str| {
        format!(
            "skeptic's generated tests no longer look as tests/listings.rs expects ({what}) at: {:?}",
            at.chars().take(120).collect::<String>()
        )
    };
    let mut rest = generated
        .strip_prefix("extern crate skeptic;\n")
        .ok_or_else(|| shape("`extern crate skeptic;` first", generated))?;
    let mut blocks = Vec::new();
    while !rest.trim().is_empty() {
        let at = rest.find(TEST).ok_or_else(|| shape("`#[test] fn`", rest))?;
        let mut ignored = false;
        let mut should_panic = false;
        for attr in rest[..at].split_whitespace() {
            match attr {
                "#[ignore]" => ignored = true,
                "#[should_panic]" => should_panic = true,
                _ => {
                    return Err(shape(
                        "only #[ignore] and #[should_panic] above a test",
                        rest,
                    ));
                }
            }
        }
        let test = &rest[at + TEST.len()..];
        let (name, after) = test
            .split_once(TEXT)
            .ok_or_else(|| shape("the block's text right after the name, no template", test))?;
        let (text, after) = after
            .split_once(CALL)
            .ok_or_else(|| shape("a call of skeptic::rt after the text", after))?;
        let (function, after) = after
            .split_once('(')
            .ok_or_else(|| shape("a call of skeptic::rt after the text", after))?;
        let kind = match function {
            "run_test" => "run",
            "compile_test" => "compile",
            _ => return Err(shape("run_test or compile_test", function)),
        };
        let end = after
            .find(END)
            .ok_or_else(|| shape("`);` and `}` after the call", after))?;
        rest = &after[end + END.len()..];
        blocks.push(Block {
            name: name.to_owned(),
            ignored,
            should_panic,
            kind,
            text: format!("\n{text}"),
        });
    }
    Ok(blocks)
}

/// Skeptic's real output for each kind of block the book has, read back as what it means.
fn parse_reads_every_kind_of_skeptic_test() {
    let md = "# t\n\n```rust\nfn main() {}\n```\n\n```rust,no_run\nfn main() { \"#\"; }\n```\n\n\
              ```rust,ignore\nfn main() {}\n```\n\n```rust,should_panic\nfn main() { panic!() }\n```\n";
    let blocks = generate("self-check", &[("kinds".into(), md.into())]).unwrap();
    let seen: Vec<(bool, bool, &str, &str)> = blocks
        .iter()
        .map(|b| (b.ignored, b.should_panic, b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            (false, false, "run", "\nfn main() {}\n"),
            (false, false, "compile", "\nfn main() { \"#\"; }\n"),
            (true, false, "run", "\nfn main() {}\n"),
            (false, true, "run", "\nfn main() { panic!() }\n"),
        ]
    );
    assert!(
        blocks
            .iter()
            .all(|b| b.name.starts_with("kinds_sect_t_line_")),
        "{blocks:?}"
    );
    // A shape it does not know is named, not guessed at.
    let changed = "extern crate skeptic;\n#[ignore]\n#[cfg(unix)]\n#[test] fn x() {\n    skeptic::rt::run_test(\"\");\n}\n";
    let err = parse(changed).unwrap_err();
    assert!(
        err.contains("only #[ignore] and #[should_panic] above a test"),
        "{err}"
    );
}
