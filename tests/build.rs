//! Writes, for each chapter, the copy of its include-expanded markdown that skeptic compiles
//! (see `Chapter::skeptic_copy`), then has skeptic generate one test per rust block.
//! A book that does not load fails here; every finer problem is left to tests/book.rs, which
//! names file and line.

#[path = "src/load.rs"]
mod load;
#[path = "src/settings.rs"]
#[allow(dead_code)]
mod settings;
#[path = "src/markdown.rs"]
#[allow(dead_code)]
mod markdown;

use std::{env, fs, path::PathBuf};

fn main() {
    for watched in ["../src", "../listings", "../book.toml"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("chapters");
    fs::create_dir_all(&out).unwrap();
    let root = load::root();
    let chapters = load::chapters(&root).unwrap_or_else(|e| panic!("{e}"));
    let mut paths = Vec::new();
    for ch in &chapters {
        let path = out.join(format!("{}.md", ch.slug()));
        let text = ch.skeptic_copy(&root);
        // Skeptic tells cargo to watch these files. Write one only when its text changes, and
        // date it in the past: a file written during this run would otherwise look newer than
        // the run, and the next `cargo test` would run this script (and rebuild the harness)
        // once more for nothing. Its text follows from src/ and listings/, which are watched.
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            fs::write(&path, text).unwrap();
            let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1);
            fs::File::options().write(true).open(&path).unwrap().set_modified(long_ago).unwrap();
        }
        paths.push(path.to_string_lossy().into_owned());
    }
    skeptic::generate_doc_tests(&paths);
}
