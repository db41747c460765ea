//! The drift report: what a run of the suite under another toolchain (or newer crates) says,
//! against what the book records for the pinned one.

use crate::book::Chapter;
use crate::canary::{self, Canary};
use std::fmt::Write;
use std::path::Path;

/// What the suite's output says, read from `cargo test --no-fail-fast` with `TRYBUILD=overwrite`.
#[derive(Debug, Default, PartialEq)]
pub struct RunLog {
    /// Failing listings (file stems) that compiled.
    pub now_compile: Vec<String>,
    /// Tests that failed (libtest's `test NAME ... FAILED`).
    pub failed_tests: Vec<String>,
    /// How many trybuild cases ran, and how many libtest tests passed.
    pub trybuild_cases: usize,
    pub passed_tests: usize,
}

/// Reads a run's combined output.
pub fn parse_log(log: &str) -> RunLog {
    let mut out = RunLog::default();
    let clean = strip_ansi(log);
    let lines: Vec<&str> = clean.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        let Some((name, status)) = rest.rsplit_once(" ... ") else {
            continue;
        };
        let status = status.trim();
        if name.ends_with(".rs") {
            out.trybuild_cases += 1;
            let next = lines.get(i + 1).map_or("", |l| l.trim());
            if status == "error"
                && next.starts_with("Expected test case to fail to compile, but it succeeded")
            {
                out.now_compile.push(crate::book::stem_of(name).to_string());
            }
        } else if status == "FAILED" {
            out.failed_tests.push(name.to_string());
        } else if status == "ok" {
            out.passed_tests += 1;
        }
    }
    out
}

/// The text without terminal colour codes (`ESC [ ... letter`), which trybuild writes even to a file.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The passing listing a failed test stands for: the longest listing stem its name contains.
pub fn listing_of_test<'a>(test: &str, stems: &'a [String]) -> Option<&'a str> {
    stems
        .iter()
        .filter(|s| test.contains(s.as_str()))
        .max_by_key(|s| s.len())
        .map(String::as_str)
}

/// A snapshot whose text changed under the other toolchain.
#[derive(Debug)]
pub struct SnapshotChange {
    /// `listings/fail/x.stderr`
    pub path: String,
    pub stem: String,
    pub old_code: Option<String>,
    pub new_code: Option<String>,
    pub diff: String,
}

/// Compares every `.stderr` under the failing-listing folders of `pinned` with `other`'s.
pub fn compare_snapshots(pinned: &Path, other: &Path) -> Vec<SnapshotChange> {
    let mut out = Vec::new();
    for dir in canary::fail_dirs(pinned) {
        let Ok(entries) = std::fs::read_dir(pinned.join(&dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".stderr"))
            .collect();
        files.sort();
        for name in files {
            let rel = format!("{dir}/{name}");
            let old = std::fs::read_to_string(pinned.join(&rel)).unwrap_or_default();
            let new = std::fs::read_to_string(other.join(&rel)).unwrap_or_default();
            if old != new {
                out.push(SnapshotChange {
                    stem: crate::book::stem_of(&name).to_string(),
                    old_code: canary::first_error_code(&old),
                    new_code: canary::first_error_code(&new),
                    diff: unified_diff(&old, &new),
                    path: rel,
                });
            }
        }
    }
    out
}

/// A line diff (`-` pinned, `+` other) with two lines of context, from a longest common subsequence.
pub fn unified_diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j]) {
            ops.push(('+', b[j]));
            j += 1;
        } else {
            ops.push(('-', a[i]));
            i += 1;
        }
    }
    let near = |k: usize| {
        ops[k.saturating_sub(2)..(k + 3).min(ops.len())]
            .iter()
            .any(|(c, _)| *c != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (c, line)) in ops.iter().enumerate() {
        if near(k) {
            if skipped {
                out.push_str("…\n");
                skipped = false;
            }
            let _ = writeln!(out, "{c}{line}");
        } else {
            skipped = true;
        }
    }
    if skipped && !out.is_empty() {
        out.push_str("…\n");
    }
    out
}

/// Everything the drift run found.
#[derive(Debug, Default)]
pub struct Report {
    /// `rustc -vV`'s first line for the pinned toolchain and the other one.
    pub pinned: String,
    pub other: String,
    /// Crate versions that differ (name, pinned, other), when the run used newer crates.
    pub crates: Vec<(String, String, String)>,
    pub log: RunLog,
    pub snapshots: Vec<SnapshotChange>,
    /// Nightly listings that built without their `#![feature]` lines.
    pub features_not_needed: Vec<String>,
}

impl Report {
    /// Passing listings that failed (stem, the failed test's name).
    pub fn now_fail(&self, stems: &[String]) -> Vec<(String, String)> {
        self.log
            .failed_tests
            .iter()
            .filter_map(|t| listing_of_test(t, stems).map(|s| (s.to_string(), t.clone())))
            .collect()
    }

    /// Failed tests that are no listing's.
    pub fn other_failures(&self, stems: &[String]) -> Vec<String> {
        self.log
            .failed_tests
            .iter()
            .filter(|t| listing_of_test(t, stems).is_none())
            .cloned()
            .collect()
    }

    /// Whether anything drifted.
    pub fn drifted(&self, stems: &[String]) -> bool {
        !(self.log.now_compile.is_empty()
            && self.log.failed_tests.is_empty()
            && self.snapshots.is_empty()
            && self.features_not_needed.is_empty()
            && self.now_fail(stems).is_empty())
    }

    /// The report, as markdown.
    pub fn render(&self, chapters: &[Chapter], canaries: &[Canary], stems: &[String]) -> String {
        let mut s = String::new();
        let where_ = |stem: &str| {
            canary::section_link(chapters, stem)
                .map_or_else(|| "(shown by no page)".to_string(), |l| format!("src/{l}"))
        };
        let _ = writeln!(
            s,
            "# Drift report\n\n- pinned: {}\n- this run: {}",
            self.pinned, self.other
        );
        if !self.crates.is_empty() {
            let _ = writeln!(
                s,
                "- crates (pinned → this run): {}",
                self.crates
                    .iter()
                    .map(|(n, a, b)| format!("{n} {a} → {b}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let _ = writeln!(
            s,
            "- ran: {} failing listings through trybuild, {} other tests passed, {} failed\n",
            self.log.trybuild_cases,
            self.log.passed_tests,
            self.log.failed_tests.len()
        );

        let mut flipped: Vec<(&Canary, String)> = Vec::new();
        let mut flip = |stem: &str, why: String| {
            for c in canary::flipped(canaries, stem) {
                flipped.push((c, why.clone()));
            }
        };
        let mut verdicts = Vec::new();
        for stem in &self.log.now_compile {
            verdicts.push(format!(
                "| `{stem}` | fails | **compiles** | {} |",
                where_(stem)
            ));
            flip(stem, "now compiles".into());
        }
        for (stem, test) in self.now_fail(stems) {
            verdicts.push(format!(
                "| `{stem}` | compiles and runs | **fails** (`{test}`) | {} |",
                where_(&stem)
            ));
            flip(&stem, "now fails".into());
        }
        let mut codes = Vec::new();
        for c in &self.snapshots {
            if c.old_code != c.new_code {
                let show = |x: &Option<String>| x.clone().unwrap_or_else(|| "no error".into());
                codes.push(format!(
                    "| `{}` | {} | **{}** | {} |",
                    c.stem,
                    show(&c.old_code),
                    show(&c.new_code),
                    where_(&c.stem)
                ));
                flip(
                    &c.stem,
                    format!("error code {} → {}", show(&c.old_code), show(&c.new_code)),
                );
            }
        }

        let _ = writeln!(s, "## Canaries flipped ({})\n", flipped.len());
        if flipped.is_empty() {
            let _ = writeln!(s, "None of the {} canaries flipped.\n", canaries.len());
        } else {
            let _ = writeln!(
                s,
                "| canary | what changed | it guards | rewrite |\n| --- | --- | --- | --- |"
            );
            for (c, why) in &flipped {
                let _ = writeln!(
                    s,
                    "| `{}` (`{}`) | {why} | {} | src/{} |",
                    c.name, c.listing, c.depends_on, c.section
                );
            }
            s.push('\n');
        }
        section(
            &mut s,
            "Verdicts changed",
            "| listing | pinned | this run | shown in |\n| --- | --- | --- | --- |",
            &verdicts,
        );
        section(
            &mut s,
            "Error codes changed",
            "| listing | pinned | this run | shown in |\n| --- | --- | --- | --- |",
            &codes,
        );

        let _ = writeln!(s, "## Snapshots changed ({})\n", self.snapshots.len());
        for c in &self.snapshots {
            let _ = writeln!(
                s,
                "### `{}` — {}\n\n```diff\n{}```\n",
                c.path,
                where_(&c.stem),
                c.diff
            );
        }
        let feats: Vec<String> = self
            .features_not_needed
            .iter()
            .map(|f| format!("- `{f}` builds without its `#![feature]`: {}", where_(f)))
            .collect();
        section(
            &mut s,
            "Nightly listings that no longer need their feature",
            "",
            &feats,
        );
        let others: Vec<String> = self
            .other_failures(stems)
            .iter()
            .map(|t| format!("- `{t}`"))
            .collect();
        section(&mut s, "Other tests that failed", "", &others);
        let _ = writeln!(
            s,
            "{}",
            if self.drifted(stems) {
                "**Drift found.**"
            } else {
                "**No drift.**"
            }
        );
        s
    }
}

fn section(s: &mut String, title: &str, head: &str, rows: &[String]) {
    let _ = writeln!(s, "## {title} ({})\n", rows.len());
    if rows.is_empty() {
        return;
    }
    if !head.is_empty() {
        let _ = writeln!(s, "{head}");
    }
    for r in rows {
        let _ = writeln!(s, "{r}");
    }
    s.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "\
running 3 tests
test state_machines_sect_listing_state_machines_sizes_src_state_machines_md_line_72 ... FAILED
test state_machines_sect_listing_state_machines_by_hand_src_state_machines_md_line_25 ... ok
test book_builds_without_warnings ... FAILED
test ../../listings/fail/runtime_std_guard_held.rs ... ok
\u{1b}[0mtest \u{1b}[0m\u{1b}[1m../../listings/fail/async_traits_rtn_stable.rs\u{1b}[0m ... \u{1b}[1m\u{1b}[31merror
\u{1b}[31mExpected test case to fail to compile, but it succeeded.

test ../../listings/fail/send_sync_cell_ref.rs ... wip
";

    #[test]
    fn reads_trybuild_and_libtest() {
        let log = parse_log(LOG);
        assert_eq!(log.now_compile, vec!["async_traits_rtn_stable"]);
        assert_eq!(log.trybuild_cases, 3);
        assert_eq!(log.passed_tests, 1);
        assert_eq!(log.failed_tests.len(), 2);
        let stems = vec![
            "state_machines_sizes".to_string(),
            "state_machines".to_string(),
        ];
        assert_eq!(
            listing_of_test(&log.failed_tests[0], &stems),
            Some("state_machines_sizes")
        );
        let report = Report {
            log,
            ..Default::default()
        };
        assert_eq!(report.now_fail(&stems).len(), 1);
        assert_eq!(
            report.other_failures(&stems),
            vec!["book_builds_without_warnings"]
        );
        assert!(report.drifted(&stems));
        assert!(!Report::default().drifted(&stems));
    }

    #[test]
    fn diffs_show_changed_lines_with_context() {
        let d = unified_diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\n");
        assert_eq!(d, "…\n b\n c\n-d\n+D\n e\n f\n…\n");
        assert_eq!(unified_diff("same\n", "same\n"), "");
    }
}
