//! The mutation catalogue: breaks the book in each way listed in tests/mutants.txt, one at a
//! time, on a scratch copy, runs the part of the suite that must notice, and prints a table:
//! was it caught, and which line of the output names the culprit. Exits 1 when a mutation
//! survives (the command passed, or no output line named the culprit), or no longer applies.
//!
//!     cargo run -p book-tests --bin mutants                  every mutation
//!     cargo run -p book-tests --bin mutants -- m6 pe         those whose name contains m6 or pe
//!
//! The copy is target/mutants/tree (the tracked and untracked files of the working tree, not
//! the ignored ones); its builds go to its own target/ (target/mutants/tree/target), kept
//! between runs. When that folder is new, it is first seeded with a copy of the working tree's
//! target/ (debug, tests, nightly, send-guard, ...), so the registry crates are already built,
//! and every file of the copy is then dated now, so that the workspace's own crates are built
//! again for the copy (cargo names them the same in both trees, and they bake in their folder). Before the mutations, each command is run once on the unbroken copy: a
//! command that already fails there is marked in the table, since its failure proves nothing.

use regex::Regex;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Mutation {
    name: String,
    line: usize,
    file: String,
    find: String,
    replace: String,
    delete: bool,
    create: bool,
    run: String,
    culprit: String,
}

fn main() {
    let root = book_tests::load::root();
    let catalogue = root.join("tests/mutants.txt");
    let text = fs::read_to_string(&catalogue)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", catalogue.display())));
    let mutations = parse(&text).unwrap_or_else(|e| fail(&format!("tests/mutants.txt:{e}")));
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let mutations: Vec<&Mutation> = mutations
        .iter()
        .filter(|m| wanted.is_empty() || wanted.iter().any(|w| m.name.contains(w.as_str())))
        .collect();
    if mutations.is_empty() {
        fail(&format!(
            "no mutation in tests/mutants.txt matches {wanted:?}"
        ));
    }

    let scratch = root.join("target/mutants");
    let tree = scratch.join("tree");
    let target = std::env::var_os("MUTANTS_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| tree.join("target"));
    copy_tree(&root, &tree);
    if seed_target(&root, &target) {
        touch_tree(&tree, &target);
    }

    // Each command once on the unbroken copy.
    let mut baseline: BTreeMap<&str, bool> = BTreeMap::new();
    for m in mutations.iter().filter(|m| !m.file.is_empty()) {
        if !baseline.contains_key(m.run.as_str()) {
            let t0 = Instant::now();
            let (ok, _) = run(&tree, &target, &m.run);
            eprintln!(
                "baseline ({:.0} s, {}): {}",
                t0.elapsed().as_secs_f64(),
                if ok { "passes" } else { "FAILS" },
                m.run
            );
            baseline.insert(&m.run, ok);
        }
    }

    let mut rows = Vec::new();
    let mut survived = 0;
    for m in &mutations {
        let t0 = Instant::now();
        let path = tree.join(&m.file);
        let original = if m.file.is_empty() {
            None
        } else {
            fs::read(&path).ok()
        };
        let outcome = match (&original, m.delete) {
            (None, _) if m.file.is_empty() => Ok(()), // only the command breaks something
            (None, _) if m.create => fs::write(&path, &m.replace).map_err(|e| e.to_string()),
            (Some(_), _) if m.create => Err(format!(
                "{} exists already: a `create` mutation needs a new file",
                m.file
            )),
            (None, _) => Err(format!("{} does not exist", m.file)),
            (Some(_), true) => fs::remove_file(&path).map_err(|e| e.to_string()),
            (Some(bytes), false) => {
                let text = String::from_utf8_lossy(bytes);
                if text.contains(&m.find) {
                    fs::write(&path, text.replacen(&m.find, &m.replace, 1))
                        .map_err(|e| e.to_string())
                } else {
                    Err(format!(
                        "`{}` is not in {} any more: update the mutation",
                        m.find.escape_debug(),
                        m.file
                    ))
                }
            }
        };
        let (caught, line) = match outcome {
            Err(why) => ("NO (does not apply)".to_string(), why),
            Ok(()) => {
                let (ok, output) = run(&tree, &target, &m.run);
                let culprit = Regex::new(&m.culprit).unwrap();
                let named = output
                    .lines()
                    .find(|l| culprit.is_match(l))
                    .map(|l| l.trim().to_string());
                let named = named.or_else(|| {
                    output
                        .lines()
                        .find(|l| culprit.is_match(&strip_ansi(l)))
                        .map(|l| strip_ansi(l).trim().to_string())
                });
                match (ok, named) {
                    (true, _) => ("NO (passed)".into(), String::new()),
                    (false, Some(l)) => ("yes".into(), l),
                    (false, None) => {
                        let first = output
                            .lines()
                            .map(strip_ansi)
                            .find(|l| {
                                l.contains("panicked")
                                    || l.contains("error")
                                    || l.contains("FAILED")
                            })
                            .unwrap_or_default()
                            .trim()
                            .to_string();
                        ("NO (failed without naming the culprit)".into(), first)
                    }
                }
            }
        };
        if let Some(bytes) = &original {
            fs::write(&path, bytes).unwrap();
        } else if m.create {
            let _ = fs::remove_file(&path);
        }
        if !caught.starts_with("yes") {
            survived += 1;
        }
        let note = if baseline.get(m.run.as_str()).copied().unwrap_or(true) {
            ""
        } else {
            " (the command fails without the mutation too)"
        };
        eprintln!(
            "{} ({:.0} s): {caught}{note}",
            m.name,
            t0.elapsed().as_secs_f64()
        );
        rows.push((m, format!("{caught}{note}"), line));
    }

    println!("\n| mutation | caught | first line naming the culprit |\n| --- | --- | --- |");
    for (m, caught, line) in &rows {
        let cell = |s: &str| s.replace('|', "\\|").chars().take(220).collect::<String>();
        println!(
            "| {} (tests/mutants.txt:{}) | {} | {} |",
            cell(&m.name),
            m.line,
            cell(caught),
            cell(line)
        );
    }
    println!(
        "\n{} mutations, {} caught, {survived} survived",
        rows.len(),
        rows.len() - survived
    );
    std::process::exit(if survived == 0 { 0 } else { 1 });
}

/// A line without terminal colour codes (trybuild colours its output).
fn strip_ansi(line: &str) -> String {
    Regex::new("\x1b\\[[0-9;]*m")
        .unwrap()
        .replace_all(line, "")
        .into_owned()
}

fn fail(message: &str) -> ! {
    eprintln!("mutants: {message}");
    std::process::exit(2)
}

/// `[name]` then `key = value` lines (the value is everything after `= `, spaces included;
/// `\n` in it is a newline). Blank lines and `#` lines are ignored.
fn parse(text: &str) -> Result<Vec<Mutation>, String> {
    let mut out: Vec<Mutation> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push(Mutation {
                name: name.into(),
                line: i + 1,
                file: String::new(),
                find: String::new(),
                replace: String::new(),
                delete: false,
                create: false,
                run: String::new(),
                culprit: String::new(),
            });
            continue;
        }
        let m = out.last_mut().ok_or(format!(
            "{}: a `key = value` line before the first [name]",
            i + 1
        ))?;
        let (key, value) = raw
            .split_once('=')
            .ok_or(format!("{}: expected `key = value`", i + 1))?;
        let (key, value) = (
            key.trim(),
            value
                .strip_prefix(' ')
                .unwrap_or(value)
                .replace("\\n", "\n"),
        );
        match key {
            "file" => m.file = value,
            "find" => m.find = value,
            "replace" => m.replace = value,
            "delete" => m.delete = value == "true",
            "create" => m.create = value == "true",
            "run" => m.run = value,
            "culprit" => m.culprit = value,
            other => {
                return Err(format!(
                    "{}: unknown key `{other}` (file, find, replace, delete, run, culprit)",
                    i + 1
                ));
            }
        }
    }
    for m in &out {
        let missing: Vec<&str> = [("run", &m.run), ("culprit", &m.culprit)]
            .iter()
            .filter(|(_, v)| v.is_empty())
            .map(|(k, _)| *k)
            .collect();
        let edits = !m.find.is_empty() || m.delete || m.create;
        if !missing.is_empty() || edits == m.file.is_empty() {
            return Err(format!(
                "{}: [{}] needs run, culprit, and either file with find/replace or delete = true, or no file at all; missing: {missing:?}",
                m.line, m.name
            ));
        }
        Regex::new(&m.culprit).map_err(|e| format!("{}: culprit is no regex: {e}", m.line))?;
    }
    Ok(out)
}

/// `sh -c COMMAND` in the copy, its output (stdout and stderr, interleaved) and whether it passed.
fn run(tree: &Path, target: &Path, command: &str) -> (bool, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("{command} 2>&1"))
        .current_dir(tree)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_TERM_COLOR", "never")
        .env_remove("RUSTC")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("CARGO_MANIFEST_DIR")
        .env_remove("TRYBUILD")
        .output()
        .unwrap_or_else(|e| fail(&format!("cannot run `{command}`: {e}")));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Makes `tree` a copy of the working tree's files (tracked, and untracked but not ignored),
/// writing only files whose content differs, so unchanged files keep their mtime and the
/// copy's builds stay warm; files that are gone from the working tree are removed.
fn copy_tree(root: &Path, tree: &Path) {
    let files = book_tests::worktree::files(root).unwrap_or_else(|e| fail(&e));
    let mut keep = std::collections::BTreeSet::new();
    for f in &files {
        let (from, to) = (root.join(f), tree.join(f));
        let Ok(bytes) = fs::read(&from) else { continue }; // deleted in the working tree
        keep.insert(to.clone());
        if fs::read(&to).ok().as_deref() != Some(bytes.as_slice()) {
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::write(&to, &bytes).unwrap();
            fs::set_permissions(&to, fs::metadata(&from).unwrap().permissions()).unwrap();
        }
    }
    remove_others(tree, &keep, &tree.join("target"));
}

/// Deletes the files under `dir` that are not in `keep`, except the copy's build folder.
fn remove_others(dir: &Path, keep: &std::collections::BTreeSet<PathBuf>, target: &Path) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path == target {
            continue;
        }
        if path.is_dir() {
            remove_others(&path, keep, target);
        } else if !keep.contains(&path) {
            let _ = fs::remove_file(&path);
        }
    }
}

/// When `target` does not exist yet: copies each build folder of the working tree's target/
/// into it (a real copy, not hard links: the copy's builds rewrite files in place), except the
/// snippet cache, whose keys name the folders it was built in. Returns whether it seeded.
fn seed_target(root: &Path, target: &Path) -> bool {
    if target.exists() {
        return false;
    }
    fs::create_dir_all(target).unwrap();
    for entry in fs::read_dir(root.join("target"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name();
        if !entry.path().is_dir()
            || ["mutants", "skeptic-cache", "tmp", "book"]
                .iter()
                .any(|n| name == *n)
        {
            continue;
        }
        let ok = Command::new("cp")
            .args(["-a", "--reflink=auto"])
            .arg(entry.path())
            .arg(target.join(&name))
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!(
                "mutants: could not copy {} (a cold build follows)",
                entry.path().display()
            );
        }
    }
    true
}

/// Dates every file of the copy (not its target/) now, newer than anything seeded.
fn touch_tree(dir: &Path, target: &Path) {
    let now = std::time::SystemTime::now();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path == target {
            continue;
        }
        if path.is_dir() {
            touch_tree(&path, target);
        } else if let Ok(f) = fs::File::options().write(true).open(&path) {
            let _ = f.set_modified(now);
        }
    }
}
