//! Listings that need a nightly feature live in listings/nightly, a workspace of its own (so
//! stable `cargo build/test/clippy --workspace` never meets them). With a nightly toolchain
//! installed, this test builds and runs its passing listings (examples/) and proves each failing
//! one (fail/) fails with exactly the output in its snapshot, with `cargo +nightly`.
//!
//! Without one, it passes and says SKIPPED on the terminal, past libtest's output capture, so
//! nobody mistakes it for a pass; with `BOOK_REQUIRE_NIGHTLY=1` (CI sets it) a missing toolchain
//! fails instead. `BOOK_NIGHTLY=name` picks another toolchain than `nightly` (an uninstalled name
//! shows the skip). A missing or empty listings/nightly/examples fails: a test that runs nothing
//! is no test. Bless the failing ones, then review the diff:
//!     TRYBUILD=overwrite cargo test -p book-tests --test nightly && git diff listings/nightly/fail
//! `LISTINGS=glob` narrows the failing ones, as for the stable snapshots.

use book_tests::own_workspace::{both, build_and_run_examples, cargo, listing_names};
use book_tests::trybuild_cache;
use std::io::Write;
use std::process::Command;

#[test]
fn nightly_listings_build_run_and_fail_as_shown() {
    let root = book_tests::load::root();
    let dir = root.join("listings/nightly");
    if let Err(e) = std::fs::read_dir(dir.join("examples")) {
        panic!(
            "{}: {e}: the nightly listings are missing",
            dir.join("examples").display()
        );
    }
    let passing = listing_names(&dir.join("examples"));
    let failing = listing_names(&dir.join("fail"));
    assert!(
        !passing.is_empty(),
        "{}/examples: no listing (*.rs) to build: if the book has no nightly listing any more, delete this test",
        dir.display()
    );
    let toolchain = std::env::var("BOOK_NIGHTLY").unwrap_or_else(|_| "nightly".into());
    let version = Command::new("rustup")
        .args(["run", &toolchain, "rustc", "-vV"])
        .output();
    let Some(version) = version.ok().filter(|o| o.status.success()) else {
        assert!(
            std::env::var_os("BOOK_REQUIRE_NIGHTLY").is_none(),
            "no nightly toolchain (rustup run {toolchain} rustc fails), and BOOK_REQUIRE_NIGHTLY is set: install one with `rustup toolchain install nightly`"
        );
        let line = format!(
            "\nSKIPPED (no nightly toolchain `{toolchain}`): {} nightly listings not tested: {}\n\n",
            passing.len() + failing.len(),
            passing
                .iter()
                .chain(&failing)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = std::io::stderr().write_all(line.as_bytes());
        return;
    };
    let verbose = String::from_utf8_lossy(&version.stdout).into_owned();
    let version = verbose.lines().next().unwrap_or_default().trim().to_owned();
    // The nightly the prose quotes ("nightly 1.97.0 (2026-05-19)") is this one.
    let chapters = book_tests::load::chapters(&root).unwrap_or_else(|e| panic!("{e}"));
    let quotes = book_tests::quotes::nightly(&chapters, &version);
    assert!(
        quotes.is_empty(),
        "\nnightly versions quoted in the prose:\n  {}\n",
        quotes.join("\n  ")
    );
    let target = book_tests::own_workspace::target_dir("nightly");
    let manifest = dir.join("Cargo.toml");
    if let Err(e) =
        build_and_run_examples(Some(&toolchain), &manifest, &target, &dir.join("examples"))
    {
        panic!("with {version}: {e}");
    }
    if failing.is_empty() {
        return; // trybuild fails on a glob that matches nothing
    }
    // The failing listings that passed before with nothing they depend on changed are not
    // compiled again (tests/compile-fail/tests/common/cache.rs says what that is). When all of
    // them did, the nested cargo is not run; otherwise it checks them all (there are few).
    let cache =
        (std::env::var_os("LISTINGS").is_none() && !trybuild_cache::bypassed()).then(|| {
            let mut inputs = trybuild_cache::Inputs::default();
            inputs.text("rustc -vV", &verbose);
            for file in ["Cargo.lock", "Cargo.toml", "tests/fail.rs", "src/lib.rs"] {
                inputs.file(&dir.join(file));
            }
            inputs.cargo_config(&dir);
            inputs.environment();
            trybuild_cache::Cache::with(dir.join("fail"), "listings/nightly/fail", inputs)
        });
    let keys: Vec<(&String, Option<String>)> = failing
        .iter()
        .map(|stem| (stem, cache.as_ref().and_then(|c| c.key(stem))))
        .collect();
    if let Some(cache) = &cache {
        let misses = keys
            .iter()
            .filter(|(stem, key)| !cache.hit(stem, key.as_deref()))
            .count();
        cache.say(failing.len(), if misses == 0 { 0 } else { failing.len() });
        if misses == 0 {
            return;
        }
    }
    let fail = cargo(Some(&toolchain), &target)
        .args([
            "test",
            "--quiet",
            "--locked",
            "--test",
            "fail",
            "--manifest-path",
        ])
        .arg(&manifest)
        .output()
        .expect("cargo +nightly runs");
    assert!(
        fail.status.success(),
        "with {version}, failing nightly listings (listings/nightly/fail) do not fail as their snapshots show:\n{}",
        both(&fail)
    );
    if let Some(cache) = &cache {
        for (stem, key) in &keys {
            if let Some(key) = key
                .as_deref()
                .filter(|k| cache.key(stem).as_deref() == Some(k))
            {
                cache.store(stem, key);
            }
        }
    }
}
