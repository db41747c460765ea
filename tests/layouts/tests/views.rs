//! The views of src/generated/layouts/ say what the pinned rustc reports: each is regenerated in
//! memory (every listing compiled once, see src/lib.rs) and compared with the file, and each is
//! shown by a chapter.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

#[test]
fn views_match_what_rustc_reports() {
    let root = root();
    let views = layouts::generate(&root).unwrap_or_else(|e| panic!("\n{e}\n"));
    let mut stale = Vec::new();
    for (path, generated) in &views {
        match fs::read_to_string(root.join(path)) {
            Err(_) => stale.push(format!("{path}:1: missing")),
            Ok(on_disk) => {
                if let Some((line, was, now)) = layouts::first_difference(&on_disk, generated) {
                    stale.push(format!(
                        "{path}:{line}: stale\n    the file says: {was}\n    rustc says:    {now}"
                    ));
                }
            }
        }
    }
    if let Ok(entries) = fs::read_dir(root.join(layouts::OUT_DIR)) {
        for entry in entries.flatten() {
            let rel = format!(
                "{}/{}",
                layouts::OUT_DIR,
                entry.file_name().to_string_lossy()
            );
            if !views.iter().any(|(p, _)| *p == rel) {
                stale.push(format!(
                    "{rel}:1: no view in tests/layouts/src/lib.rs makes this file"
                ));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "\nthe future-layout views no longer match the compiler:\n{}\n\nregenerate them with `cargo run -p layouts`, then review `git diff src/generated/layouts`\n",
        stale.join("\n")
    );
}

/// Each view is included by the chapter that shows its listing, after that listing's include
/// (and after the snapshot of a failing one).
#[test]
fn each_view_is_shown_under_its_listing() {
    let root = root();
    let mut problems = Vec::new();
    let chapters: Vec<(PathBuf, String)> = fs::read_dir(root.join("src"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect();
    for view in layouts::VIEWS {
        let include = view.include_line();
        let listing = format!("../{}", view.listing);
        let shown: Vec<&(PathBuf, String)> = chapters
            .iter()
            .filter(|(_, t)| t.contains(&include))
            .collect();
        match shown.as_slice() {
            [] => problems.push(format!(
                "{}: no chapter shows it: write `{include}` under {listing}'s block",
                view.out_path()
            )),
            [(path, text)] => {
                let (at, listing_at) = (text.find(&include).unwrap(), text.find(&listing));
                if listing_at.is_none_or(|l| l >= at) {
                    let line = text[..at].lines().count() + 1;
                    problems.push(format!("{}:{line}: the view of {} comes before the listing, or the chapter does not show it", path.strip_prefix(&root).unwrap().display(), view.listing));
                }
            }
            _ => problems.push(format!(
                "{}: shown by more than one chapter",
                view.out_path()
            )),
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}
