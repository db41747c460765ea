//! Listings that need a nightly feature (listings/nightly/examples) are built and run with
//! `cargo +nightly` when a nightly toolchain is installed. Without one, this test passes and
//! says SKIPPED on the terminal, past libtest's output capture, so nobody mistakes it for a pass;
//! with `BOOK_REQUIRE_NIGHTLY=1` (CI sets it) a missing toolchain fails instead.
//! `BOOK_NIGHTLY=name` picks another toolchain than `nightly` (an uninstalled name shows the skip).
//! A missing or empty listings/nightly/examples fails: a test that runs nothing is no test.

use std::io::Write;
use std::process::Command;

/// `rustup run nightly ...`, with the variables the stable toolchain set for us removed.
fn nightly(program: &str) -> Command {
    let toolchain = std::env::var("BOOK_NIGHTLY").unwrap_or_else(|_| "nightly".into());
    let mut cmd = Command::new("rustup");
    cmd.args(["run", &toolchain, program]);
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        if key.starts_with("CARGO") || key.starts_with("RUSTUP_TOOLCHAIN") || key.starts_with("RUSTC") || key.starts_with("RUSTDOC") {
            cmd.env_remove(key);
        }
    }
    cmd
}

#[test]
fn nightly_listings_build_and_run() {
    let root = book_tests::load::root();
    let dir = root.join("listings/nightly/examples");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}: the nightly listings are missing", dir.display()))
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .filter_map(|e| e.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "{}: no listing (*.rs) to build: if the book has no nightly listing any more, delete this test", dir.display());
    let version = nightly("rustc").arg("--version").output();
    let Some(version) = version.ok().filter(|o| o.status.success()) else {
        assert!(
            std::env::var_os("BOOK_REQUIRE_NIGHTLY").is_none(),
            "no nightly toolchain (rustup run {} rustc fails), and BOOK_REQUIRE_NIGHTLY is set: install one with `rustup toolchain install nightly`",
            std::env::var("BOOK_NIGHTLY").unwrap_or_else(|_| "nightly".into())
        );
        let line = format!("\nSKIPPED (no nightly toolchain): {} nightly listings not tested: {}\n\n", names.len(), names.join(", "));
        let _ = std::io::stderr().write_all(line.as_bytes());
        return;
    };
    let target = root.join("target/nightly");
    let build = nightly("cargo")
        .args(["build", "--quiet", "--locked", "-p", "nightly-listings", "--examples", "--target-dir"])
        .arg(&target)
        .current_dir(&root)
        .output()
        .expect("cargo +nightly runs");
    assert!(
        build.status.success(),
        "nightly listings fail to build with {}{}",
        String::from_utf8_lossy(&version.stdout),
        String::from_utf8_lossy(&build.stderr)
    );
    for name in &names {
        let bin = target.join("debug/examples").join(name);
        let run = Command::new(&bin).output().unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
        assert!(run.status.success(), "listings/nightly/examples/{name}.rs failed when run:\n{}", String::from_utf8_lossy(&run.stderr));
    }
}
