//! The chapter "The async_trait macro" shows a hand-trimmed expansion of the `Store` listing
//! (listings/examples/async_trait_macro_expanded.rs). This test has the pinned macro expand the
//! original (listings/examples/async_trait_macro_store.rs, up to the end of its `source` anchor)
//! and compares the whole of `trait Store { .. }` and `impl Store for Memory { .. }`, token by
//! token, with the listing. Only what the listing's own header says it trims is trimmed from the
//! macro's output before comparing (`trim`):
//! - attributes (`#[allow(...)]`);
//! - the type-inference guard at the top of each body,
//!   `if let Option::Some(__ret) = Option::None::<T> { return __ret; }`, and the
//!   `let __ret: T = { body }; __ret` around the body, which the listing writes as `body`;
//! - paths written as the listing writes them (`::core::pin::Pin` is `Pin`), and no trailing
//!   commas (rustfmt writes them, the pretty-printer does not). Comments are not compared.
//!
//! Any other difference (a signature, a bound, a statement of a body) fails with a diff: edit the
//! trimmed listing to match, and the prose.
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
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let expanded = expand(&root);
    let macro_view = view(
        &trim(normalize(tokenize(&expanded))),
        "the macro's expansion",
    );
    let trimmed = fs::read_to_string(root.join(TRIMMED)).unwrap();
    let listing_view = view(&normalize(tokenize(&trimmed)), TRIMMED);
    if macro_view != listing_view {
        panic!(
            "\n{TRIMMED} no longer matches what async-trait {} generates for {ORIGINAL}.\n\
             `-` is the macro's output (trimmed as tests/tests/async_trait_expansion.rs says), `+` the listing:\n\n{}\n",
            async_trait_version(&root),
            diff(&macro_view, &listing_view)
        );
    }
}

/// The original listing's source up to the end of its `source` anchor (its `use` line, the trait
/// and the impl; its `main` needs tokio), expanded by the async_trait proc macro we build with.
fn expand(root: &Path) -> String {
    let original = fs::read_to_string(root.join(ORIGINAL)).unwrap();
    let end = original
        .find("// ANCHOR_END: source")
        .expect("the original listing has a `source` anchor");
    let source: String = original[..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("// ANCHOR"))
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("async_trait_expansion");
    fs::create_dir_all(&dir).unwrap();
    let input = dir.join("store.rs");
    fs::write(&input, source).unwrap();

    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc)
        .env("RUSTC_BOOTSTRAP", "1")
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--crate-name",
            "store",
            "-Zunpretty=expanded",
        ])
        .arg("--extern")
        .arg(format!(
            "async_trait={}",
            proc_macro_library(root).display()
        ))
        .arg(&input)
        .output()
        .expect("rustc runs");
    assert!(
        out.status.success(),
        "rustc could not expand {ORIGINAL}:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The version of async-trait in Cargo.lock (the workspace pins exactly one).
fn async_trait_version(root: &Path) -> String {
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let versions: Vec<&str> = lock
        .split("[[package]]")
        .filter(|p| p.contains("name = \"async-trait\"\n"))
        .filter_map(|p| {
            p.lines()
                .find_map(|l| l.strip_prefix("version = \"")?.strip_suffix('"'))
        })
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
    let deps = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let (prefix, suffix) = (std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&deps)
        .unwrap()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let hash = name
                .strip_prefix(&format!("{prefix}async_trait-"))?
                .strip_suffix(suffix)?
                .to_string();
            let dep_info = fs::read_to_string(deps.join(format!("async_trait-{hash}.d"))).ok()?;
            let ours = dep_info.contains(&format!(
                "async-trait-{version}{}src",
                std::path::MAIN_SEPARATOR
            ));
            if !ours {
                return None;
            }
            Some((entry.metadata().ok()?.modified().ok()?, entry.path()))
        })
        .collect();
    found.sort();
    found
        .pop()
        .map(|(_, path)| path)
        .unwrap_or_else(|| panic!("no async_trait {version} proc macro in {}", deps.display()))
}

/// `trait Store { .. }` and `impl Store for Memory { .. }`, whole, one statement or brace per
/// line (so a difference shows as a line of the diff).
fn view(tokens: &[String], what: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for header in [
        &["trait", "Store"][..],
        &["impl", "Store", "for", "Memory"][..],
    ] {
        let start = (0..tokens.len())
            .find(|&i| {
                tokens[i..].iter().zip(header).all(|(t, h)| t == h)
                    && tokens.len() - i >= header.len()
            })
            .unwrap_or_else(|| panic!("`{}` not found in {what}", header.join(" ")));
        let open = start + tokens[start..].iter().position(|t| t == "{").unwrap();
        let close = matching(tokens, open);
        let (mut line, mut depth) = (Vec::new(), 0usize);
        for t in &tokens[start..=close] {
            if t == "}" {
                if !line.is_empty() {
                    lines.push(format!("{}{}", "    ".repeat(depth), join(&line)));
                    line.clear();
                }
                depth = depth.saturating_sub(1);
            }
            line.push(t.clone());
            if matches!(t.as_str(), "{" | ";" | "}") {
                lines.push(format!("{}{}", "    ".repeat(depth), join(&line)));
                line.clear();
                if t == "{" {
                    depth += 1;
                }
            }
        }
    }
    lines
}

/// What the listing leaves out of the macro's output (see the top of this file): attributes,
/// the inference guard, and the `let __ret: T = { body }; __ret` around each body.
fn trim(tokens: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        // #[...] and #![...]
        if t == "#" {
            let open = i + 1 + usize::from(tokens.get(i + 1).is_some_and(|t| t == "!"));
            if tokens.get(open).is_some_and(|t| t == "[") {
                i = matching_in(&tokens, open, "[", "]") + 1;
                continue;
            }
        }
        // if let Option::Some(__ret) = Option::None::<T> { return __ret; }
        if t == "if"
            && tokens[i..].starts_with(&[
                "if".into(),
                "let".into(),
                "Option".into(),
                "::".into(),
                "Some".into(),
                "(".into(),
                "__ret".into(),
            ])
        {
            let open = i + tokens[i..].iter().position(|t| t == "{").unwrap();
            i = matching(&tokens, open) + 1;
            continue;
        }
        // let __ret: T = { body }; ... __ret  ->  body
        if t == "let" && tokens.get(i + 1).is_some_and(|t| t == "__ret") {
            let open = i + tokens[i..].iter().position(|t| t == "=").unwrap() + 1;
            assert_eq!(
                tokens[open], "{",
                "async-trait no longer writes `let __ret: T = {{ body }};`: update `trim`"
            );
            let close = matching(&tokens, open);
            out.extend(trim(tokens[open + 1..close].to_vec()));
            i = close + 1;
            if tokens.get(i).is_some_and(|t| t == ";") {
                i += 1;
            }
            // the `__ret` that ends the async block (its attribute was dropped above)
            let rest = trim(tokens[i..].to_vec());
            let mut rest = rest.into_iter().peekable();
            if rest.peek().is_some_and(|t| t == "__ret") {
                rest.next();
            }
            out.extend(rest);
            return out;
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

fn matching_in(tokens: &[String], open: usize, o: &str, c: &str) -> usize {
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        if t == o {
            depth += 1;
        } else if t == c {
            depth -= 1;
            if depth == 0 {
                return i;
            }
        }
    }
    panic!("unbalanced {o}{c}")
}

fn matching(tokens: &[String], open: usize) -> usize {
    matching_in(tokens, open, "{", "}")
}

/// Rust tokens, enough for these two files: identifiers, lifetimes, literals, `::`, `->`,
/// `==` and the like, and single punctuation; comments dropped.
fn tokenize(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let word = |j: usize| {
            chars
                .get(j)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        };
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
        } else if ["::", "->", "=>", "==", "!=", "&&", "||", ".."]
            .iter()
            .any(|op| chars[i..].starts_with(&op.chars().collect::<Vec<_>>()))
        {
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
        if tokens[i] == "::"
            && tokens.get(i + 1).is_some_and(|t| t == "core")
            && tokens.get(i + 4).is_some_and(|t| t == "::")
        {
            i += 5;
            continue;
        }
        if tokens[i] == ","
            && tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.as_str(), ")" | ">" | "]" | "}" | "{" | ";"))
        {
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
        let tight_after = matches!(prev, Some("(" | "<" | "&" | "::" | ".") | None);
        let tight_before = matches!(
            t.as_str(),
            "," | ";" | ":" | ")" | ">" | "(" | "<" | "::" | "."
        );
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
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
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

/// The checker itself: it must see a difference where there is one, in a signature and in a
/// body.
#[test]
fn a_changed_signature_or_body_is_reported() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let trimmed = fs::read_to_string(root.join(TRIMMED)).unwrap();
    let before = view(&normalize(tokenize(&trimmed)), TRIMMED);
    for (find, replace, shows) in [
        (
            "Self: Sync + 'async_trait",
            "Self: 'async_trait",
            "Self: Sync + 'async_trait {",
        ),
        (
            ".unwrap_or(fallback)",
            ".unwrap_or_else(|| fallback)",
            "__self.get(key).await.unwrap_or(fallback)",
        ),
    ] {
        let edited = trimmed.replacen(find, replace, 1);
        assert!(
            edited != trimmed,
            "{TRIMMED} no longer has `{find}`, which this test changes"
        );
        let after = view(&normalize(tokenize(&edited)), "edited");
        let d = diff(&before, &after);
        assert!(
            d.lines().any(|l| l.starts_with('-') && l.ends_with(shows)),
            "{d}"
        );
    }
}
