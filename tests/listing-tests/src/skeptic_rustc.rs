//! The RUSTC that skeptic's snippets are compiled with: `.cargo/config.toml` sets RUSTC to
//! tests/skeptic-rustc for the test processes, which starts this program for a snippet
//! (`…/rust-skeptic*/test.rs`) and plain rustc for anything else.
//!
//! For a snippet it does four things:
//!  1. Edition: skeptic passes --edition=2021 (it knows no later one, and the same for every
//!     block). The block's own edition is used instead: 2024, or what the block's
//!     `// book-settings: edition=2021` line says (`Chapter::skeptic_copy` writes it for ```rust,edition2021).
//!  2. Lines: errors and panics name the listing's file and line (see `remap` below).
//!  3. Cache: a snippet's executable is kept under target/skeptic-cache, keyed by everything the
//!     compilation reads: the snippet (as compiled); every argument (the temporary folder's name
//!     taken out), but of the --extern ones only those of libraries the snippet names (see
//!     `key`); the size and date of each of those libraries; the compiler (its `rustc -vV`, the
//!     size and date of its binary, and RUSTC_BOOTSTRAP, which lets it take nightly features).
//!     Any change to any of them is a miss, and the snippet is compiled again. The executable
//!     is still run on every `cargo test`; only an unchanged compilation is skipped.
//!     SKEPTIC_NO_CACHE=1 turns the cache off. Entries unused for a week are deleted.
//!     SKEPTIC_RUSTC_LOG=FILE appends one line per snippet to FILE: `hit` or `miss`, the key,
//!     the listing.
//!  4. Output: for a block shown with its output (`// book-settings: stdout=PATH`), the
//!     executable skeptic runs is tests/listing-output around the compiled one, which compares
//!     what it prints with PATH.
//!
//! On a hit it starts no other process: the compiler's version was asked once, by build.rs
//! (when cargo built this program with that compiler), and is compiled in.

use std::collections::HashSet;
use std::env;
use std::ffi::OsString;
use std::fs;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, SystemTime};

/// `rustc -vV` of the compiler below, asked by build.rs.
const RUSTC_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/rustc-version"));
/// The compiler cargo builds this package with (build.rs's RUSTC): the one that compiles the
/// snippets too, so that the version above is theirs.
const RUSTC: &str = env!("SKEPTIC_REAL_RUSTC");
/// The book's root: where tests/skeptic-rustc says, else the checkout this was built from.
fn root() -> std::io::Result<PathBuf> {
    let root = env::var_os("SKEPTIC_BOOK_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."));
    fs::canonicalize(root)
}

fn main() -> ExitCode {
    let args: Vec<OsString> = env::args_os().skip(1).collect();
    let snippet = match args.first().and_then(|a| a.to_str()) {
        Some(a) if a.ends_with("/test.rs") && a.contains("/rust-skeptic") => PathBuf::from(a),
        // Not a snippet: plain rustc.
        _ => {
            let err = Command::new(RUSTC).args(&args).exec();
            eprintln!("skeptic-rustc: cannot run {RUSTC}: {err}");
            return ExitCode::FAILURE;
        }
    };
    match run(&snippet, &args[1..]) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("skeptic-rustc: {}: {e}", snippet.display());
            ExitCode::FAILURE
        }
    }
}

fn run(snippet: &Path, rest: &[OsString]) -> std::io::Result<ExitCode> {
    let tmp = snippet.parent().unwrap();
    let text = fs::read_to_string(snippet)?;
    let settings = text
        .lines()
        .find(|l| l.starts_with("// book-settings:"))
        .unwrap_or("");
    let setting = |name: &str| {
        settings
            .split_whitespace()
            .find_map(|w| w.strip_prefix(name)?.strip_prefix('='))
            .map(str::to_owned)
    };
    let edition = setting("edition").unwrap_or_else(|| "2024".into());
    let stdout = setting("stdout");

    let mut args: Vec<String> = Vec::with_capacity(rest.len() + 5);
    let (mut out, mut profile_dir) = (None::<PathBuf>, None::<PathBuf>);
    let mut prev = "";
    for a in rest {
        let a = a
            .to_str()
            .ok_or_else(|| std::io::Error::other("an argument is not UTF-8"))?;
        let a = if a.starts_with("--edition=") {
            format!("--edition={edition}")
        } else {
            a.to_owned()
        };
        match prev {
            "-o" => out = Some(PathBuf::from(&a)),
            "-L" if profile_dir.is_none() => profile_dir = Some(PathBuf::from(&a)),
            _ => {}
        }
        args.push(a);
        prev = args.last().unwrap();
    }
    // No debug info in snippets: they link faster and a cached one takes a third of the space.
    args.extend(["-C", "debuginfo=0", "-C", "strip=debuginfo"].map(String::from));

    // Where the block comes from (see `remap`): compiled from a copy with each line at its line
    // of the listing, under the listing's name.
    let (source_text, listing) = match remap(&text) {
        Some((listing, source)) => (source, Some(listing)),
        None => (text.clone(), None),
    };
    let source = match &listing {
        Some(listing) => {
            let source = tmp.join("listing.rs");
            args.push(format!(
                "--remap-path-prefix={}={listing}",
                source.display()
            ));
            source
        }
        None => snippet.to_path_buf(),
    };

    let cache = match (&out, &profile_dir) {
        (Some(_), Some(dir)) if env::var_os("SKEPTIC_NO_CACHE").is_none() => {
            Some(dir.join("../skeptic-cache"))
        }
        _ => None,
    };
    let Some(cache) = cache else {
        if listing.is_some() {
            fs::write(&source, &source_text)?;
        }
        if !compile(&source, &args, listing.as_deref())? {
            return Ok(ExitCode::FAILURE);
        }
        if let (Some(out), Some(stdout)) = (&out, &stdout) {
            with_output_check(out, stdout)?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let out = out.unwrap();

    // RUSTC_BOOTSTRAP lets a stable compiler take nightly features: the same compiler as far as
    // the key is concerned only with the same value.
    let bootstrap = env::var("RUSTC_BOOTSTRAP").ok();
    let version = format!("{RUSTC_VERSION}RUSTC_BOOTSTRAP={bootstrap:?}\n");
    let key = key(
        &source_text,
        &args,
        &tmp.to_string_lossy(),
        &text,
        (&version, RUSTC),
    )?;
    let entry = cache.join(&key);
    let hit = entry.is_file();
    log(hit, &key, listing.as_deref().unwrap_or("(inline block)"));
    if hit {
        // Recently used: kept by the pruning below.
        // (Opened to read: another test may be running this very file, which cannot be
        // opened to write meanwhile.)
        let _ = fs::File::open(&entry).and_then(|f| f.set_modified(SystemTime::now()));
        // The same file under skeptic's name (no copy: entries are never written again). Not
        // over a file that is there already: that could be this entry, and copying a file
        // onto itself empties it.
        let _ = fs::remove_file(&out);
        if fs::hard_link(&entry, &out).is_err() {
            fs::copy(&entry, &out)?;
        }
    } else {
        fs::create_dir_all(&cache)?;
        prune(&cache);
        if listing.is_some() {
            fs::write(&source, &source_text)?;
        }
        if !compile(&source, &args, listing.as_deref())? {
            return Ok(ExitCode::FAILURE);
        }
        // Beside the entry, then renamed: a concurrent reader never sees half a file.
        let part = cache.join(format!("{key}.{}", std::process::id()));
        if fs::hard_link(&out, &part).is_err() {
            fs::copy(&out, &part)?;
        }
        fs::rename(&part, &entry)?;
    }
    if let Some(stdout) = &stdout {
        with_output_check(&out, stdout)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `Chapter::skeptic_copy` ends each block with
///   `// book-lines: listings/examples/NAME.rs L1 L2 ...`
/// (for each line of the block, its line in the listing; 0 for none). Returns the listing and
/// the block with each line at that line (blank lines between), so that compile errors and
/// panics name `listings/examples/NAME.rs:LINE`, whatever the include left out.
fn remap(text: &str) -> Option<(String, String)> {
    let marker = text.lines().last()?.strip_prefix("// book-lines: ")?;
    if !marker.starts_with("listings/") {
        return None;
    }
    let mut words = marker.split_whitespace();
    let listing = words.next()?.to_owned();
    let map: Vec<usize> = words.map(|w| w.parse().unwrap_or(0)).collect();
    let mut source = String::with_capacity(text.len() + 64);
    let mut at = 0;
    // Line 1 of test.rs is the blank line skeptic puts before the code; the marker is dropped.
    for (k, line) in text.lines().skip(1).enumerate() {
        let Some(&target) = map.get(k) else { break };
        while target > 0 && at + 1 < target {
            source.push('\n');
            at += 1;
        }
        source.push_str(line);
        source.push('\n');
        at += 1;
    }
    Some((listing, source))
}

/// 128 bits over everything the compilation reads (see the top of this file). `compiler` is
/// its `rustc -vV` and the path of its binary.
fn key(
    source: &str,
    args: &[String],
    tmp: &str,
    snippet: &str,
    compiler: (&str, &str),
) -> std::io::Result<String> {
    // The libraries named by --extern (name=/path/lib*.rlib|rmeta|so) whose name the snippet
    // mentions: rustc loads no other (their own dependencies are rebuilt with them, so a change
    // there changes their date too). Not the -L folders, whose date moves whenever cargo writes
    // into them. The other --extern arguments are left out of the key too: skeptic passes one
    // for every crate in target/, and picks among several builds of a crate the snippets never
    // load (a build dependency, say) by date, so they change when other packages are built.
    let words: HashSet<&str> = snippet
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    let library = |a: &str| -> Option<(bool, usize)> {
        let (name, path) = a.split_once("=/")?;
        let known = [".rlib", ".rmeta", ".so"]
            .iter()
            .any(|ext| path.ends_with(ext));
        (known && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .then(|| (words.contains(name), name.len() + 1))
    };
    let mut externs: Vec<&str> = Vec::new();
    let mut kept: Vec<String> = Vec::with_capacity(args.len());
    for (i, a) in args.iter().enumerate() {
        match library(a) {
            Some((true, at)) => externs.push(&a[at..]),
            Some((false, _)) => continue,
            None if a == "--extern"
                && args
                    .get(i + 1)
                    .and_then(|n| library(n))
                    .is_some_and(|(named, _)| !named) =>
            {
                continue;
            }
            None => {}
        }
        kept.push(a.replace(tmp, "TMP"));
    }
    externs.sort_unstable();
    externs.dedup();
    let (version, rustc_path) = compiler;
    let rustc = fs::metadata(rustc_path)?;
    let mut stamps = Vec::with_capacity(externs.len());
    for path in &externs {
        // One that is not there: rustc will say so.
        let meta = fs::metadata(path)
            .map(|m| (m.size(), m.mtime(), m.mtime_nsec()))
            .unwrap_or_default();
        stamps.push((path, meta));
    }
    let hash = |salt: u8| {
        let mut h = DefaultHasher::new();
        (
            salt,
            source,
            &kept,
            version,
            rustc_path,
            rustc.size(),
            rustc.mtime(),
            rustc.mtime_nsec(),
            &stamps,
        )
            .hash(&mut h);
        h.finish()
    };
    Ok(format!("{:016x}{:016x}", hash(0), hash(1)))
}

/// Compiles `source`; on an error, says which listing the block is.
fn compile(source: &Path, args: &[String], listing: Option<&str>) -> std::io::Result<bool> {
    let status = Command::new(RUSTC).arg(source).args(args).status()?;
    if let (false, Some(listing)) = (status.success(), listing) {
        eprintln!("(this block is {listing}, as the chapter shows it)");
    }
    Ok(status.success())
}

/// What skeptic runs, for a block shown with its output: the check around the program.
fn with_output_check(out: &Path, stdout: &str) -> std::io::Result<()> {
    let bin = out.with_file_name(format!(
        "{}.bin",
        out.file_name().unwrap().to_string_lossy()
    ));
    fs::rename(out, &bin)?;
    let root = root()?;
    let script = format!(
        "#!/bin/sh\nexec \"{}\" \"$0.bin\" \"{}\"\n",
        root.join("tests/listing-output").display(),
        root.join(stdout).display()
    );
    fs::write(out, script)?;
    fs::set_permissions(out, fs::Permissions::from_mode(0o755))
}

/// Entries no run has used for a week belong to blocks that changed or are gone.
fn prune(cache: &Path) {
    let week_ago = SystemTime::now() - Duration::from_secs(7 * 24 * 3600);
    for entry in fs::read_dir(cache).into_iter().flatten().flatten() {
        if entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|m| m < week_ago)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn log(hit: bool, key: &str, listing: &str) {
    let Some(file) = env::var_os("SKEPTIC_RUSTC_LOG") else {
        return;
    };
    if let Ok(mut f) = fs::File::options().create(true).append(true).open(file) {
        // One write, so that lines of tests running at once do not interleave.
        let _ = f.write_all(
            format!("{} {key} {listing}\n", if hit { "hit" } else { "miss" }).as_bytes(),
        );
    }
}

/// Checks of the cache key and of the line map. tests/listings.rs runs them (`ALL`) beside the
/// listings; the program itself does not.
#[allow(dead_code)]
pub mod checks {
    use super::*;

    pub const ALL: &[(&str, fn())] = &[
        (
            "the_key_changes_with_everything_the_compilation_reads",
            the_key_changes_with_everything_the_compilation_reads,
        ),
        (
            "a_library_the_block_does_not_name_is_not_part_of_its_key",
            a_library_the_block_does_not_name_is_not_part_of_its_key,
        ),
        (
            "lines_land_on_their_line_of_the_listing",
            lines_land_on_their_line_of_the_listing,
        ),
    ];

    /// A scratch folder with a fake compiler and two fake libraries.
    struct Scratch {
        dir: PathBuf,
    }

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir =
                env::temp_dir().join(format!("skeptic-rustc-test-{name}-{}", std::process::id()));
            fs::create_dir_all(&dir).unwrap();
            for file in ["rustc", "libtokio-1.rlib", "librand-2.rlib"] {
                fs::write(dir.join(file), file).unwrap();
            }
            Scratch { dir }
        }
        fn path(&self, file: &str) -> String {
            self.dir.join(file).to_string_lossy().into_owned()
        }
        /// Dates a file as if it had been rebuilt `secs` seconds after the epoch.
        fn redate(&self, file: &str, secs: u64) {
            let f = fs::File::open(self.dir.join(file)).unwrap();
            f.set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
                .unwrap();
        }
        fn args(&self, tmp: &str) -> Vec<String> {
            vec![
                "--edition=2024".into(),
                "-o".into(),
                format!("{tmp}/out.exe"),
                "--extern".into(),
                format!("tokio={}", self.path("libtokio-1.rlib")),
                "--extern".into(),
                format!("rand={}", self.path("librand-2.rlib")),
            ]
        }
        fn key(&self, source: &str, tmp: &str, version: &str) -> String {
            let rustc = self.path("rustc");
            key(source, &self.args(tmp), tmp, source, (version, &rustc)).unwrap()
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }

    const BLOCK: &str = "fn main() { tokio::spawn(async {}); }";

    fn the_key_changes_with_everything_the_compilation_reads() {
        let s = Scratch::new("reads");
        let base = s.key(BLOCK, "/tmp/rust-skeptic1", "rustc 1.95.0");
        // The same compilation in another temporary folder: the same key.
        assert_eq!(base, s.key(BLOCK, "/tmp/rust-skeptic2", "rustc 1.95.0"));
        // The block.
        assert_ne!(
            base,
            s.key(
                "fn main() { tokio::spawn(async { 1 }); }",
                "/tmp/rust-skeptic1",
                "rustc 1.95.0"
            )
        );
        // The compiler's version, and its binary.
        assert_ne!(base, s.key(BLOCK, "/tmp/rust-skeptic1", "rustc 1.96.0"));
        s.redate("rustc", 1000);
        let new_compiler = s.key(BLOCK, "/tmp/rust-skeptic1", "rustc 1.95.0");
        assert_ne!(base, new_compiler);
        // A library the block uses.
        s.redate("libtokio-1.rlib", 1000);
        assert_ne!(
            new_compiler,
            s.key(BLOCK, "/tmp/rust-skeptic1", "rustc 1.95.0")
        );
        // An argument.
        let rustc = s.path("rustc");
        let mut args = s.args("/tmp/rust-skeptic1");
        args.push("-Copt-level=1".into());
        assert_ne!(
            s.key(BLOCK, "/tmp/rust-skeptic1", "rustc 1.95.0"),
            key(
                BLOCK,
                &args,
                "/tmp/rust-skeptic1",
                BLOCK,
                ("rustc 1.95.0", &rustc)
            )
            .unwrap()
        );
    }

    fn a_library_the_block_does_not_name_is_not_part_of_its_key() {
        let s = Scratch::new("unnamed");
        let base = s.key(BLOCK, "/tmp/rust-skeptic1", "rustc 1.95.0");
        s.redate("librand-2.rlib", 1000);
        assert_eq!(base, s.key(BLOCK, "/tmp/rust-skeptic1", "rustc 1.95.0"));
        // Another build of it, or none at all: the same key.
        let rustc = s.path("rustc");
        let mut args = s.args("/tmp/rust-skeptic1");
        args[6] = format!("rand={}", s.path("librand-3.rlib"));
        let compiler = ("rustc 1.95.0", rustc.as_str());
        assert_eq!(
            base,
            key(BLOCK, &args, "/tmp/rust-skeptic1", BLOCK, compiler).unwrap()
        );
        args.truncate(5);
        assert_eq!(
            base,
            key(BLOCK, &args, "/tmp/rust-skeptic1", BLOCK, compiler).unwrap()
        );
        // Named, it is part of the key.
        let named = "fn main() { tokio::spawn(async {}); let _ = rand::random::<u8>(); }";
        let with_rand = s.key(named, "/tmp/rust-skeptic1", "rustc 1.95.0");
        s.redate("librand-2.rlib", 2000);
        assert_ne!(
            with_rand,
            s.key(named, "/tmp/rust-skeptic1", "rustc 1.95.0")
        );
    }

    fn lines_land_on_their_line_of_the_listing() {
        let snippet = "\nuse a;\nfn main() {}\n// book-lines: listings/examples/x.rs 2 5\n";
        let (listing, source) = remap(snippet).unwrap();
        assert_eq!(listing, "listings/examples/x.rs");
        assert_eq!(source, "\nuse a;\n\n\nfn main() {}\n");
        assert_eq!(remap("\nfn main() {}\n// book-lines: none\n"), None);
    }
}
