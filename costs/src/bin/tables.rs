//! Regenerates the tables of src/costs.md:
//!
//!     cargo run -p costs --release --bin tables [-- --no-bench] [-- TIME ARGS]
//!
//! Counts allocations and measures future sizes in this process (which registers the counting
//! allocator of listings/examples/costs_counting.rs), then runs the `time` binary (on the system
//! allocator; TIME ARGS such as `--runs 3 --batch-ms 1` are passed to it, see
//! costs/src/bin/time.rs) and writes src/generated/costs-{allocations,sizes,machine}.md,
//! costs-time-<table>.md, and every measured time to costs-runs.tsv. `--no-bench` times
//! nothing: it rewrites the allocation and size tables, and the time tables from the times
//! recorded in costs-runs.tsv.

#[path = "../../../listings/examples/costs_counting.rs"]
#[allow(dead_code)]
mod counting;

use costs::timed::TABLES;
use costs::{
    RUNS_FILE, allocation_table, parse_runs, size_table, spawn_allocation_table, time_table,
};
use std::path::Path;
use std::process::Command;
use std::time::Instant;
use std::{env, fs};

fn count(f: &mut dyn FnMut()) -> (usize, usize) {
    counting::allocations(f)
}

fn main() {
    let started = Instant::now();
    let mut bench = true;
    let mut time_args = Vec::new();
    for arg in env::args().skip(1) {
        match arg.as_str() {
            "--no-bench" => bench = false,
            "--" => {}
            "--only" => panic!(
                "--only is for `--bin time` alone: the tables need every table timed in one go"
            ),
            _ => time_args.push(arg),
        }
    }
    if cfg!(debug_assertions) {
        panic!("measure optimized code: cargo run -p costs --release --bin tables");
    }

    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let out = root.join("src/generated");
    fs::create_dir_all(&out).unwrap();
    write(&out.join("costs-allocations.md"), &allocation_table(&count));
    write(&out.join("costs-sizes.md"), &size_table(&count));
    write(
        &out.join("costs-spawn-allocations.md"),
        &spawn_allocation_table(&count),
    );

    if bench {
        eprintln!(
            "tables: cargo run -p costs --release --bin time -- {}",
            time_args.join(" ")
        );
        let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .args([
                "run",
                "-q",
                "-p",
                "costs",
                "--release",
                "--bin",
                "time",
                "--",
            ])
            .args(&time_args)
            .current_dir(&root)
            .stderr(std::process::Stdio::inherit())
            .output()
            .expect("cargo run starts");
        assert!(output.status.success(), "the time binary failed");
        let stdout = String::from_utf8(output.stdout).unwrap();
        let (notes, tsv): (Vec<&str>, Vec<&str>) = stdout.lines().partition(|l| l.starts_with('#'));
        write(&out.join(RUNS_FILE), &(tsv.join("\n") + "\n"));
        write(&out.join("costs-machine.md"), &machine(&root, &notes));
    }
    let path = out.join(RUNS_FILE);
    let tsv = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}: run without --no-bench", path.display()));
    let records = parse_runs(&path.display().to_string(), &tsv).unwrap_or_else(|e| panic!("{e}"));
    for table in TABLES {
        let text = time_table(table, &records).unwrap_or_else(|e| panic!("{e}"));
        write(&out.join(format!("costs-time-{}.md", table.id)), &text);
    }
    eprintln!("tables: done in {:.0} s", started.elapsed().as_secs_f64());
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    eprintln!("tables: wrote {}", path.display());
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

/// src/generated/costs-machine.md: where, when and with what the times were measured, and the
/// load average before each run (`notes`: the `#` lines the `time` binary printed).
fn machine(root: &Path, notes: &[&str]) -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .and_then(|r| r.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "(unknown: no model name in /proc/cpuinfo)".into());
    let rustc = command(root, "rustc", &["-vV"]);
    let field = |name: &str| {
        rustc
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or("?")
            .trim()
            .to_string()
    };
    let libc = command(root, "ldd", &["--version"])
        .lines()
        .next()
        .unwrap_or("?")
        .to_string();
    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let version = |name: &str| {
        lock.split("[[package]]")
            .find(|p| p.contains(&format!("name = \"{name}\"\n")))
            .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
            .map(|v| v.trim_end_matches('"').to_string())
            .unwrap_or_else(|| "?".into())
    };
    let settings = notes
        .iter()
        .find_map(|l| l.strip_prefix("#settings\t"))
        .unwrap_or("?");
    let loads: Vec<String> = notes
        .iter()
        .filter_map(|l| l.strip_prefix("#load\t"))
        .map(|l| l.replacen('\t', ": ", 1))
        .map(|l| format!("run {l}"))
        .collect();
    let overlap: Vec<String> = notes
        .iter()
        .filter_map(|l| l.strip_prefix("#overlap\t"))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            format!(
                "`{}` row: median {}, least {}",
                f[0],
                f.get(1).unwrap_or(&"?"),
                f.get(2).unwrap_or(&"?")
            )
        })
        .collect();
    let mut out = String::from(costs::GENERATED);
    out.push('\n');
    out.push_str(&format!(
        "- Measured on {} (UTC) by `cargo run -p costs --release --bin time`: {settings}.\n",
        command(root, "date", &["-u", "+%Y-%m-%d %H:%M"])
    ));
    out.push_str(&format!(
        "- CPU: {cpu}; `nproc`: {}.\n",
        command(root, "nproc", &[])
    ));
    out.push_str(&format!(
        "- Load average (1, 5, 15 min) at the start of each run: {}.\n",
        loads.join("; ")
    ));
    out.push_str(&format!(
        "- rustc {} ({}, LLVM {}), `--release`; tokio {}.\n",
        field("release:"),
        field("host:"),
        field("LLVM version:"),
        version("tokio")
    ));
    out.push_str(&format!(
        "- Share of each batch of the [contended table](#two-tasks-on-one-lock) during which both tasks were running, on different workers: {}.\n",
        overlap.join("; ")
    ));
    out.push_str(&format!("- Allocator: Rust's default, `std::alloc::System`, which calls the C library's `malloc`; `ldd --version`: {libc}.\n"));
    out
}
