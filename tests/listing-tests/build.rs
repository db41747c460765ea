//! Writes, for each chapter, the copy of its include-expanded markdown that skeptic compiles
//! (see `Chapter::skeptic_copy`), then has skeptic generate one test per rust block.
//! A book that does not load fails here; every finer problem is left to tests/book.rs, which
//! names file and line.
//!
//! Also writes, for tests/listings.rs and the skeptic-rustc binary:
//! - `listing-tests.rs`: skeptic's tests (`skeptic-tests.rs`), which tests/listings.rs includes;
//! - `runnable-blocks`: how many tests the chapters call for, counted with mdBook's parser
//!   (skeptic counts with its own);
//! - `rustc-version`: `rustc -vV` of the compiler cargo builds this package with, which is the
//!   one that compiles the snippets (part of their cache key: skeptic-rustc does not ask again).
//!
//! This is a package of its own so that editing a listing or a chapter reruns this script and
//! rebuilds this package only, not the harness the other tests share.

#[path = "../src/load.rs"]
#[allow(dead_code)]
mod load;
#[path = "../src/markdown.rs"]
#[allow(dead_code)]
mod markdown;
#[path = "../src/settings.rs"]
#[allow(dead_code)]
mod settings;

use std::{env, fs, path::Path, path::PathBuf, process::Command};

/// Writes `text` to `path` unless it is there already, so an unchanged output keeps its date.
fn write_if_changed(path: &Path, text: &str) {
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap();
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .to_path_buf();
    // What the chapters are made of: mdBook reads book.toml and src/, and the includes read
    // listings/ (code, snapshots, recorded output: all of it can move a block's line).
    for watched in ["src", "listings", "book.toml"] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let out = out_dir.join("chapters");
    fs::create_dir_all(&out).unwrap();
    let chapters = load::chapters(&root).unwrap_or_else(|e| panic!("{e}"));
    let mut paths = Vec::new();
    for ch in &chapters {
        let path = out.join(format!("{}.md", ch.slug()));
        let text = ch.skeptic_copy(&root);
        // Skeptic tells cargo to watch these files. Write one only when its text changes, and
        // date it in the past: a file written during this run would otherwise look newer than
        // the run, and the next `cargo test` would run this script (and rebuild this package)
        // once more for nothing. Its text follows from src/ and listings/, which are watched.
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            fs::write(&path, text).unwrap();
            let long_ago = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1);
            fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        paths.push(path.to_string_lossy().into_owned());
    }
    skeptic::generate_doc_tests(&paths);
    // Skeptic's tests build each block's text with `format!("\n{}", text)`; `concat!` makes the
    // same string at compile time, and the test binary, recompiled after every edit of a
    // listing, compiles faster.
    let generated = fs::read_to_string(out_dir.join("skeptic-tests.rs")).unwrap();
    let from = "let s = &format!(r####\"\n{}\"####, r####\"";
    assert!(
        generated.contains(from),
        "skeptic no longer writes `{from}`: update build.rs"
    );
    let to = "let s = concat!(\"\\n\", r####\"";
    write_if_changed(
        &out_dir.join("listing-tests.rs"),
        &generated.replace(from, to),
    );

    let runnable: usize = chapters
        .iter()
        .flat_map(|ch| markdown::fences(&ch.raw))
        .filter(|f| f.lang() == "rust" && settings::Settings::of(f).is_ok_and(|s| s.skeptic_runs()))
        .map(|f| if f.has("should_panic") { 2 } else { 1 })
        .sum();
    write_if_changed(&out_dir.join("runnable-blocks"), &runnable.to_string());

    // A path, so skeptic-rustc can date the binary (cargo gives one; else look along PATH).
    let mut rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if !rustc.contains('/') {
        let found = env::split_paths(&env::var_os("PATH").unwrap_or_default())
            .map(|d| d.join(&rustc))
            .find(|p| p.is_file());
        rustc = found.map_or(rustc, |p| p.to_string_lossy().into_owned());
    }
    let version = Command::new(&rustc)
        .arg("-vV")
        .output()
        .unwrap_or_else(|e| panic!("{rustc} -vV: {e}"));
    assert!(
        version.status.success(),
        "{rustc} -vV failed: {}",
        String::from_utf8_lossy(&version.stderr)
    );
    write_if_changed(
        &out_dir.join("rustc-version"),
        &String::from_utf8(version.stdout).unwrap(),
    );
    println!("cargo:rustc-env=SKEPTIC_REAL_RUSTC={rustc}");
}
