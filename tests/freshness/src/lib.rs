//! How the book notices that it has gone stale.
//!
//! - [`stamp`]: each page says which compiler and crate versions its listings were checked with,
//!   and when; `cargo test` fails when a stamp no longer matches `rust-toolchain.toml` and
//!   `Cargo.lock`.
//! - [`canary`]: every statement that depends on something that can change (an open compiler
//!   bug, an unstable feature, a crate's behaviour) is tied to a listing whose verdict flips when
//!   it changes, and to the section that must then be rewritten.
//! - [`drift`]: the drift run (`cargo run -p freshness --bin drift -- TOOLCHAIN`) runs the whole
//!   suite under another toolchain on a copy of the book and reports what changed.

pub mod book;
pub mod canary;
pub mod drift;
pub mod pins;
pub mod stamp;

use std::path::PathBuf;

/// The repository's root (this crate lives in `tests/freshness`).
pub fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent()
        .and_then(|p| p.parent())
        .expect("tests/freshness is two levels down")
        .to_path_buf()
}

/// Reads a file, or panics naming it.
pub fn read(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
