//! The drift run: the whole suite under another toolchain, on a copy of the book, without
//! touching the committed snapshots; then a report of what changed.
//!
//!     cargo run -p freshness --bin drift -- [TOOLCHAIN] [--latest-crates]
//!
//! TOOLCHAIN is any installed rustup toolchain (`nightly` by default, `beta`, `1.96.0`, ...).
//! `--latest-crates` also lifts the `=` pins of the workspace's dependencies and runs
//! `cargo update` in the copy, so the run sees the newest compatible crates.
//! The copy and its build live in target/drift/TOOLCHAIN/ (kept, so a second run is warm); the
//! report is printed and written to target/drift/TOOLCHAIN/report.md.
//! Exit status: 0 no drift, 1 drift found, 2 the run itself failed.

use freshness::{book, canary, drift, pins};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

fn main() -> ExitCode {
    let mut toolchain = "nightly".to_string();
    let mut latest = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--latest-crates" => latest = true,
            "-h" | "--help" => {
                eprintln!(
                    "usage: cargo run -p freshness --bin drift -- [TOOLCHAIN] [--latest-crates]"
                );
                return ExitCode::SUCCESS;
            }
            t if !t.starts_with('-') => toolchain = t.trim_start_matches('+').to_string(),
            other => {
                eprintln!("drift: unknown option `{other}` (see --help)");
                return ExitCode::from(2);
            }
        }
    }
    match run(&toolchain, latest) {
        Ok(true) => ExitCode::from(1),
        Ok(false) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("drift: {e}");
            ExitCode::from(2)
        }
    }
}

/// `rustup run TOOLCHAIN program`, without the variables the outer cargo set for itself.
fn rustup(toolchain: &str, program: &str) -> Command {
    let mut cmd = Command::new("rustup");
    cmd.args(["run", toolchain, program]);
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        let cargo_own = key.starts_with("CARGO") && key != "CARGO_HOME";
        if cargo_own
            || key.starts_with("RUSTC")
            || key.starts_with("RUSTUP_TOOLCHAIN")
            || key.starts_with("RUSTDOC")
            || key == "TRYBUILD"
        {
            cmd.env_remove(key);
        }
    }
    cmd
}

fn version(toolchain: &str) -> Result<String, String> {
    let out = rustup(toolchain, "rustc")
        .arg("-vV")
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "toolchain `{toolchain}` is not installed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string())
}

fn run(toolchain: &str, latest: bool) -> Result<bool, String> {
    let root = freshness::root();
    let pinned_name = pins::toolchain(&root);
    let pinned = version(&pinned_name)?;
    let other = version(toolchain)?;
    let work = root.join("target/drift").join(toolchain);
    let copy = work.join("book");
    let target = work.join("target");
    eprintln!("drift: copying the book to {}", copy.display());
    copy_tree(&root, &copy)?;

    let mut crates = Vec::new();
    if latest {
        unpin(&copy.join("Cargo.toml"))?;
        let status = rustup(toolchain, "cargo")
            .arg("update")
            .current_dir(&copy)
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err("cargo update failed in the copy".into());
        }
        let (old, new) = (pins::locked(&root), pins::locked(&copy));
        for (name, _) in pins::listing_crates(&root) {
            if let (Some(a), Some(b)) = (old.get(&name), new.get(&name))
                && a != b
            {
                crates.push((name, a.clone(), b.clone()));
            }
        }
    }

    let log_path = work.join("test.log");
    eprintln!(
        "drift: cargo +{toolchain} test --no-fail-fast in the copy (log: {})",
        log_path.display()
    );
    let log = std::fs::File::create(&log_path).map_err(|e| e.to_string())?;
    let status = rustup(toolchain, "cargo")
        .args(["test", "--no-fail-fast"])
        .env("TRYBUILD", "overwrite")
        .env("CARGO_TARGET_DIR", &target)
        .current_dir(&copy)
        .stdout(Stdio::from(log.try_clone().map_err(|e| e.to_string())?))
        .stderr(Stdio::from(log))
        .status()
        .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&log_path).map_err(|e| e.to_string())?;
    let mut parsed = drift::parse_log(&text);
    for line in text
        .lines()
        .filter(|l| l.starts_with("error: could not compile"))
    {
        parsed.failed_tests.push(format!("(build) {line}"));
    }
    if !status.success() && parsed.failed_tests.is_empty() && parsed.now_compile.is_empty() {
        parsed.failed_tests.push(format!(
            "(cargo test exited with {status}; see {})",
            log_path.display()
        ));
    }

    let features_not_needed = nightly_without_features(toolchain, &copy, &target)?;
    let report = drift::Report {
        pinned: format!("{pinned} ({pinned_name}, rust-toolchain.toml)"),
        other: format!(
            "{other} ({toolchain}){}",
            if latest {
                ", newest compatible crates"
            } else {
                ""
            }
        ),
        crates,
        log: parsed,
        snapshots: drift::compare_snapshots(&root, &copy),
        features_not_needed,
    };
    let chapters = book::chapters(&root);
    let canaries = canary::load(&root);
    let stems = listing_stems(&root);
    let text = report.render(&chapters, &canaries, &stems);
    std::fs::write(work.join("report.md"), &text).map_err(|e| e.to_string())?;
    println!("{text}");
    eprintln!(
        "drift: report written to {}",
        work.join("report.md").display()
    );
    Ok(report.drifted(&stems))
}

/// The stems of every passing listing (including the nightly ones).
fn listing_stems(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for dir in canary::dirs_named(root, "examples") {
        for e in std::fs::read_dir(root.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".rs") {
                out.push(stem.to_string());
            }
        }
    }
    out
}

/// The nightly listings that build on `toolchain` once their `#![feature(...)]` lines are gone.
fn nightly_without_features(
    toolchain: &str,
    copy: &Path,
    target: &Path,
) -> Result<Vec<String>, String> {
    let dir = copy.join("listings/nightly/examples");
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(found);
    };
    let mut stems = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        if text.contains("#![feature(") {
            let stripped: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("#![feature("))
                .map(|l| format!("{l}\n"))
                .collect();
            std::fs::write(&path, stripped).map_err(|e| e.to_string())?;
            stems.push(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    stems.sort();
    for stem in stems {
        eprintln!("drift: does nightly listing {stem} build on {toolchain} without its feature?");
        let ok = rustup(toolchain, "cargo")
            .args(["build", "--quiet", "--example", &stem, "--manifest-path"])
            .arg(copy.join("listings/nightly/Cargo.toml"))
            .env("CARGO_TARGET_DIR", target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| e.to_string())?
            .success();
        if ok {
            found.push(stem);
        }
    }
    Ok(found)
}

/// Copies the files of `book_tests::worktree::files`.
fn copy_tree(root: &Path, copy: &Path) -> Result<(), String> {
    if copy.exists() {
        std::fs::remove_dir_all(copy).map_err(|e| format!("{}: {e}", copy.display()))?;
    }
    let files = book_tests::worktree::files(root)?;
    for rel in files {
        let from = root.join(&rel);
        if !from.is_file() {
            continue; // deleted in the working tree
        }
        let to = copy.join(&rel);
        std::fs::create_dir_all(to.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    Ok(())
}

/// Lifts `=x.y.z` pins in `[workspace.dependencies]`, so `cargo update` may take newer crates.
fn unpin(manifest: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(manifest).map_err(|e| e.to_string())?;
    let mut in_deps = false;
    let out: String = text
        .lines()
        .map(|l| {
            if l.starts_with('[') {
                in_deps = l.trim() == "[workspace.dependencies]";
            }
            let l = if in_deps {
                l.replace("\"=", "\"")
            } else {
                l.to_string()
            };
            format!("{l}\n")
        })
        .collect();
    std::fs::write(manifest, out).map_err(|e| e.to_string())
}
