//! The book built to HTML, once for both tests that read it: tests/book.rs builds it and checks
//! that mdBook warns about nothing; tests/error_index.rs checks links and search on it.
//!
//! A build is kept, under `target/tmp/book-html/KEY/`, only after tests/book.rs saw it finish
//! without a warning. KEY is a hash of everything the build reads: book.toml, every file under
//! src/, theme/ and listings/ (chapters include listings and snapshots), and Cargo.lock (mdBook's
//! version). A change to any of them is another key, so the book is built again. `BOOK_NO_CACHE=1`
//! turns the reuse off.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// The key of the book as it is now.
pub fn key(root: &Path) -> String {
    let mut files = vec![root.join("book.toml"), root.join("Cargo.lock")];
    for dir in ["src", "theme", "listings"] {
        walk(&root.join(dir), &mut files);
    }
    files.sort();
    let mut hashers = [0u64, 1].map(|seed| {
        let mut h = std::hash::DefaultHasher::new();
        h.write_u64(seed);
        h.write(include_str!("book_html.rs").as_bytes());
        h
    });
    for file in &files {
        let name = file
            .strip_prefix(root)
            .unwrap_or(file)
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(file).unwrap_or_else(|_| b"(missing)".to_vec());
        for h in &mut hashers {
            h.write_usize(name.len());
            h.write(name.as_bytes());
            h.write_usize(bytes.len());
            h.write(&bytes);
        }
    }
    format!("{:016x}{:016x}", hashers[0].finish(), hashers[1].finish())
}

/// The kept build of the book with this key, if tests/book.rs built it without a warning.
pub fn kept(tmp: &Path, key: &str) -> Option<PathBuf> {
    let dir = tmp.join("book-html").join(key);
    (std::env::var_os("BOOK_NO_CACHE").is_none_or(|v| v == "0") && dir.is_dir()).then_some(dir)
}

/// Keeps `built` (a warning-free build of the book with `key`) for the next runs, in place of
/// any older one.
pub fn keep(tmp: &Path, key: &str, built: &Path) {
    let kept = tmp.join("book-html");
    let _ = std::fs::create_dir_all(&kept);
    if std::fs::rename(built, kept.join(key)).is_err() {
        let _ = std::fs::remove_dir_all(built); // another run kept the same book first
    }
    for old in std::fs::read_dir(&kept).into_iter().flatten().flatten() {
        if old.file_name() != key {
            let _ = std::fs::remove_dir_all(old.path());
        }
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if entry.file_name() != "target" {
                walk(&path, files);
            }
        } else {
            files.push(path);
        }
    }
}
