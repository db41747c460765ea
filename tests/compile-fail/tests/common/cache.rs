//! The record of failing listings that already failed exactly as their snapshots show, so that a
//! warm `cargo test` does not compile them again (cargo caches a successful build, never a failed
//! one, and every listing here fails on purpose).
//!
//! A listing is skipped only when its key is the one recorded when it last passed. The key is a
//! 128-bit hash of everything the verdict depends on:
//! - the listing's bytes and its snapshot's bytes (a missing snapshot is never recorded);
//! - the compiler: `rustc -vV` as trybuild's cargo would run it (the `RUSTC` it inherits, or
//!   `rustc` under this folder's rust-toolchain.toml), and the bytes of `RUSTC` when it is a file
//!   (tests/skeptic-rustc);
//! - cargo: the `CARGO` path trybuild runs, its size and its modification time;
//! - the dependencies: the workspace's Cargo.lock (every version, trybuild's own too), the root
//!   Cargo.toml (workspace dependencies, features, [patch], profiles, the edition) and the
//!   driver's Cargo.toml and src/lib.rs (its dev-dependencies are the listings' crates, its
//!   edition theirs);
//! - cargo's configuration: every `.cargo/config[.toml]` from the workspace's folder up, and
//!   `$CARGO_HOME/config[.toml]`;
//! - every `RUST*` and `CARGO*` variable of this process (not the ones that only steer libtest
//!   or backtraces), since RUSTFLAGS, CARGO_BUILD_* and their kind reach trybuild's cargo;
//! - this file and the drivers' shared code (a changed harness checks everything again).
//!
//! A failure is never recorded. `TRYBUILD=overwrite` (or `wip`) and trybuild's own `trybuild=`
//! filter bypass the record: trybuild then sees every listing, and nothing is recorded. A listing
//! that reads another file (`include!`, `#[path]`, `mod name;`) is never recorded either, since
//! its key would not cover that file. `BOOK_NO_CACHE=1` turns the record off.
//!
//! The record is one file per listing, `target/compile-fail-cache/<folder>/<name>`, holding the
//! key it last passed with.

use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Cache {
    /// The listings' folder.
    listings: PathBuf,
    /// Where the keys of passed listings are kept.
    stamps: PathBuf,
    /// For messages: the listings' folder relative to the repository.
    folder: String,
    /// The hash of everything but the listing and its snapshot.
    common: [u64; 2],
}

impl Cache {
    /// The record for a trybuild driver of the root workspace (the package at `driver`), checking
    /// `root/folder/*.rs`. `None` when the record must not be used (see the module's doc).
    pub fn new(root: &Path, driver: &Path, folder: &str) -> Option<Cache> {
        if bypassed() {
            return None;
        }
        let rustc = std::env::var_os("RUSTC")
            .map(PathBuf::from)
            .unwrap_or_else(|| "rustc".into());
        let mut inputs = Inputs::default();
        inputs.command(Command::new(&rustc).arg("-vV").current_dir(driver));
        if rustc.components().count() > 1 {
            inputs.file(&rustc); // a wrapper, such as tests/skeptic-rustc
        }
        inputs.cargo();
        inputs.file(&root.join("Cargo.lock"));
        inputs.file(&root.join("Cargo.toml"));
        inputs.file(&driver.join("Cargo.toml"));
        inputs.file(&driver.join("src/lib.rs"));
        inputs.cargo_config(root);
        inputs.environment();
        inputs.text("driver", include_str!("mod.rs"));
        Some(Cache::with(root.join(folder), folder, inputs))
    }

    /// A record for the listings of `listings`, keyed on `inputs` and each listing's own files.
    pub fn with(listings: PathBuf, folder: &str, mut inputs: Inputs) -> Cache {
        inputs.text("cache", include_str!("cache.rs"));
        let stamps = target_dir()
            .join("compile-fail-cache")
            .join(folder.replace('/', "-"));
        Cache {
            listings,
            stamps,
            folder: folder.into(),
            common: inputs.finish(),
        }
    }

    /// The key of listing `stem` as it is now; `None` when it must always be checked (it reads
    /// another file, or has no snapshot).
    pub fn key(&self, stem: &str) -> Option<String> {
        let source = std::fs::read(self.listings.join(format!("{stem}.rs"))).ok()?;
        let snapshot = std::fs::read(self.listings.join(format!("{stem}.stderr"))).ok()?;
        if reads_other_files(&String::from_utf8_lossy(&source)) {
            return None;
        }
        let mut hashers = seeded(self.common);
        for h in &mut hashers {
            for part in [stem.as_bytes(), &source, &snapshot] {
                h.write_usize(part.len());
                h.write(part);
            }
        }
        Some(format!(
            "{:016x}{:016x}",
            hashers[0].finish(),
            hashers[1].finish()
        ))
    }

    /// Did listing `stem` pass with exactly this key?
    pub fn hit(&self, stem: &str, key: Option<&str>) -> bool {
        key.is_some_and(|key| {
            std::fs::read_to_string(self.stamps.join(stem)).is_ok_and(|k| k == key)
        })
    }

    /// Records that listing `stem` passed with `key`.
    pub fn store(&self, stem: &str, key: &str) {
        let _ = std::fs::create_dir_all(&self.stamps);
        let _ = std::fs::write(self.stamps.join(stem), key);
    }

    /// One line on the terminal, past libtest's capture: how many listings were skipped.
    pub fn say(&self, matched: usize, checked: usize) {
        let line = format!(
            "\n{}: {matched} failing listings, {} unchanged since they last failed as shown (record: {}), {checked} checked by trybuild\n",
            self.folder,
            matched - checked,
            self.stamps.display()
        );
        let _ = std::io::stderr().write_all(line.as_bytes());
    }
}

/// What the verdict depends on besides the listing and its snapshot, hashed in order.
#[derive(Default)]
pub struct Inputs {
    parts: Vec<(String, Vec<u8>)>,
}

impl Inputs {
    pub fn text(&mut self, label: &str, text: &str) {
        self.parts.push((label.into(), text.as_bytes().to_vec()));
    }

    /// A file's bytes, or that it is missing.
    pub fn file(&mut self, path: &Path) {
        let bytes = std::fs::read(path).map(|mut b| {
            b.insert(0, b'+');
            b
        });
        self.parts.push((
            path.display().to_string(),
            bytes.unwrap_or_else(|_| b"-".to_vec()),
        ));
    }

    /// A command's status and output (the compiler's version).
    pub fn command(&mut self, cmd: &mut Command) {
        let label = format!("{cmd:?}");
        let out = match cmd.output() {
            Ok(o) => format!(
                "{:?}\n{}\n{}",
                o.status.code(),
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => format!("cannot run: {e}"),
        };
        self.parts.push((label, out.into_bytes()));
    }

    /// The cargo trybuild runs (`CARGO`): its path, size and modification time.
    pub fn cargo(&mut self) {
        let cargo = std::env::var_os("CARGO")
            .map(PathBuf::from)
            .unwrap_or_else(|| "cargo".into());
        let meta = std::fs::metadata(&cargo)
            .ok()
            .map(|m| (m.len(), m.modified().ok()));
        self.parts.push((
            "CARGO".into(),
            format!("{} {meta:?}", cargo.display()).into_bytes(),
        ));
    }

    /// Every cargo configuration file cargo would read for a project under `root`.
    pub fn cargo_config(&mut self, root: &Path) {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        for dir in root.ancestors() {
            self.file(&dir.join(".cargo/config.toml"));
            self.file(&dir.join(".cargo/config"));
        }
        let home = std::env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
        if let Some(home) = home {
            self.file(&home.join("config.toml"));
            self.file(&home.join("config"));
        }
    }

    /// Every `RUST*` and `CARGO*` variable, but those that only steer libtest or backtraces.
    pub fn environment(&mut self) {
        let mut vars: Vec<(String, String)> = std::env::vars_os()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.to_string_lossy().into_owned(),
                )
            })
            .filter(|(k, _)| k.starts_with("RUST") || k.starts_with("CARGO"))
            .filter(|(k, _)| {
                !matches!(
                    k.as_str(),
                    "RUST_BACKTRACE" | "RUST_LIB_BACKTRACE" | "RUST_MIN_STACK"
                ) && !k.starts_with("RUST_TEST_")
            })
            .collect();
        vars.sort();
        for (k, v) in vars {
            self.parts.push((k, v.into_bytes()));
        }
    }

    fn finish(&self) -> [u64; 2] {
        let mut hashers = seeded([0, 1]);
        for h in &mut hashers {
            for (label, bytes) in &self.parts {
                h.write_usize(label.len());
                h.write(label.as_bytes());
                h.write_usize(bytes.len());
                h.write(bytes);
            }
        }
        [hashers[0].finish(), hashers[1].finish()]
    }
}

/// Two independent hashers (128 bits in all), each started from its own seed.
fn seeded(seeds: [u64; 2]) -> [std::hash::DefaultHasher; 2] {
    seeds.map(|s| {
        let mut h = std::hash::DefaultHasher::new();
        h.write_u64(s);
        h
    })
}

/// TRYBUILD set (overwrite or wip), a `trybuild=` filter on the command line, or BOOK_NO_CACHE.
pub fn bypassed() -> bool {
    std::env::var_os("TRYBUILD").is_some()
        || std::env::var_os("BOOK_NO_CACHE").is_some_and(|v| v != "0")
        || std::env::args().any(|a| a.starts_with("trybuild="))
}

/// Does this source read another file when compiled?
fn reads_other_files(source: &str) -> bool {
    source.contains("include!")
        || source.contains("include_str!")
        || source.contains("include_bytes!")
        || source.contains("#[path")
        || source.lines().any(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            l.starts_with("mod ") && l.trim_end().ends_with(';')
        })
}

/// The target folder this test binary was built in (target/debug/deps/NAME → target).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    exe.ancestors()
        .nth(3)
        .expect("a test binary lives in target/debug/deps")
        .to_path_buf()
}
