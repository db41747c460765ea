//! What a listing's future stores at each `.await`, as rustc lays it out.
//!
//! For each listing in [`VIEWS`], rustc compiles the listing with `-Zprint-type-sizes`, which
//! prints, for every future the listing's `async fn`s and async blocks create, each state
//! (`Unresumed`, `Suspend0`, `Suspend1`, …, `Returned`, `Panicked`) with the arguments, locals,
//! temporaries and awaited future stored in it and their sizes. [`generate`] turns that into one
//! HTML file per listing, `src/generated/layouts/NAME.html`, which the chapter includes under the
//! listing. `cargo run -p layouts` writes them; `cargo test` (tests/views.rs) regenerates them in
//! memory and fails when a file no longer matches what the compiler reports.
//!
//! Why `RUSTC_BOOTSTRAP=1`: `-Zprint-type-sizes` is an unstable flag; the pinned stable rustc
//! 1.95.0 refuses it ("the option `Z` is only accepted on the nightly compiler", checked
//! 2026-11-29). The sizes the book prints are true of the pinned compiler (rust-toolchain.toml), so
//! it is that compiler we ask, and `RUSTC_BOOTSTRAP=1` lets it accept the flag; a nightly would
//! report its own layout. It is set for these rustc calls only, which type-check and lay out the
//! listing but generate no code (`-Zno-codegen`).
//!
//! A failing listing (listings/fail/) does not compile, so rustc cannot lay it out as it stands.
//! What makes it fail is that its `main` needs a `Send` future; the rest compiles. So the listing
//! is compiled without its `main` (those lines blanked, every other line where it was), as a
//! library with `-Clink-dead-code` so that rustc lays out the futures nothing calls any more. Which
//! value is not `Send` is read from the listing's snapshot (`listings/fail/NAME.stderr`: "has type
//! `T` which is not `Send`", "with `name` maybe used later") and marked where the layout holds it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One view: a listing, and the futures in it to show, by the name of their `async fn`
/// (`"record"`; also an async block that a macro made from `async fn record`), or an async block
/// by a piece of the line it starts on (`"block: tokio::spawn(async"`).
pub struct View {
    pub listing: &'static str,
    pub futures: &'static [&'static str],
}

/// Every view, in the order of the book.
pub const VIEWS: &[View] = &[
    View {
        listing: "listings/examples/state_machines_by_hand.rs",
        futures: &["greet"],
    },
    View {
        listing: "listings/examples/state_machines_sizes.rs",
        futures: &[
            "used_after",
            "used_before",
            "borrowed_before",
            "borrowed_in_block",
            "vec_used_after",
            "awaits_used_after",
        ],
    },
    View {
        listing: "listings/fail/state_machines_rc_across_await.rs",
        futures: &["count_words"],
    },
    View {
        listing: "listings/examples/state_machines_block_scope.rs",
        futures: &["count_words"],
    },
    View {
        listing: "listings/fail/state_machines_drop_after_borrow.rs",
        futures: &["count_words"],
    },
    View {
        listing: "listings/fail/state_machines_temporary_in_await.rs",
        futures: &["report_queue"],
    },
    View {
        listing: "listings/fail/pitfalls_locks_guard_across_await.rs",
        futures: &["record"],
    },
    View {
        listing: "listings/examples/pitfalls_locks_guard_scoped.rs",
        futures: &["record"],
    },
    View {
        listing: "listings/fail/pitfalls_locks_temporary_argument.rs",
        futures: &["update"],
    },
    View {
        listing: "listings/examples/pitfalls_locks_await_first.rs",
        futures: &["update"],
    },
    View {
        listing: "listings/examples/async_trait_macro_store.rs",
        futures: &["get_or", "get"],
    },
    View {
        listing: "listings/fail/combinators_select_branch.rs",
        futures: &["refresh"],
    },
    View {
        listing: "listings/examples/combinators_join_send.rs",
        futures: &[
            "block: tokio::spawn(async",
            "type: tokio::future::maybe_done::MaybeDone<{async fn body of label()}>",
            "type: tokio::future::maybe_done::MaybeDone<{async fn body of slow_count()}>",
        ],
    },
];

/// Where the views are written, relative to the book's root.
pub const OUT_DIR: &str = "src/generated/layouts";

/// The crates a listing may use: handed to rustc with `--extern`, from what cargo built.
pub const CRATES: &[&str] = &[
    "tokio",
    "async_trait",
    "trait_variant",
    "dynosaur",
    "futures",
    "parking_lot",
    "tracing",
];

impl View {
    pub fn name(&self) -> &'static str {
        let file = self.listing.rsplit('/').next().unwrap_or(self.listing);
        file.strip_suffix(".rs").unwrap_or(file)
    }

    /// The generated file, relative to the book's root.
    pub fn out_path(&self) -> String {
        format!("{OUT_DIR}/{}.html", self.name())
    }

    pub fn is_failing(&self) -> bool {
        self.listing.starts_with("listings/fail/")
    }

    /// The line a chapter writes under the listing to show the view.
    pub fn include_line(&self) -> String {
        format!("{{{{#include generated/layouts/{}.html}}}}", self.name())
    }
}

/// Every view, generated: `(path relative to root, HTML)`. Compiles each listing once, two at a
/// time (the machine has two cores).
pub fn generate(root: &Path) -> Result<Vec<(String, String)>, String> {
    let deps = deps_dir()?;
    let (version, compiler) = rustc_version(root)?;
    let scratch = deps
        .parent()
        .and_then(Path::parent)
        .unwrap_or(&deps)
        .join("layouts")
        .join(std::process::id().to_string());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<Result<String, String>>> = (0..VIEWS.len()).map(|_| None).collect();
    let slots: Vec<std::sync::Mutex<&mut Option<Result<String, String>>>> =
        results.iter_mut().map(std::sync::Mutex::new).collect();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(2);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(view) = VIEWS.get(i) else { break };
                    let result = render_view(
                        root,
                        view,
                        &deps,
                        &scratch.join(i.to_string()),
                        &version,
                        &compiler,
                    );
                    **slots[i].lock().unwrap() = Some(result);
                }
            });
        }
    });
    drop(slots);
    let _ = fs::remove_dir_all(&scratch);
    // Cache entries no run has used for a week belong to listings that changed or are gone.
    let cache = scratch.parent().map(|layouts| layouts.join("cache"));
    for entry in cache
        .and_then(|dir| fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .flatten()
    {
        let old = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 7 * 24 * 3600);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (view, result) in VIEWS.iter().zip(results) {
        match result.expect("every view was rendered") {
            Ok(html) => out.push((view.out_path(), html)),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors.join("\n\n"))
    }
}

fn render_view(
    root: &Path,
    view: &View,
    deps: &Path,
    scratch: &Path,
    version: &str,
    compiler: &str,
) -> Result<String, String> {
    let source = fs::read_to_string(root.join(view.listing))
        .map_err(|e| format!("{}: cannot read it: {e}", view.listing))?;
    let compiled = if view.is_failing() {
        without_main(&source).map_err(|e| format!("{}: {e}", view.listing))?
    } else {
        source.clone()
    };
    let sizes = print_type_sizes(view.listing, &compiled, deps, scratch, compiler)?;
    let types = parse(&sizes)
        .map_err(|e| format!("{}: rustc's -Zprint-type-sizes output: {e}", view.listing))?;
    let mut futures = Vec::new();
    for selector in view.futures {
        futures.push(find_future(view.listing, &source, &types, selector)?);
    }
    let mark = if view.is_failing() {
        let stderr_path = view.listing.replace(".rs", ".stderr");
        let stderr = fs::read_to_string(root.join(&stderr_path))
            .map_err(|e| format!("{stderr_path}: cannot read it: {e}"))?;
        let mark = not_send(&stderr).ok_or_else(|| {
            format!("{stderr_path}:1: the snapshot names no value that is not `Send` (no \"has type `T` which is not `Send`\" with \"`name` maybe used later\"), so the view cannot mark one")
        })?;
        let found = futures.iter().any(|(_, f)| {
            f.variants
                .iter()
                .any(|v| v.fields.iter().any(|field| mark.matches(field)))
        });
        if !found {
            return Err(format!(
                "{stderr_path}:{}: the snapshot says `{}` (type `{}`) is not `Send` and held at an await, but rustc's layout of {} in {} holds no such value at any suspend point: if the listing changed, bless the snapshot; if the snapshot is right, show the future that holds it (VIEWS in tests/layouts/src/lib.rs)",
                mark.line,
                mark.name,
                mark.ty,
                view.futures.join(", "),
                view.listing
            ));
        }
        Some((mark, stderr_path))
    } else {
        None
    };
    Ok(render(view, &futures, mark.as_ref(), version))
}

/// The failing listing without `fn main` (and the attributes on it): its lines blanked, so every
/// other line keeps its number.
pub fn without_main(source: &str) -> Result<String, String> {
    let lines: Vec<&str> = source.lines().collect();
    let main = lines
        .iter()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with("fn main()") || l.starts_with("async fn main()")
        })
        .ok_or("it has no `fn main()` to leave out")?;
    let mut start = main;
    while start > 0 && lines[start - 1].trim_start().starts_with("#[") {
        start -= 1;
    }
    let mut depth = 0i32;
    let mut end = None;
    'lines: for (i, line) in lines.iter().enumerate().skip(main) {
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i);
                        break 'lines;
                    }
                }
                _ => {}
            }
        }
    }
    let end = end.ok_or_else(|| format!("line {}: `fn main` has no closing brace", main + 1))?;
    Ok(lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if (start..=end).contains(&i) {
                "\n".to_string()
            } else {
                format!("{l}\n")
            }
        })
        .collect())
}

/// rustc's `-Zprint-type-sizes` output for the listing, compiled as a library (every function
/// laid out, called or not) from a copy at the same relative path, so that the async blocks'
/// names (`{async block@listings/…:L:C: L:C}`) do not depend on the machine.
///
/// The output is kept in `target/layouts/cache`, keyed by everything the compilation reads: the
/// source, the arguments, the compiler (`rustc -vV`) and the size and modification time of each
/// library handed to it. Any change to any of them is a miss, and rustc runs again; an unchanged
/// listing is not recompiled (its view is still rendered and compared). `LAYOUTS_NO_CACHE=1`
/// turns the cache off.
fn print_type_sizes(
    listing: &str,
    source: &str,
    deps: &Path,
    scratch: &Path,
    compiler: &str,
) -> Result<String, String> {
    let libraries = libraries(deps)?;
    let mut key = std::hash::DefaultHasher::new();
    {
        use std::hash::{Hash, Hasher};
        (compiler, listing, source, RUSTC_ARGS, deps).hash(&mut key);
        for (krate, path) in &libraries {
            let meta = fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
            (krate, path, meta.len(), meta.modified().ok()).hash(&mut key);
        }
        key.write_u8(0);
    }
    let cache = scratch
        .parent()
        .and_then(Path::parent)
        .map(|layouts| layouts.join("cache"));
    let cached = cache
        .as_ref()
        .filter(|_| std::env::var_os("LAYOUTS_NO_CACHE").is_none())
        .map(|dir| dir.join(format!("{:016x}.txt", std::hash::Hasher::finish(&key))));
    if let Some((path, text)) = cached
        .as_ref()
        .and_then(|path| Some((path, fs::read_to_string(path).ok()?)))
    {
        // Recently used: kept by the pruning in `generate`.
        let _ = fs::File::options()
            .append(true)
            .open(path)
            .and_then(|f| f.set_modified(std::time::SystemTime::now()));
        return Ok(text);
    }
    let copy = scratch.join(listing);
    fs::create_dir_all(copy.parent().unwrap())
        .map_err(|e| format!("{}: {e}", scratch.display()))?;
    fs::write(&copy, source).map_err(|e| format!("{}: {e}", copy.display()))?;
    let mut cmd = Command::new("rustc");
    cmd.current_dir(scratch)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(RUSTC_ARGS)
        .arg("--out-dir")
        .arg(scratch.join("out"))
        .arg("-L")
        .arg(format!("dependency={}", deps.display()));
    for (krate, path) in &libraries {
        cmd.arg("--extern")
            .arg(format!("{krate}={}", path.display()));
    }
    cmd.arg(listing);
    let out = cmd
        .output()
        .map_err(|e| format!("{listing}: cannot run rustc: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{listing}: rustc could not lay it out:\n{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8(out.stdout)
        .map_err(|e| format!("{listing}: rustc printed non-UTF-8: {e}"))?;
    if let Some(path) = &cached {
        // Written whole, then renamed: a concurrent run never reads half an entry.
        let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
        let _ = fs::create_dir_all(path.parent().unwrap())
            .and_then(|()| fs::write(&tmp, &text))
            .and_then(|()| fs::rename(&tmp, path));
    }
    Ok(text)
}

/// How rustc is asked: a library (so nothing needs a `main`), every function laid out whether
/// anything calls it or not (`-Clink-dead-code`), no code generated.
const RUSTC_ARGS: &[&str] = &[
    "--edition",
    "2024",
    "--crate-type",
    "lib",
    "--cap-lints",
    "allow",
    "-Zprint-type-sizes",
    "-Zno-codegen",
    "-Clink-dead-code",
];

/// The folder where cargo put the libraries it built for this package (`target/debug/deps`):
/// the running test's own folder, or `deps/` beside the running generator.
pub fn deps_dir() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = exe.parent().ok_or("the running executable has no folder")?;
    Ok(if dir.ends_with("deps") {
        dir.to_path_buf()
    } else {
        dir.join("deps")
    })
}

/// The library of each crate in [`CRATES`], found in `deps` by [`library`].
pub fn libraries(deps: &Path) -> Result<Vec<(&'static str, PathBuf)>, String> {
    CRATES
        .iter()
        .map(|k| library(deps, k).map(|p| (*k, p)))
        .collect()
}

/// The newest `lib{krate}-HASH.rlib` (or proc-macro `.so`) in `deps`.
pub fn library(deps: &Path, krate: &str) -> Result<PathBuf, String> {
    let (dll_prefix, dll_suffix) = (std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(deps)
        .map_err(|e| format!("{}: {e}", deps.display()))?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let ours = (name.starts_with(&format!("lib{krate}-")) && name.ends_with(".rlib"))
                || (name.starts_with(&format!("{dll_prefix}{krate}-"))
                    && name.ends_with(dll_suffix));
            if !ours {
                return None;
            }
            Some((entry.metadata().ok()?.modified().ok()?, entry.path()))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, p)| p).ok_or_else(|| {
        format!(
            "no {krate} library in {}: build with cargo (`cargo run -p layouts`)",
            deps.display()
        )
    })
}

/// `rustc 1.95.0`, as the pinned toolchain reports itself, and its whole `rustc -vV`.
fn rustc_version(root: &Path) -> Result<(String, String), String> {
    let out = Command::new("rustc")
        .current_dir(root)
        .arg("-vV")
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    Ok((
        text.split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" "),
        text,
    ))
}

/// A type rustc laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Type {
    pub name: String,
    pub size: u64,
    pub discriminant: Option<u64>,
    pub variants: Vec<Variant>,
    /// A struct's fields (an enum's are in its variants).
    pub fields: Vec<Field>,
    pub end_padding: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub name: String,
    pub size: u64,
    pub fields: Vec<Field>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `upvar`: an argument of an `async fn`, or what an async block captured.
    Upvar,
    /// `local`: a variable, a value with no name in the source (`.coroutine_fieldN`, such as a
    /// temporary) or the awaited future (`__awaitee`).
    Local,
    /// `field`: a field of a struct or of an enum's variant.
    Field,
    Padding,
    /// A gap rustc prints as `padding` in a future's state that is really the state tag: rustc
    /// does not print where a future keeps its tag (see [`tags_in_padding`]).
    Tag,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub kind: Kind,
    pub name: String,
    pub size: u64,
    pub ty: Option<String>,
}

impl Field {
    fn is_unnamed(&self) -> bool {
        self.kind == Kind::Local && self.name.starts_with('.')
    }
    fn is_awaitee(&self) -> bool {
        self.kind == Kind::Local && self.name == "__awaitee"
    }
}

/// The types in rustc's `-Zprint-type-sizes` output: futures (`{async fn body of f()}`,
/// `{async block@…}`) and every other type. An error names the output line it could not read.
pub fn parse(output: &str) -> Result<Vec<Type>, String> {
    let mut types: Vec<Type> = Vec::new();
    for (i, raw) in output.lines().enumerate() {
        let at = |what: &str| format!("line {}: {what}: {raw}", i + 1);
        let Some(line) = raw.strip_prefix("print-type-size ") else {
            continue;
        };
        let depth = line.len() - line.trim_start().len();
        let line = line.trim_start();
        if let Some(rest) = line.strip_prefix("type: `") {
            let (name, tail) = rest
                .rsplit_once("`: ")
                .ok_or_else(|| at("a type without its size"))?;
            let size = bytes(tail).ok_or_else(|| at("no size"))?;
            types.push(Type {
                name: normalize(name),
                size,
                discriminant: None,
                variants: Vec::new(),
                fields: Vec::new(),
                end_padding: None,
            });
            continue;
        }
        let ty = types
            .last_mut()
            .ok_or_else(|| at("a line before any type"))?;
        if depth == 4 {
            if line.starts_with("field `") || line.starts_with("padding: ") {
                ty.fields
                    .push(field(line).ok_or_else(|| at("unknown field"))?);
            } else if let Some(rest) = line.strip_prefix("discriminant: ") {
                ty.discriminant = bytes(rest);
            } else if let Some(rest) = line.strip_prefix("end padding: ") {
                ty.end_padding = bytes(rest);
            } else if let Some(rest) = line.strip_prefix("variant `") {
                let (name, tail) = rest
                    .split_once("`: ")
                    .ok_or_else(|| at("a variant without its size"))?;
                ty.variants.push(Variant {
                    name: name.to_string(),
                    size: bytes(tail).ok_or_else(|| at("no size"))?,
                    fields: Vec::new(),
                });
            } else {
                return Err(at("unknown line in a future's layout"));
            }
        } else if depth == 8 {
            let variant = ty
                .variants
                .last_mut()
                .ok_or_else(|| at("a field outside any variant"))?;
            variant
                .fields
                .push(field(line).ok_or_else(|| at("unknown field"))?);
        } else {
            return Err(at("unexpected indentation"));
        }
    }
    for ty in &mut types {
        tags_in_padding(ty);
    }
    Ok(types)
}

/// rustc's `-Zprint-type-sizes` does not list a future's state tag among a state's fields, and
/// where the tag sits between two fields it prints the tag's bytes as `padding`. That shows in
/// the sums: such a state's parts add up to the tag's size more than the state's size. Where
/// they do and exactly one `padding` of the tag's size is listed, that padding is the tag.
/// (Checked against memory on 2026-11-29: in `async_trait_macro_store`'s `get_or` future, the
/// byte after the awaited future reads 0 before the first poll and 3, `Suspend0`, after it.)
fn tags_in_padding(ty: &mut Type) {
    let Some(tag) = ty.discriminant else { return };
    for v in &mut ty.variants {
        let sum: u64 = v.fields.iter().map(|f| f.size).sum();
        let gaps: Vec<usize> = (0..v.fields.len())
            .filter(|&i| v.fields[i].kind == Kind::Padding && v.fields[i].size == tag)
            .collect();
        if sum == v.size + tag && gaps.len() == 1 {
            v.fields[gaps[0]].kind = Kind::Tag;
        }
    }
}

/// `local `.buf`: 24 bytes, offset: 0 bytes, alignment: 8 bytes, type: T`, `padding: 1 bytes`.
fn field(line: &str) -> Option<Field> {
    if let Some(rest) = line.strip_prefix("padding: ") {
        return Some(Field {
            kind: Kind::Padding,
            name: String::new(),
            size: bytes(rest)?,
            ty: None,
        });
    }
    let (kind, rest) = [
        ("local `.", Kind::Local),
        ("upvar `.", Kind::Upvar),
        ("field `.", Kind::Field),
    ]
    .into_iter()
    .find_map(|(prefix, kind)| line.strip_prefix(prefix).map(|r| (kind, r)))?;
    let (name, tail) = rest.split_once("`: ")?;
    let ty = tail.split_once(", type: ").map(|(_, t)| normalize(t));
    Some(Field {
        kind,
        name: name.to_string(),
        size: bytes(tail)?,
        ty,
    })
}

/// `24 bytes, offset: 0 bytes, …` → 24.
fn bytes(text: &str) -> Option<u64> {
    text.split_once(" bytes")
        .and_then(|(n, _)| n.trim().parse().ok())
}

/// Type names without the machine's paths: a crate from the registry is `$CARGO/crate-x.y.z/…`,
/// the standard library's sources `$RUST/…`.
pub fn normalize(name: &str) -> String {
    let mut s = name.to_string();
    while let Some(pos) = s.find("/registry/src/") {
        let start = s[..pos]
            .rfind(['@', ' ', '<', '(', '{'])
            .map_or(0, |p| p + 1);
        let after = pos + "/registry/src/".len();
        let end = s[after..].find('/').map_or(s.len(), |p| after + p + 1);
        s.replace_range(start..end, "$CARGO/");
    }
    while let Some(pos) = s.find("/rustc/") {
        let after = pos + "/rustc/".len();
        let end = s[after..].find('/').map_or(s.len(), |p| after + p + 1);
        s.replace_range(pos..end, "$RUST/");
    }
    s
}

/// The type a selector names, with the title the view gives it ("`record`'s future").
fn find_future(
    listing: &str,
    source: &str,
    types: &[Type],
    selector: &str,
) -> Result<(String, Type), String> {
    let is_future =
        |t: &&Type| t.name.starts_with("{async fn body of ") || t.name.starts_with("{async block@");
    let block_line = |needle: &dyn Fn(&str) -> bool| -> Vec<usize> {
        source
            .lines()
            .enumerate()
            .filter(|(_, l)| needle(l))
            .map(|(i, _)| i + 1)
            .collect()
    };
    let block_at = |line: usize| {
        types.iter().find(|t| {
            t.name
                .starts_with(&format!("{{async block@{listing}:{line}:"))
        })
    };
    let found = if let Some(name) = selector.strip_prefix("type: ") {
        types
            .iter()
            .find(|t| t.name == name)
            .map(|t| (format!("<code>{}</code>", esc(name)), t.clone()))
    } else if let Some(needle) = selector.strip_prefix("block: ") {
        let lines = block_line(&|l: &str| l.contains(needle));
        match lines.as_slice() {
            [line] => block_at(*line).map(|t| {
                (
                    format!("the future of the async block on line {line}"),
                    t.clone(),
                )
            }),
            _ => {
                return Err(format!(
                    "{listing}: `{needle}` is on {} lines; the view needs it on exactly one",
                    lines.len()
                ));
            }
        }
    } else {
        let by_fn = types
            .iter()
            .find(|t| t.name == format!("{{async fn body of {selector}()}}"));
        match by_fn {
            Some(t) => Some((format!("<code>{selector}</code>'s future"), t.clone())),
            // A macro (`#[async_trait]`) turned `async fn NAME` into an async block on that line.
            None => {
                let lines = block_line(&|l: &str| declares(l, selector));
                lines.iter().find_map(|&line| block_at(line)).map(|t| (format!("<code>{selector}</code>'s future (the async block the macro made of its body)"), t.clone()))
            }
        }
    };
    found.ok_or_else(|| {
        let printed: Vec<&str> = types
            .iter()
            .filter(is_future)
            .map(|t| t.name.as_str())
            .collect();
        format!(
            "{listing}: rustc laid out nothing for `{selector}`; the futures it laid out: {}",
            printed.join(", ")
        )
    })
}

/// `line` declares `async fn name` (not `async fn name_longer`).
fn declares(line: &str, name: &str) -> bool {
    let pat = format!("async fn {name}");
    line.match_indices(&pat)
        .any(|(i, _)| !line[i + pat.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
}

/// What a snapshot says is not `Send`: the value's type, and its name or the expression that
/// made it (`with `name` maybe used later`).
#[derive(Debug, Clone, PartialEq)]
pub struct NotSend {
    pub name: String,
    pub ty: String,
    /// The snapshot's line that names it ("… maybe used later").
    pub line: usize,
}

impl NotSend {
    /// A named local is matched by name; a temporary (the snapshot names an expression) by type.
    fn matches(&self, field: &Field) -> bool {
        if field.kind != Kind::Local || field.is_awaitee() {
            return false;
        }
        let is_name = self.name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if is_name {
            field.name == self.name
        } else {
            field.is_unnamed() && field.ty.as_deref() == Some(self.ty.as_str())
        }
    }
}

/// The first "has type `T` which is not `Send`" and "with `name` maybe used later" of a snapshot.
pub fn not_send(stderr: &str) -> Option<NotSend> {
    // The text between the last `open` before `close` and `close`, on one line.
    let between = |line: &str, open: &str, close: &str| -> Option<String> {
        let end = line.find(close)?;
        let start = line[..end].rfind(open)? + open.len();
        Some(line[start..end].to_string())
    };
    let ty = stderr
        .lines()
        .find_map(|l| between(l, "has type `", "` which is not `Send`"))?;
    let (line, name) = stderr
        .lines()
        .enumerate()
        .find_map(|(i, l)| Some((i + 1, between(l, "with `", "` maybe used later")?)))?;
    let name = name.strip_prefix("mut ").unwrap_or(&name).to_string();
    Some(NotSend { name, ty, line })
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn size(n: u64) -> String {
    if n == 1 {
        "1 byte".into()
    } else {
        format!("{n} bytes")
    }
}

fn state_meaning(name: &str, block: bool) -> &'static str {
    match name {
        "Unresumed" if block => "created, not yet polled",
        "Unresumed" => "called, not yet polled",
        "Returned" => "finished",
        "Panicked" => "its body panicked",
        n if n.starts_with("Suspend") => "stopped at an <code>.await</code>",
        _ => "",
    }
}

/// The HTML of one view: a `<details>` block with no blank line in it (a blank line would end
/// the HTML block in the chapter's Markdown).
pub fn render(
    view: &View,
    futures: &[(String, Type)],
    mark: Option<&(NotSend, String)>,
    version: &str,
) -> String {
    let mut h = String::new();
    let names: Vec<&str> = futures.iter().map(|(n, _)| n.as_str()).collect();
    let what = if futures.len() == 1 {
        format!(
            "at each <code>.await</code>: {}, {}",
            names[0],
            size(futures[0].1.size)
        )
    } else {
        format!("in {} futures, state by state", futures.len())
    };
    let _ = write!(
        h,
        "<details class=\"future-layout\">\n<summary>What rustc lays out {what}"
    );
    if let Some((m, _)) = mark {
        let temporary = if m.name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            ""
        } else {
            "the temporary "
        };
        let _ = write!(
            h,
            "; {temporary}<code>{}</code> is not <code>Send</code>",
            esc(&m.name)
        );
    }
    h.push_str("</summary>\n");
    for (label, ty) in futures {
        let block = ty.name.starts_with("{async block@");
        let arg = if block { "captured" } else { "argument" };
        let _ = writeln!(h, "<div class=\"future-layout-future\">");
        let mut parts = Vec::new();
        if let Some(d) = ty.discriminant {
            parts.push(format!("state tag: {}", size(d)));
        }
        if let Some(p) = ty.end_padding {
            parts.push(format!("end padding: {}", size(p)));
        }
        let parts = if parts.is_empty() {
            String::new()
        } else {
            format!(" ({})", parts.join("; "))
        };
        let _ = writeln!(
            h,
            "<p class=\"future-layout-title\">{label}: {}{parts}</p>",
            size(ty.size)
        );
        if !ty.fields.is_empty() {
            render_fields(&mut h, &ty.fields, arg, None);
            h.push('\n');
        }
        if ty.variants.is_empty() {
            h.push_str("</div>\n");
            continue;
        }
        h.push_str("<ol class=\"future-layout-states\">\n");
        for v in &ty.variants {
            let suspend = v.name.starts_with("Suspend");
            let meaning = state_meaning(&v.name, block);
            let _ = write!(
                h,
                "<li class=\"future-layout-state{}\"><span class=\"future-layout-state-name\">{}</span>{}{meaning}: {}",
                if suspend {
                    " future-layout-suspend"
                } else {
                    ""
                },
                esc(&v.name),
                if meaning.is_empty() { "" } else { " " },
                size(v.size)
            );
            if v.fields.is_empty() {
                h.push_str(", nothing stored</li>\n");
                continue;
            }
            h.push('\n');
            render_fields(&mut h, &v.fields, arg, mark.filter(|_| suspend));
            h.push_str("</li>\n");
        }
        h.push_str("</ol>\n</div>\n");
    }
    let upvars = futures.iter().any(|(_, t)| {
        t.variants
            .iter()
            .filter(|v| v.fields.iter().any(|f| f.kind == Kind::Upvar))
            .count()
            > 1
    });
    let twice = futures.iter().any(|(_, t)| {
        t.variants.iter().any(|v| {
            v.fields.iter().any(|a| {
                a.kind == Kind::Upvar
                    && v.fields
                        .iter()
                        .any(|b| b.kind == Kind::Local && b.name == a.name)
            })
        })
    });
    let captures_only = futures.iter().all(|(_, t)| {
        t.name.starts_with("{async block@")
            || !t
                .variants
                .iter()
                .any(|v| v.fields.iter().any(|f| f.kind == Kind::Upvar))
    });
    let (what, stored) = if captures_only {
        ("A captured value", "as the block captured it")
    } else {
        ("An argument", "as the call stored it")
    };
    let twice = match (upvars, twice) {
        (true, true) => format!(
            " {what} has its place in every state, {stored}; in a suspended state it can appear a second time, as the body's local of the same name."
        ),
        (true, false) => format!(" {what} has its place in every state, {stored}."),
        (false, true) => format!(
            " In a suspended state an argument can appear twice: {stored}, and as the body's local of the same name."
        ),
        (false, false) => String::new(),
    };
    // rustc's -Zprint-type-sizes counts a future's gaps and state sizes as if the state tag came
    // first; the tag can sit elsewhere (checked in memory on 2026-11-29: `greet`'s tag is at
    // offset 64, `state_machines_drop_after_borrow`'s at 49), so the view says whose figures these are.
    let tagged = futures
        .iter()
        .any(|(_, t)| t.discriminant.is_some() && !t.variants.is_empty());
    let twice = if tagged {
        format!(
            "{twice} Padding and state sizes are as rustc prints them: a state's size leaves out the state tag, and a gap is counted as if the tag came first, so it can read a tag's size short; where the tag sits between a state's fields, it is listed there."
        )
    } else {
        twice
    };
    let compiled = if view.is_failing() {
        format!(
            "<code>{}</code> without its <code>main</code>, the part that needs a <code>Send</code> future (the rest compiles)",
            view.listing
        )
    } else {
        format!("<code>{}</code>", view.listing)
    };
    let _ = writeln!(
        h,
        "<p class=\"future-layout-source\">From {version} (<code>-Zprint-type-sizes</code>, 64-bit, debug build) on {compiled}.{twice} \
         Regenerate with <code>cargo run -p layouts</code>.</p>\n</details>"
    );
    h
}

/// A list of fields; `mark` (the value a snapshot says is not `Send`) is marked where it is held.
fn render_fields(h: &mut String, fields: &[Field], arg: &str, mark: Option<&(NotSend, String)>) {
    h.push_str("<ul class=\"future-layout-fields\">\n");
    for f in fields {
        let marked = mark.filter(|(m, _)| m.matches(f));
        let (what, name) = match f.kind {
            Kind::Padding => ("padding", String::new()),
            Kind::Tag => ("the state tag", String::new()),
            Kind::Upvar => (arg, format!("<code>{}</code> ", esc(&f.name))),
            Kind::Local if f.is_awaitee() => ("the future it awaits", String::new()),
            Kind::Local if f.is_unnamed() => ("unnamed", String::new()),
            Kind::Local => ("local", format!("<code>{}</code> ", esc(&f.name))),
            Kind::Field => ("field", format!("<code>{}</code> ", esc(&f.name))),
        };
        let _ = write!(
            h,
            "<li{}>{name}<span class=\"future-layout-kind\">{what}</span>{} <span class=\"future-layout-size\">{}</span>",
            if marked.is_some() {
                " class=\"future-layout-not-send\""
            } else {
                ""
            },
            f.ty.as_deref()
                .map(|t| format!(" <code>{}</code>", esc(t)))
                .unwrap_or_default(),
            size(f.size)
        );
        if let Some((m, stderr)) = marked {
            let ty = if f.ty.is_some() {
                String::new()
            } else {
                format!(": <code>{}</code>", esc(&m.ty))
            };
            let _ = write!(
                h,
                " <strong class=\"future-layout-mark\">not <code>Send</code></strong>{ty} (<code>{}</code>)",
                esc(stderr)
            );
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ul>");
}

/// The first line where `on_disk` and `generated` differ: `(line number, on disk, generated)`.
pub fn first_difference(on_disk: &str, generated: &str) -> Option<(usize, String, String)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (on_disk.lines().collect(), generated.lines().collect());
    (0..a.len().max(b.len()))
        .find(|&i| a.get(i) != b.get(i))
        .map(|i| {
            let line = |v: &[&str]| {
                v.get(i)
                    .map_or("(end of file)".to_string(), |l| l.to_string())
            };
            (i + 1, line(&a), line(&b))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "print-type-size type: `{async fn body of update()}`: 48 bytes, alignment: 8 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant `Unresumed`: 40 bytes
print-type-size         padding: 31 bytes
print-type-size         upvar `.items`: 8 bytes, alignment: 8 bytes
print-type-size     variant `Suspend0`: 41 bytes
print-type-size         local `..coroutine_field2`: 16 bytes, offset: 0 bytes, alignment: 8 bytes, type: std::sync::MutexGuard<'_, Vec<String>>
print-type-size         local `.items`: 8 bytes
print-type-size         local `.__awaitee`: 1 bytes, type: {async fn body of fetch_label()}
print-type-size     variant `Returned`: 40 bytes
print-type-size type: `std::vec::Vec<u8>`: 24 bytes, alignment: 8 bytes
print-type-size     field `.buf`: 16 bytes
";

    #[test]
    fn reads_states_fields_sizes_and_types() {
        let types = parse(SAMPLE).unwrap();
        assert_eq!(types.len(), 2);
        assert_eq!(
            types[1].fields[0],
            Field {
                kind: Kind::Field,
                name: "buf".into(),
                size: 16,
                ty: None
            }
        );
        let t = &types[0];
        assert_eq!(
            (t.name.as_str(), t.size, t.discriminant),
            ("{async fn body of update()}", 48, Some(1))
        );
        let names: Vec<&str> = t.variants.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["Unresumed", "Suspend0", "Returned"]);
        let guard = &t.variants[1].fields[0];
        assert_eq!(
            (guard.name.as_str(), guard.size, guard.ty.as_deref()),
            (
                ".coroutine_field2",
                16,
                Some("std::sync::MutexGuard<'_, Vec<String>>")
            )
        );
        assert!(guard.is_unnamed() && t.variants[1].fields[2].is_awaitee());
    }

    #[test]
    fn an_unknown_line_is_named() {
        let bad = SAMPLE.replace("variant `Returned`", "varient `Returned`");
        let e = parse(&bad).unwrap_err();
        assert!(e.starts_with("line 10: unknown line"), "{e}");
    }

    #[test]
    fn the_snapshot_names_a_local_or_a_temporary() {
        let named = "  |         ----------- has type `std::sync::MutexGuard<'_, Vec<String>>` which is not `Send`\n  |  ^^^^^ await occurs here, with `mut entries` maybe used later\n";
        assert_eq!(
            not_send(named).unwrap(),
            NotSend {
                name: "entries".into(),
                ty: "std::sync::MutexGuard<'_, Vec<String>>".into(),
                line: 2
            }
        );
        let temp = "with `items.lock().unwrap()` maybe used later\n  |  has type `std::sync::MutexGuard<'_, Vec<String>>` which is not `Send`\n";
        let m = not_send(temp).unwrap();
        let fields = &parse(SAMPLE).unwrap()[0].variants[1].fields;
        let marked: Vec<&str> = fields
            .iter()
            .filter(|f| m.matches(f))
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(marked, [".coroutine_field2"]);
        assert_eq!(
            not_send("error[E0277]: `Rc<str>` cannot be sent between threads safely"),
            None
        );
    }

    #[test]
    fn main_is_left_out_and_the_other_lines_keep_their_numbers() {
        let src = "async fn f() {}\n\n#[tokio::main]\nasync fn main() {\n    if true { f().await }\n}\nfn after() {}\n";
        let out = without_main(src).unwrap();
        assert_eq!(out, "async fn f() {}\n\n\n\n\n\nfn after() {}\n");
        assert!(
            without_main("fn f() {}\n")
                .unwrap_err()
                .contains("no `fn main()`")
        );
    }

    #[test]
    fn machine_paths_are_left_out_of_type_names() {
        let t = "PollFn<{closure@/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.54.1/src/macros/join.rs:151:42: 151:51}>";
        assert_eq!(
            normalize(t),
            "PollFn<{closure@$CARGO/tokio-1.54.1/src/macros/join.rs:151:42: 151:51}>"
        );
    }

    #[test]
    fn the_first_different_line_is_found() {
        assert_eq!(first_difference("a\nb\nc\n", "a\nb\nc\n"), None);
        assert_eq!(
            first_difference("a\nb\nc\n", "a\nB\nc\n"),
            Some((2, "b".into(), "B".into()))
        );
        assert_eq!(
            first_difference("a\n", "a\nb\n"),
            Some((2, "(end of file)".into(), "b".into()))
        );
    }

    /// The state tag that rustc prints as padding: named only when the sums show it (the
    /// state's parts add up to the tag's size more than the state), else left as padding.
    #[test]
    fn a_tag_printed_as_padding_is_named_only_when_the_sums_show_it() {
        let out = |suspend_size: u64| {
            format!(
                "print-type-size type: `{{async fn body of f()}}`: 16 bytes, alignment: 8 bytes
print-type-size     discriminant: 1 bytes
print-type-size     variant `Unresumed`: 8 bytes
print-type-size         upvar `.a`: 8 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size     variant `Suspend0`: {suspend_size} bytes
print-type-size         upvar `.a`: 8 bytes, offset: 0 bytes, alignment: 8 bytes
print-type-size         padding: 1 bytes
print-type-size         local `.b`: 1 bytes, alignment: 1 bytes, type: bool
"
            )
        };
        let kinds = |size| -> Vec<Kind> {
            parse(&out(size)).unwrap()[0].variants[1]
                .fields
                .iter()
                .map(|f| f.kind.clone())
                .collect()
        };
        assert_eq!(kinds(9), [Kind::Upvar, Kind::Tag, Kind::Local]);
        assert_eq!(kinds(10), [Kind::Upvar, Kind::Padding, Kind::Local]);
    }
}
