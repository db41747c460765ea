//! Regenerates the tables of src/costs.md:
//!
//!     cargo run -p costs --release --bin tables [-- --runs N] [-- --no-bench] [-- -- CRITERION ARGS]
//!
//! Counts allocations and measures future sizes in this process (which registers the counting
//! allocator of listings/examples/costs_counting.rs), then runs the criterion benches
//! (`cargo bench -p costs --bench dispatch`, on the system allocator) `--runs` times, and writes
//! src/generated/costs-{allocations,sizes,time,machine}.md, and the raw times of every run to
//! src/generated/costs-runs.tsv. `--no-bench` skips the benches: it rewrites the allocation and
//! size tables, and the time table from the runs recorded in costs-runs.tsv.

#[path = "../../../listings/examples/costs_counting.rs"]
#[allow(dead_code)]
mod counting;

use costs::{PATHS, allocation_table, parse_runs, runs_tsv, size_table, time_table};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::{env, fs};

fn count(f: &mut dyn FnMut()) -> (usize, usize) {
    counting::allocations(f)
}

fn main() {
    let mut runs = 9;
    let mut bench = true;
    let mut criterion_args = Vec::new();
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0).expect("--runs N, N > 0"),
            "--no-bench" => bench = false,
            "--" => criterion_args.extend(args.by_ref()),
            other => panic!("unknown argument {other}: see the top of costs/src/bin/tables.rs"),
        }
    }
    assert!(!cfg!(debug_assertions), "measure optimized code: cargo run -p costs --release --bin tables");

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let out = root.join("src/generated");
    fs::create_dir_all(&out).unwrap();
    write(&out.join("costs-allocations.md"), &allocation_table(&count));
    write(&out.join("costs-sizes.md"), &size_table(&count));
    if !bench {
        // Only re-render the time table from the runs recorded last time.
        let runs = fs::read_to_string(out.join("costs-runs.tsv")).expect("no recorded runs: run without --no-bench");
        write(&out.join("costs-time.md"), &time_table(&parse_runs(&runs)));
        return;
    }

    let target = env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let home = target.join("costs-criterion");
    let load_before = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let mut results = Vec::new();
    for run in 1..=runs {
        eprintln!("tables: run {run} of {runs}: cargo bench -p costs --bench dispatch");
        let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["bench", "-p", "costs", "--bench", "dispatch", "--"])
            .args(&criterion_args)
            .env("CRITERION_HOME", &home)
            .current_dir(&root)
            .status()
            .expect("cargo bench starts");
        assert!(status.success(), "cargo bench failed");
        results.push(PATHS.iter().map(|p| median_ns(&home, p.id)).collect::<Vec<f64>>());
    }
    let load_after = fs::read_to_string("/proc/loadavg").unwrap_or_default();
    write(&out.join("costs-runs.tsv"), &runs_tsv(&results));
    write(&out.join("costs-time.md"), &time_table(&results));
    write(&out.join("costs-machine.md"), &machine(&root, runs, &criterion_args, &load_before, &load_after));
    print!("{}", fs::read_to_string(out.join("costs-time.md")).unwrap());
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    eprintln!("tables: wrote {}", path.display());
}

/// Criterion's median time per iteration of one benchmark, in nanoseconds.
fn median_ns(home: &Path, id: &str) -> f64 {
    let path = home.join("dispatch").join(id).join("new/estimates.json");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["median"]["point_estimate"].as_f64().unwrap_or_else(|| panic!("{}: no median", path.display()))
}

fn command(root: &Path, program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .current_dir(root)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| format!("(`{program}` failed)"))
}

/// src/generated/costs-machine.md: where and with what the times were measured.
fn machine(root: &Path, runs: usize, criterion_args: &[String], before: &str, after: &str) -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, m)| m.trim().to_string()))
        .unwrap_or_else(|| "(unknown: no model name in /proc/cpuinfo)".into());
    let rustc = command(root, "rustc", &["-vV"]);
    let field = |name: &str| rustc.lines().find_map(|l| l.strip_prefix(name)).unwrap_or("?").trim().to_string();
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let criterion = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"criterion\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
        .unwrap_or_else(|| "?".into());
    let loadavg = |s: &str| s.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let mut out = String::from(costs::GENERATED);
    out.push('\n');
    out.push_str(&format!("- Measured on {} (UTC), {runs} runs of `cargo bench -p costs --bench dispatch`", command(root, "date", &["-u", "+%Y-%m-%d %H:%M"])));
    if criterion_args.is_empty() {
        out.push_str(" with the settings in `costs/benches/dispatch.rs`.\n");
    } else {
        out.push_str(&format!(" with criterion arguments `{}`.\n", criterion_args.join(" ")));
    }
    out.push_str(&format!("- CPU: {cpu}; `nproc`: {}.\n", command(root, "nproc", &[])));
    out.push_str(&format!("- Load average (1, 5, 15 min) before the runs: {}; after: {}.\n", loadavg(before), loadavg(after)));
    out.push_str(&format!(
        "- rustc {} ({}, LLVM {}), `--release`; criterion {criterion}; futures polled by `block_on` from `costs_dispatch.rs`.\n",
        field("release:"),
        field("host:"),
        field("LLVM version:")
    ));
    out
}
