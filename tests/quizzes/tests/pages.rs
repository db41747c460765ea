//! The quiz pages say what the compiler says: each is regenerated in memory from its source
//! (src/quizzes/CHAPTER.toml), the listings and their snapshots, and compared with the file in
//! src/generated/quizzes/; and each is included by its chapter.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// A stated answer that disagrees with the compiler, a listing the book no longer has or no
/// longer shows, or a question the listings cannot answer fails here, naming the quiz's line.
#[test]
fn quiz_pages_match_what_the_compiler_says() {
    let root = root();
    let pages = quizzes::generate(&root)
        .unwrap_or_else(|e| panic!("\nthe quizzes disagree with the book's listings:\n{e}\n"));
    let mut stale = Vec::new();
    for (path, generated) in &pages {
        match fs::read_to_string(root.join(path)) {
            Err(_) => stale.push(format!("{path}:1: missing")),
            Ok(on_disk) => {
                if let Some((line, was, now)) = quizzes::first_difference(&on_disk, generated) {
                    stale.push(format!(
                        "{path}:{line}: stale\n    the file says: {was}\n    now it is:     {now}"
                    ));
                }
            }
        }
    }
    if let Ok(entries) = fs::read_dir(root.join(quizzes::OUT_DIR)) {
        for entry in entries.flatten() {
            let rel = format!(
                "{}/{}",
                quizzes::OUT_DIR,
                entry.file_name().to_string_lossy()
            );
            if !pages.iter().any(|(p, _)| *p == rel) {
                stale.push(format!(
                    "{rel}:1: no quiz source in {} makes this page",
                    quizzes::SOURCES
                ));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "\nthe quiz pages no longer match their sources and the listings:\n{}\n\nregenerate them with `cargo run -p quizzes`, then review `git diff src/generated/quizzes`\n",
        stale.join("\n")
    );
}

/// Each page is included by its chapter, once, on a line of its own.
#[test]
fn each_quiz_is_shown_by_its_chapter() {
    let root = root();
    let mut problems = Vec::new();
    for entry in fs::read_dir(root.join(quizzes::SOURCES)).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let chapter = format!("src/{stem}.md");
        let include = format!("{{{{#include generated/quizzes/{stem}.md}}}}");
        match fs::read_to_string(root.join(&chapter)) {
            Err(e) => problems.push(format!(
                "{}/{stem}.toml:1: {chapter}: {e}",
                quizzes::SOURCES
            )),
            Ok(text) => {
                let n = text.lines().filter(|l| l.trim() == include).count();
                if n != 1 {
                    problems.push(format!("{chapter}:1: includes its quiz {n} times: write `{include}` once, on a line of its own, near the end"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}
