//! `cargo run -p quizzes`: writes src/generated/quizzes/CHAPTER.md for every quiz source in
//! src/quizzes/ and deletes pages whose source is gone. Review `git diff src/generated/quizzes`.
//! A source with problems keeps its old page; the problems are printed, and it exits 1.

use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the book's root");
    let (pages, problems) = quizzes::generate_each(&root).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let dir = root.join(quizzes::OUT_DIR);
    fs::create_dir_all(&dir).expect("create src/generated/quizzes");
    let keep: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
    for entry in fs::read_dir(&dir)
        .expect("read src/generated/quizzes")
        .flatten()
    {
        let rel = format!(
            "{}/{}",
            quizzes::OUT_DIR,
            entry.file_name().to_string_lossy()
        );
        // With problems, a page may be missing from `pages` only because its source has one.
        if problems.is_empty() && !keep.contains(&rel.as_str()) {
            fs::remove_file(entry.path()).expect("delete a page without a source");
            println!("deleted {rel}");
        }
    }
    for (path, html) in &pages {
        let full = root.join(path);
        if fs::read_to_string(&full).ok().as_deref() != Some(html.as_str()) {
            fs::write(&full, html).unwrap_or_else(|e| panic!("{path}: {e}"));
            println!("wrote {path}");
        }
    }
    if !problems.is_empty() {
        eprintln!("{}", problems.join("\n"));
        eprintln!(
            "{} quiz pages current; the sources above have problems, and their pages were left as they were",
            pages.len()
        );
        std::process::exit(1);
    }
    println!("{} quiz pages, all current", pages.len());
}
