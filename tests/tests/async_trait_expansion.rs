//! The chapter "The async_trait macro" shows a hand-trimmed expansion of the `Store` listing
//! (listings/examples/async_trait_macro_expanded.rs). This test has the pinned macro expand the
//! original (listings/examples/async_trait_macro_store.rs, up to the end of its `source` anchor)
//! and checks that the chapter still tells the truth about the parts that matter: each method's
//! whole signature (lifetimes, the `Pin<Box<dyn Future<Output = ..> + Send + 'async_trait>>`
//! return type, the where-clause with or without `Self: Sync`), and each body's shape,
//! `Box::pin(async move { .. })` with the arguments it moves in. An async-trait upgrade that
//! changes any of them fails here with a diff: edit the trimmed listing to match, and the prose.
//!
//! Why `RUSTC_BOOTSTRAP=1`: a proc macro's output can only be seen through the compiler, and the
//! only compiler flag that prints it, `-Zunpretty=expanded`, is unstable (its stabilization is
//! rust-lang/rust#43364, still open). `RUSTC_BOOTSTRAP=1` lets the pinned stable rustc accept it,
//! as cargo-expand does on stable (dtolnay/cargo-expand#183), so the test needs no nightly
//! toolchain. It is set for this one rustc call only, which prints the expanded source and
//! compiles nothing: about 50 ms. The original is expanded only up to the end of its `source`
//! anchor, so nothing but the async_trait proc macro has to be passed to rustc.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const ORIGINAL: &str = "listings/examples/async_trait_macro_store.rs";
const TRIMMED: &str = "listings/examples/async_trait_macro_expanded.rs";

#[test]
fn trimmed_expansion_matches_the_macro() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let expanded = expand(&root);
    let macro_view = describe(&expanded, "the macro's expansion");
    let trimmed = fs::read_to_string(root.join(TRIMMED)).unwrap();
    let listing_view = describe(&trimmed, TRIMMED);
    if macro_view != listing_view {
        panic!(
            "\n{TRIMMED} no longer matches what async-trait {} generates for {ORIGINAL}.\n\
             `-` is the macro's output, `+` the listing:\n\n{}\n",
            async_trait_version(&root),
            diff(&macro_view, &listing_view)
        );
    }
}

/// The original listing's source up to the end of its `source` anchor (its `use` line, the trait
/// and the impl; its `main` needs tokio), expanded by the async_trait proc macro we build with.
fn expand(root: &Path) -> String {
    let original = fs::read_to_string(root.join(ORIGINAL)).unwrap();
    let end = original.find("// ANCHOR_END: source").expect("the original listing has a `source` anchor");
    let source: String = original[..end].lines().filter(|l| !l.trim_start().starts_with("// ANCHOR")).map(|l| format!("{l}\n")).collect();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("async_trait_expansion");
    fs::create_dir_all(&dir).unwrap();
    let input = dir.join("store.rs");
    fs::write(&input, source).unwrap();

    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["--edition", "2024", "--crate-type", "lib", "--crate-name", "store", "-Zunpretty=expanded"])
        .arg("--extern")
        .arg(format!("async_trait={}", proc_macro_library(root).display()))
        .arg(&input)
        .output()
        .expect("rustc runs");
    assert!(out.status.success(), "rustc could not expand {ORIGINAL}:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The version of async-trait in Cargo.lock (the workspace pins exactly one).
fn async_trait_version(root: &Path) -> String {
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let versions: Vec<&str> = lock
        .split("[[package]]")
        .filter(|p| p.contains("name = \"async-trait\"\n"))
        .filter_map(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")?.strip_suffix('"')))
        .collect();
    match versions.as_slice() {
        [one] => one.to_string(),
        other => panic!("expected one async-trait in Cargo.lock, found {other:?}"),
    }
}

/// The async_trait proc-macro library cargo built for this test (a dev-dependency of this
/// crate): the newest in the deps folder whose dep-info names the locked version's sources.
fn proc_macro_library(root: &Path) -> PathBuf {
    let version = async_trait_version(root);
    let deps = std::env::current_exe().unwrap().parent().unwrap().to_path_buf();
    let (prefix, suffix) = (std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&deps)
        .unwrap()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let hash = name.strip_prefix(&format!("{prefix}async_trait-"))?.strip_suffix(suffix)?.to_string();
            let dep_info = fs::read_to_string(deps.join(format!("async_trait-{hash}.d"))).ok()?;
            let ours = dep_info.contains(&format!("async-trait-{version}{}src", std::path::MAIN_SEPARATOR));
            if !ours {
                return None;
            }
            Some((entry.metadata().ok()?.modified().ok()?, entry.path()))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, path)| path).unwrap_or_else(|| panic!("no async_trait {version} proc macro in {}", deps.display()))
}

/// One line per method of `trait Store` and `impl Store for Memory`: its signature, then the
/// shape of its body. Attributes, comments and the body's statements are left out.
fn describe(source: &str, what: &str) -> Vec<String> {
    let tokens = normalize(tokenize(source));
    let mut lines = Vec::new();
    for header in [&["trait", "Store"][..], &["impl", "Store", "for", "Memory"][..]] {
        let start = (0..tokens.len())
            .find(|&i| tokens[i..].starts_with(&header.iter().map(|s| s.to_string()).collect::<Vec<_>>()))
            .unwrap_or_else(|| panic!("`{}` not found in {what}", header.join(" ")));
        let open = start + tokens[start..].iter().position(|t| t == "{").unwrap();
        let close = matching(&tokens, open);
        let mut i = open + 1;
        while i < close {
            if tokens[i] == "{" {
                i = matching(&tokens, i) + 1;
                continue;
            }
            if tokens[i] != "fn" {
                i += 1;
                continue;
            }
            let end = i + tokens[i..].iter().position(|t| t == "{" || t == ";").unwrap();
            let sig = tokens[i..end].to_vec();
            lines.push(format!("{}: {}", header.join(" "), join(&sig)));
            if tokens[end] == "{" {
                let body_end = matching(&tokens, end);
                lines.push(format!("    body: {}", body_shape(&tokens[end + 1..body_end])));
                i = body_end + 1;
            } else {
                lines.push("    no body".into());
                i = end + 1;
            }
        }
    }
    lines
}

/// `Box::pin(async move { let a = a; .. })`: how the body starts, and the `let x = y;`
/// statements that move the receiver and the arguments into the async block.
fn body_shape(body: &[String]) -> String {
    let head: Vec<String> = body.iter().take(7).cloned().collect();
    let is_ident = |t: &String| t.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_');
    let moves: Vec<String> = body
        .windows(5)
        .filter(|w| w[0] == "let" && is_ident(&w[1]) && w[2] == "=" && is_ident(&w[3]) && w[4] == ";")
        .map(join)
        .collect();
    format!("{} {} .. }})", join(&head), moves.join(" "))
}

fn matching(tokens: &[String], open: usize) -> usize {
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        match t.as_str() {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced braces")
}

/// Rust tokens, enough for these two files: identifiers, lifetimes, literals, `::`, `->` and
/// single punctuation; comments dropped.
fn tokenize(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let word = |j: usize| chars.get(j).is_some_and(|c| c.is_alphanumeric() || *c == '_');
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        } else if word(i) {
            while word(i) {
                i += 1;
            }
        } else if c == '\'' && word(i + 1) && chars.get(i + 2) != Some(&'\'') {
            i += 1;
            while word(i) {
                i += 1;
            }
        } else if c == '"' || c == '\'' {
            i += 1;
            while i < chars.len() && chars[i] != c {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if (c == ':' && chars.get(i + 1) == Some(&':')) || (c == '-' && chars.get(i + 1) == Some(&'>')) {
            i += 2;
        } else {
            i += 1;
        }
        tokens.push(chars[start..i].iter().collect());
    }
    tokens
}

/// Paths as the listing writes them (`::core::pin::Pin` is `Pin`, `::core::marker::Send` is
/// `Send`), and no trailing commas (rustfmt writes them, the pretty-printer does not).
fn normalize(tokens: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i] == "::" && tokens.get(i + 1).is_some_and(|t| t == "core") && tokens.get(i + 4).is_some_and(|t| t == "::") {
            i += 5;
            continue;
        }
        if tokens[i] == "," && tokens.get(i + 1).is_some_and(|t| matches!(t.as_str(), ")" | ">" | "]" | "}" | "{" | ";")) {
            i += 1;
            continue;
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

/// Tokens back to readable text: `fn get<'a>(&'a self) -> Pin<Box<dyn Future + Send>>`.
fn join(tokens: &[String]) -> String {
    let mut s = String::new();
    let mut prev: Option<&str> = None;
    for t in tokens {
        let tight_after = matches!(prev, Some("(" | "<" | "&" | "::") | None);
        let tight_before = matches!(t.as_str(), "," | ";" | ":" | ")" | ">" | "(" | "<" | "::");
        if !tight_after && !tight_before {
            s.push(' ');
        }
        s.push_str(t);
        prev = Some(t);
    }
    s
}

/// A line diff (longest common subsequence): `-` only in `a`, `+` only in `b`.
fn diff(a: &[String], b: &[String]) -> String {
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(format!("  {}", a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(format!("- {}", a[i]));
            i += 1;
        } else {
            out.push(format!("+ {}", b[j]));
            j += 1;
        }
    }
    out.join("\n")
}

/// The checker itself: it must see a difference where there is one.
#[test]
fn a_changed_signature_is_reported() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let trimmed = fs::read_to_string(root.join(TRIMMED)).unwrap();
    let edited = trimmed.replacen("Self: Sync + 'async_trait", "Self: 'async_trait", 1);
    assert!(edited != trimmed, "{TRIMMED} no longer has the bound this test removes");
    let (before, after) = (describe(&trimmed, TRIMMED), describe(&edited, "edited"));
    assert_ne!(before, after);
    assert!(diff(&before, &after).contains("- trait Store: fn get_or<"), "{}", diff(&before, &after));
}
