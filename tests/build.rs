//! Writes, for each chapter, the copy of its include-expanded markdown that skeptic compiles
//! (see `Chapter::skeptic_copy`), then has skeptic generate one test per rust block.
//! A book that does not load fails here; every finer problem is left to tests/book.rs, which
//! names file and line.

#[path = "src/load.rs"]
mod load;
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
    let chapters = load::chapters(&load::root()).unwrap_or_else(|e| panic!("{e}"));
    let mut paths = Vec::new();
    for ch in &chapters {
        let path = out.join(format!("{}.md", ch.slug()));
        let text = ch.skeptic_copy();
        // Skeptic watches these files: rewriting an unchanged one would rerun this script forever.
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            fs::write(&path, text).unwrap();
        }
        paths.push(path.to_string_lossy().into_owned());
    }
    skeptic::generate_doc_tests(&paths);
}
