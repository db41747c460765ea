//! The files of a copy of the book: what the drift run and the mutation catalogue copy.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The files under `root`, relative to it, that git tracks or would track (untracked but not
/// ignored), including those deleted in the working tree; where `root` is no git checkout (or
/// there is no git), every file but those in any folder named target, .git or node_modules. Any other
/// failure of git is an error, not a reason to copy the ignored files too.
pub fn files(root: &Path) -> Result<Vec<PathBuf>, String> {
    let listed = Command::new("git")
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ])
        .current_dir(root)
        // Its messages in English, which the match below reads.
        .env("LC_ALL", "C")
        .env("LANGUAGE", "C")
        .output();
    match listed {
        Ok(o) if o.status.success() => Ok(o
            .stdout
            .split(|&b| b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| PathBuf::from(String::from_utf8_lossy(s).into_owned()))
            .collect()),
        Ok(o) if !String::from_utf8_lossy(&o.stderr).contains("not a git repository") => {
            Err(format!(
                "git ls-files in {}: {}",
                root.display(),
                String::from_utf8_lossy(&o.stderr).trim()
            ))
        }
        _ => walk(root, Path::new("")),
    }
}

fn walk(root: &Path, rel: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let dir = root.join(rel);
    for e in std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
    {
        let name = e.file_name();
        if name == "target" || name == ".git" || name == "node_modules" {
            continue;
        }
        let sub = rel.join(&name);
        if e.path().is_dir() {
            out.extend(walk(root, &sub)?)
        } else {
            out.push(sub)
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scratch::Scratch;

    #[test]
    fn outside_git_every_file_but_builds_and_dependencies() {
        let s = Scratch::new(
            "worktree",
            &[
                ("a.md", ""),
                ("src/b.rs", ""),
                ("target/debug/x", ""),
                ("node_modules/y/z.js", ""),
            ],
        );
        let mut found = files(&s).unwrap();
        found.sort();
        assert_eq!(found, [PathBuf::from("a.md"), PathBuf::from("src/b.rs")]);
    }

    #[test]
    fn in_git_tracked_and_untracked_files_not_the_ignored_ones() {
        let s = Scratch::new(
            "worktree-git",
            &[
                (".gitignore", "ignored.txt\n"),
                ("added.md", ""),
                ("new.md", ""),
                ("ignored.txt", ""),
            ],
        );
        let git = |args: &[&str]| {
            let ok = Command::new("git").args(args).current_dir(&*s).status();
            assert!(ok.is_ok_and(|st| st.success()), "git {args:?}");
        };
        git(&["init", "-q"]);
        git(&["add", "added.md"]);
        let mut found = files(&s).unwrap();
        found.sort();
        let want: Vec<PathBuf> = [".gitignore", "added.md", "new.md"]
            .map(PathBuf::from)
            .into();
        assert_eq!(found, want);
    }

    #[test]
    fn a_git_that_fails_otherwise_is_an_error_not_a_walk() {
        let s = Scratch::new("worktree-broken", &[("a.md", "")]);
        let git = Command::new("git")
            .args(["init", "-q"])
            .current_dir(&*s)
            .status();
        assert!(git.is_ok_and(|st| st.success()));
        // A broken index: git fails, and not with "not a git repository".
        std::fs::write(s.join(".git/index"), "junk").unwrap();
        let err = files(&s).unwrap_err();
        assert!(err.contains("index file smaller than expected"), "{err}");
    }
}
