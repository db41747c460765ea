//! Listings that cannot live in the root workspace build in a workspace of their own
//! (listings/nightly: a nightly toolchain; listings/send-guard: a crate feature the other listings
//! must not get). The harness builds them with a nested `cargo --manifest-path`, into a target
//! folder of their own, so their dependencies never sit beside the ones skeptic hands to rustc.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `cargo` (or `rustup run TOOLCHAIN cargo`), with the variables the outer `cargo test` set for
/// this process removed: they describe the root workspace and its compiler, not this one.
pub fn cargo(toolchain: Option<&str>, target: &Path) -> Command {
    let mut cmd = match toolchain {
        Some(t) => {
            let mut c = Command::new("rustup");
            c.args(["run", t, "cargo"]);
            c
        }
        None => Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())),
    };
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy().into_owned();
        if key.starts_with("CARGO")
            || key.starts_with("RUSTUP_TOOLCHAIN")
            || key.starts_with("RUSTC")
            || key.starts_with("RUSTDOC")
        {
            cmd.env_remove(key);
        }
    }
    // Not `--target-dir`: trybuild asks cargo where the target folder is, and sees only this.
    cmd.env("CARGO_TARGET_DIR", target);
    cmd
}

/// The `.rs` files of `dir`, by name without the extension, sorted.
pub fn listing_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "rs"))
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Builds the examples of the workspace at `manifest` (`--locked`: its Cargo.lock is part of the
/// claim), then runs each; returns the first failure as a message naming the listing.
pub fn build_and_run_examples(
    toolchain: Option<&str>,
    manifest: &Path,
    target: &Path,
    examples: &Path,
) -> Result<Vec<String>, String> {
    let build = cargo(toolchain, target)
        .args([
            "build",
            "--quiet",
            "--locked",
            "--examples",
            "--manifest-path",
        ])
        .arg(manifest)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !build.status.success() {
        return Err(format!(
            "{} fails to build:\n{}",
            manifest.display(),
            String::from_utf8_lossy(&build.stderr)
        ));
    }
    let names = listing_names(examples);
    for name in &names {
        let bin: PathBuf = target.join("debug/examples").join(name);
        let run = Command::new(&bin)
            .output()
            .map_err(|e| format!("{}: {e}", bin.display()))?;
        if !run.status.success() {
            return Err(format!(
                "{}/{name}.rs failed when run:\n{}",
                examples.display(),
                String::from_utf8_lossy(&run.stderr)
            ));
        }
    }
    Ok(names)
}

/// The target folder for the workspace named `name`: beside the root workspace's, under the
/// `CARGO_TARGET_DIR` the outer `cargo test` was given, or under `target/`.
pub fn target_dir(name: &str) -> PathBuf {
    let base = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::load::root().join("target"));
    base.join(name)
}

/// stdout and stderr of a finished command, for a failure message.
pub fn both(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
