//! Times every table of costs::timed::TABLES, on the system allocator:
//!
//!     cargo run -p costs --release --bin time -- [--runs N] [--rounds N] [--batch-ms N] [--seed N] [--only ID,ID]
//!
//! Prints costs-runs.tsv on stdout (see `costs::runs_tsv`), and before each run a line
//! `#load<TAB>run<TAB>load average` with /proc/loadavg's 1, 5 and 15 minute figures.
//! The `tables` binary runs this and writes the chapter's tables from what it prints.

use costs::timed::{OVERLAP, TABLES, batches};
use costs::timing::{Settings, Shuffler, calibrate, median, run_table};
use costs::{Record, runs_tsv};
use std::time::{Duration, Instant};
use std::{env, fs};

fn main() {
    if cfg!(debug_assertions) {
        panic!("time optimized code: cargo run -p costs --release --bin time");
    }
    let mut settings = Settings {
        runs: 9,
        rounds: 31,
        batch: Duration::from_millis(2),
        seed: 1,
    };
    let mut only: Option<Vec<String>> = None;
    let mut args = env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        let number = |v: String| -> u64 {
            v.parse()
                .unwrap_or_else(|_| panic!("{arg}: `{v}` is not a number"))
        };
        match arg.as_str() {
            "--runs" => settings.runs = number(value()).max(1) as usize,
            "--rounds" => settings.rounds = number(value()).max(1) as usize,
            "--batch-ms" => settings.batch = Duration::from_millis(number(value()).max(1)),
            "--seed" => settings.seed = number(value()),
            "--only" => only = Some(value().split(',').map(String::from).collect()),
            other => panic!("unknown argument {other}: see the top of costs/src/bin/time.rs"),
        }
    }
    let tables: Vec<_> = TABLES
        .iter()
        .filter(|t| only.as_ref().is_none_or(|o| o.iter().any(|id| id == t.id)))
        .collect();
    assert!(
        !tables.is_empty(),
        "--only names no table; the tables are {:?}",
        TABLES.iter().map(|t| t.id).collect::<Vec<_>>()
    );

    let started = Instant::now();
    let mut rows: Vec<_> = tables
        .iter()
        .map(|t| {
            batches(t)
                .into_iter()
                .map(|mut b| {
                    let n = calibrate(&mut b, settings.batch);
                    (b, n)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    OVERLAP.lock().unwrap().clear(); // calibration's batches are not measurements
    eprintln!(
        "time: calibrated in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut shuffler = Shuffler::new(settings.seed);
    let mut records = Vec::new();
    for run in 1..=settings.runs {
        let load = fs::read_to_string("/proc/loadavg").unwrap_or_default();
        println!(
            "#load\t{run}\t{}",
            load.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        );
        for (table, rows) in tables.iter().zip(&mut rows) {
            for (row, ns) in table
                .rows
                .iter()
                .zip(run_table(rows, &settings, &mut shuffler))
            {
                records.push(Record {
                    table: table.id.into(),
                    row: row.id.into(),
                    run,
                    ns,
                });
            }
        }
        eprintln!(
            "time: run {run} of {} done at {:.1} s",
            settings.runs,
            started.elapsed().as_secs_f64()
        );
    }
    for row in ["std", "tokio"] {
        let shares: Vec<f64> = OVERLAP
            .lock()
            .unwrap()
            .iter()
            .filter(|(r, _)| *r == row)
            .map(|(_, s)| *s)
            .collect();
        if !shares.is_empty() {
            let min = shares.iter().copied().fold(f64::INFINITY, f64::min);
            println!(
                "#overlap\t{row}\t{:.0}%\t{:.0}%",
                100.0 * median(&shares),
                100.0 * min
            );
        }
    }
    println!(
        "#settings\t{} runs, {} rounds, batches of about {} ms, seed {}",
        settings.runs,
        settings.rounds,
        settings.batch.as_millis(),
        settings.seed
    );
    print!("{}", runs_tsv(&records));
}
