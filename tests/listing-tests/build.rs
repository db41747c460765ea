//! For the skeptic-rustc program and tests/listings.rs, writes `rustc-version` into OUT_DIR:
//! `rustc -vV` of the compiler cargo builds this package with, which is the one that compiles
//! the snippets (part of their cache key: skeptic-rustc does not ask again); and sets, for their
//! compilation, `SKEPTIC_REAL_RUSTC` (that compiler's path) and `LISTING_TESTS_TARGET` (the
//! target triple skeptic compiles the snippets for).
//!
//! It reads nothing of the book: tests/listings.rs reads the chapters when it runs, so that
//! editing a listing or a chapter rebuilds nothing.

use std::{env, fs, path::PathBuf, process::Command};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
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
    let version = String::from_utf8(version.stdout).unwrap();
    let path = out_dir.join("rustc-version");
    if fs::read_to_string(&path).ok() != Some(version.clone()) {
        fs::write(&path, version).unwrap();
    }
    println!("cargo:rustc-env=SKEPTIC_REAL_RUSTC={rustc}");
    println!(
        "cargo:rustc-env=LISTING_TESTS_TARGET={}",
        env::var("TARGET").unwrap()
    );
}
