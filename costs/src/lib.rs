//! What the chapter "What it costs" (src/costs.md) measures, and the tables it shows.
//!
//! The measured code is the chapter's own listings, included here as modules, so the tables
//! time exactly what the reader sees. `cargo run -p costs --release --bin tables` runs the
//! measurements below and writes src/generated/costs-*.md.
//!
//! Nothing here registers a global allocator: the `time` binary must run on the system
//! allocator. The counting allocator (listings/examples/costs_counting.rs) is included only by
//! the `tables` binary and by the tests, and handed to the functions below as `count`.

#[path = "../../listings/examples/costs_dispatch.rs"]
#[allow(dead_code)]
pub mod dispatch;

#[path = "../../listings/examples/costs_sizes.rs"]
#[allow(dead_code)]
pub mod sizes;

#[path = "../../listings/examples/costs_spawn.rs"]
#[allow(dead_code)]
pub mod spawn;

#[path = "../../listings/examples/costs_fixes.rs"]
#[allow(dead_code)]
pub mod fixes;

pub mod timed;
pub mod timing;

use dispatch::{Adder, Boxed, DynExplicit, Explicit, Macro, Native};
use std::fmt::Write;
use std::hint::black_box;

/// Counts what a closure allocates on this thread: (allocations, bytes).
/// `costs_counting::allocations`, passed in by whoever registered that allocator.
pub type Count<'a> = &'a dyn Fn(&mut dyn FnMut()) -> (usize, usize);

/// One row of a table: a stable id (the anchor and the column of costs-runs.tsv), and its label.
#[derive(Clone, Copy, Debug)]
pub struct Path {
    pub id: &'static str,
    pub label: &'static str,
}

/// Every path, in the order of the tables: a plain method first, then the six ways of calling
/// the trait method.
pub const PATHS: [Path; 7] = [
    Path {
        id: "plain",
        label: "a plain method, no trait, no future",
    },
    Path {
        id: "native_static",
        label: "`async fn` in a trait, static dispatch",
    },
    Path {
        id: "explicit_static",
        label: "`-> impl Future + Send`, static dispatch",
    },
    Path {
        id: "macro_static",
        label: "`#[async_trait]`, static dispatch",
    },
    Path {
        id: "macro_dyn",
        label: "`#[async_trait]`, through `&dyn Macro`",
    },
    Path {
        id: "boxed_dyn",
        label: "hand-written `Pin<Box<dyn Future + Send>>`, through `&dyn Boxed`",
    },
    Path {
        id: "dynosaur_dyn",
        label: "dynosaur, through `&DynExplicit`",
    },
];

/// Something done once per path: a timed batch, an allocation count, a smoke call.
pub trait Visit {
    fn path(&mut self, path: &Path, call: impl Fn(u64) -> u64 + 'static);
}

pub(crate) static ADDER: Adder = Adder { base: 40 };

/// Hands `visit` each path as a closure making one call (the `*_static`/`*_dyn` functions of
/// costs_dispatch.rs). The receiver goes through `black_box`, so the compiler does not see
/// through a `dyn` to the concrete type: dynamic dispatch stays dynamic.
pub fn each_path(visit: &mut impl Visit) {
    use dispatch::{
        boxed_dyn, dynosaur_dyn, explicit_static, macro_dyn, macro_static, native_static, plain,
    };
    let adder = &ADDER;
    let dynosaur = DynExplicit::from_ref(adder);
    let [floor, native, explicit, mac, mac_dyn, boxed, dyno] = &PATHS;
    visit.path(floor, move |x| plain(black_box(adder), x));
    visit.path(native, move |x| native_static(black_box(adder), x));
    visit.path(explicit, move |x| explicit_static(black_box(adder), x));
    visit.path(mac, move |x| macro_static(black_box(adder), x));
    visit.path(mac_dyn, move |x| {
        macro_dyn(black_box(adder as &dyn Macro), x)
    });
    visit.path(boxed, move |x| boxed_dyn(black_box(adder as &dyn Boxed), x));
    visit.path(dyno, move |x| dynosaur_dyn(black_box(dynosaur), x));
}

/// `size_of_val` of what each path's method returns, in `PATHS` order: a `u64` for the plain
/// method, the future itself for the static paths, a `Pin<Box<dyn Future>>` for the boxed ones.
pub fn returned_sizes() -> [usize; 7] {
    let adder = Adder { base: 40 };
    let dynosaur = DynExplicit::from_ref(&adder);
    [
        size_of_val(&adder.add(2)),
        size_of_val(&Native::call(&adder, 2)),
        size_of_val(&Explicit::call(&adder, 2)),
        size_of_val(&Macro::call(&adder, 2)),
        size_of_val(&(&adder as &dyn Macro).call(2)),
        size_of_val(&(&adder as &dyn Boxed).call(2)),
        size_of_val(&dynosaur.call(2)),
    ]
}

/// How many calls each allocation count is taken over; the tables divide by it.
pub const CALLS: usize = 1000;

/// Allocations and bytes per call of each path, in `PATHS` order, over `CALLS` calls.
/// Panics if the total does not divide evenly: then "per call" would be a lie.
pub fn allocations_per_call(count: Count) -> Vec<(usize, usize)> {
    struct Counter<'a>(Count<'a>, Vec<(usize, usize)>);
    impl Visit for Counter<'_> {
        fn path(&mut self, path: &Path, call: impl Fn(u64) -> u64 + 'static) {
            call(2); // a first call, in case anything is set up lazily
            let (n, bytes) = (self.0)(&mut || {
                for x in 0..CALLS as u64 {
                    black_box(call(x));
                }
            });
            assert!(
                n % CALLS == 0 && bytes % CALLS == 0,
                "{}: {n} allocations, {bytes} bytes in {CALLS} calls",
                path.id
            );
            self.1.push((n / CALLS, bytes / CALLS));
        }
    }
    let mut counter = Counter(count, Vec::new());
    each_path(&mut counter);
    counter.1
}

/// One run of a future to completion (for counting).
pub type Run = fn() -> u8;

/// The futures of costs_sizes.rs: name, `size_of_val`, and one run of it (for counting).
pub fn state_machines() -> Vec<(&'static str, usize, Run)> {
    use dispatch::block_on;
    use sizes::*;
    vec![
        ("used_after", size_of_val(&used_after()), || {
            block_on(used_after())
        }),
        ("dropped_at_end", size_of_val(&dropped_at_end()), || {
            block_on(dropped_at_end())
        }),
        ("dropped_before", size_of_val(&dropped_before()), || {
            block_on(dropped_before())
        }),
        ("nested", size_of_val(&nested()), || block_on(nested())),
        ("boxed", size_of_val(&boxed()), || block_on(boxed())),
    ]
}

/// The note every generated file starts with.
pub const GENERATED: &str =
    "<!-- Generated by `cargo run -p costs --release --bin tables`. Do not edit: rerun it. -->\n";

/// src/generated/costs-allocations.md: per path, the returned value's size and the heap
/// allocations of one call.
pub fn allocation_table(count: Count) -> String {
    let mut out = String::from(GENERATED);
    out.push_str("\n| How the method is called | `size_of_val` of what the method returns | Allocations per call | Bytes allocated per call |\n");
    out.push_str("| --- | ---: | ---: | ---: |\n");
    for ((path, returned), (n, bytes)) in PATHS
        .iter()
        .zip(returned_sizes())
        .zip(allocations_per_call(count))
    {
        writeln!(out, "| {} | {returned} | {n} | {bytes} |", path.label).unwrap();
    }
    out
}

/// src/generated/costs-sizes.md: the futures of costs_sizes.rs, their sizes and allocations.
pub fn size_table(count: Count) -> String {
    let mut out = String::from(GENERATED);
    out.push_str(
        "\n| Future | `size_of_val` (bytes) | Allocations per run | Bytes allocated per run |\n",
    );
    out.push_str("| --- | ---: | ---: | ---: |\n");
    for (name, size, run) in state_machines() {
        let (n, bytes) = count(&mut || {
            black_box(run());
        });
        writeln!(out, "| `{name}()` | {size} | {n} | {bytes} |").unwrap();
    }
    out
}

/// The file every time is recorded in, one line per table, row and run.
pub const RUNS_FILE: &str = "costs-runs.tsv";

/// One recorded time: table, row, run (from 1), nanoseconds per operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub table: String,
    pub row: String,
    pub run: usize,
    pub ns: f64,
}

/// The header line of costs-runs.tsv.
pub const RUNS_HEADER: &str = "table\trow\trun\tns";

/// src/generated/costs-runs.tsv: every time measured, the raw material of the time tables.
pub fn runs_tsv(records: &[Record]) -> String {
    let mut out = format!("{RUNS_HEADER}\n");
    for r in records {
        writeln!(out, "{}\t{}\t{}\t{}", r.table, r.row, r.run, r.ns).unwrap();
    }
    out
}

/// Reads what `runs_tsv` wrote. A malformed line is an error naming `file` and the line.
pub fn parse_runs(file: &str, tsv: &str) -> Result<Vec<Record>, String> {
    let mut lines = tsv.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header == RUNS_HEADER => {}
        other => {
            return Err(format!(
                "{file}:1: expected the header `{RUNS_HEADER}`, found {:?}",
                other.map(|(_, l)| l)
            ));
        }
    }
    lines
        .map(|(i, line)| {
            let bad = |what: &str| format!("{file}:{}: {what}: `{line}`", i + 1);
            let f: Vec<&str> = line.split('\t').collect();
            let [table, row, run, ns] = f[..] else {
                return Err(bad("expected 4 tab-separated fields"));
            };
            let run = run.parse().map_err(|_| bad("the run is not a number"))?;
            let ns: f64 = ns.parse().map_err(|_| bad("the time is not a number"))?;
            if !ns.is_finite() || ns < 0.0 {
                return Err(bad("the time is not a duration"));
            }
            Ok(Record {
                table: table.into(),
                row: row.into(),
                run,
                ns,
            })
        })
        .collect()
}

/// A cell: the median over the runs, and the smallest and largest in brackets.
pub fn cell(values: &[f64], digits: usize) -> String {
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    format!(
        "{:.digits$} [{lo:.digits$}, {hi:.digits$}]",
        timing::median(values)
    )
}

/// The times of `table` in `records`, one list per row (in the table's order), one value per
/// run (in run order). An error names the row that has no times, or a row the table lacks.
pub fn times_of(table: &timed::TimeTable, records: &[Record]) -> Result<Vec<Vec<f64>>, String> {
    let mine: Vec<&Record> = records.iter().filter(|r| r.table == table.id).collect();
    if let Some(r) = mine
        .iter()
        .find(|r| !table.rows.iter().any(|row| row.id == r.row))
    {
        return Err(format!(
            "{RUNS_FILE}: table `{}` has no row `{}`: regenerate the tables",
            table.id, r.row
        ));
    }
    let mut runs: Vec<usize> = mine.iter().map(|r| r.run).collect();
    runs.sort();
    runs.dedup();
    table
        .rows
        .iter()
        .map(|row| {
            let times: Vec<f64> = runs
                .iter()
                .map(|&run| {
                    mine.iter()
                        .find(|r| r.row == row.id && r.run == run)
                        .map(|r| r.ns)
                        .ok_or_else(|| format!("{RUNS_FILE}: no time for row `{}` of table `{}` in run {run}: regenerate the tables", row.id, table.id))
                })
                .collect::<Result<_, _>>()?;
            if times.is_empty() {
                return Err(format!("{RUNS_FILE}: no time for row `{}` of table `{}`: regenerate the tables", row.id, table.id));
            }
            Ok(times)
        })
        .collect()
}

/// src/generated/costs-time-<id>.md: each row's time per operation, and what it takes more than
/// the table's baseline row, the difference taken within each run. Each row carries an HTML
/// anchor `cost-<table>-<row>`, so other chapters can link to it.
pub fn time_table(table: &timed::TimeTable, records: &[Record]) -> Result<String, String> {
    let times = times_of(table, records)?;
    let base = table
        .rows
        .iter()
        .position(|r| r.id == table.baseline)
        .expect("the baseline is a row of the table");
    let mut out = String::from(GENERATED);
    writeln!(
        out,
        "\n| {} | ns per {} ([machine](#the-machine)) | ns more than {} |",
        table.first_column, table.per, table.baseline_name
    )
    .unwrap();
    out.push_str("| --- | ---: | ---: |\n");
    for (row, t) in table.rows.iter().zip(&times) {
        let extra: Vec<f64> = t.iter().zip(&times[base]).map(|(a, b)| a - b).collect();
        let extra = if row.id == table.baseline {
            "(baseline)".to_string()
        } else {
            cell(&extra, table.digits)
        };
        writeln!(
            out,
            "| <span id=\"{}\"></span>{} | {} | {extra} |",
            anchor(table, row),
            row.label,
            cell(t, table.digits)
        )
        .unwrap();
    }
    Ok(out)
}

/// The anchor of a row of a time table.
pub fn anchor(table: &timed::TimeTable, row: &Path) -> String {
    format!("cost-{}-{}", table.id, row.id).replace('_', "-")
}

/// A `tokio::spawn` of one future (inside a runtime context).
pub type Spawn = fn() -> tokio::task::JoinHandle<u8>;

/// The futures of the spawn-size tables: label, `size_of_val`, and a spawn of one.
pub fn spawned_futures() -> [(&'static str, usize, Spawn); 4] {
    use spawn::hold;
    [
        ("N = 64 B", size_of_val(&hold::<64>()), || {
            tokio::spawn(hold::<64>())
        }),
        ("N = 1 KiB", size_of_val(&hold::<1024>()), || {
            tokio::spawn(hold::<1024>())
        }),
        ("N = 16 KiB", size_of_val(&hold::<16384>()), || {
            tokio::spawn(hold::<16384>())
        }),
        ("N = 64 KiB", size_of_val(&hold::<65536>()), || {
            tokio::spawn(hold::<65536>())
        }),
    ]
}

/// Allocations and bytes per `tokio::spawn` of each future of `spawned_futures`, counted on
/// the spawning thread over `CALLS` spawns, after a first one.
pub fn spawn_allocations(count: Count) -> Vec<(usize, usize)> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let _inside = rt.enter();
    let counts = spawned_futures()
        .iter()
        .map(|(label, _, spawn)| {
            drop(spawn());
            // The workers run the spawned tasks meanwhile, and now and then the spawning thread
            // does a little of the runtime's own work too (2 more allocations in 1000 spawns were
            // seen under load). That only ever adds: the fewest of a few rounds is what a spawn
            // costs, and it must be a whole number per spawn.
            let (n, bytes) = (0..5)
                .map(|_| {
                    count(&mut || {
                        for _ in 0..CALLS {
                            drop(spawn());
                        }
                    })
                })
                .min()
                .expect("five rounds");
            assert!(n % CALLS == 0 && bytes % CALLS == 0, "spawn, {label}: {n} allocations, {bytes} bytes in {CALLS} spawns (the fewest of five rounds)");
            (n / CALLS, bytes / CALLS)
        })
        .collect();
    drop(_inside);
    rt.shutdown_background();
    counts
}

/// src/generated/costs-spawn-allocations.md: per future size, what `tokio::spawn` allocates.
pub fn spawn_allocation_table(count: Count) -> String {
    let mut out = String::from(GENERATED);
    out.push_str("\n| `hold::<N>()` | `size_of_val` (bytes) | Allocations per `tokio::spawn` | Bytes allocated per `tokio::spawn` |\n");
    out.push_str("| --- | ---: | ---: | ---: |\n");
    for ((label, size, _), (n, bytes)) in spawned_futures().iter().zip(spawn_allocations(count)) {
        writeln!(out, "| {label} | {size} | {n} | {bytes} |").unwrap();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: timed::TimeTable = timed::TimeTable {
        id: "t",
        first_column: "What",
        per: "op",
        baseline: "a",
        baseline_name: "a",
        digits: 1,
        rows: &[
            Path {
                id: "a",
                label: "A",
            },
            Path {
                id: "b",
                label: "B",
            },
        ],
    };

    fn record(row: &str, run: usize, ns: f64) -> Record {
        Record {
            table: "t".into(),
            row: row.into(),
            run,
            ns,
        }
    }

    /// The extra column is taken within each run: a run twice as slow overall changes nothing.
    #[test]
    fn time_table_subtracts_the_baseline_within_each_run() {
        let records = [
            record("a", 1, 10.0),
            record("b", 1, 30.0),
            record("a", 2, 20.0),
            record("b", 2, 40.0),
            record("a", 3, 10.0),
            record("b", 3, 30.0),
        ];
        let table = time_table(&TWO, &records).unwrap();
        assert!(
            table.contains(
                "| <span id=\"cost-t-b\"></span>B | 30.0 [30.0, 40.0] | 20.0 [20.0, 20.0] |"
            ),
            "{table}"
        );
        assert!(
            table.contains("| <span id=\"cost-t-a\"></span>A | 10.0 [10.0, 20.0] | (baseline) |"),
            "{table}"
        );
    }

    #[test]
    fn a_missing_row_is_named() {
        let err = time_table(&TWO, &[record("a", 1, 10.0)]).unwrap_err();
        assert_eq!(
            err,
            "costs-runs.tsv: no time for row `b` of table `t` in run 1: regenerate the tables"
        );
    }

    #[test]
    fn runs_survive_the_tsv_round_trip_and_bad_lines_are_named() {
        let records = vec![record("a", 1, 0.25), record("b", 1, 10.125)];
        assert_eq!(parse_runs("f", &runs_tsv(&records)).unwrap(), records);
        let bad = format!("{RUNS_HEADER}\nt\ta\t1\t0.5\nt\tb\tone\t2\n");
        assert_eq!(
            parse_runs("f.tsv", &bad).unwrap_err(),
            "f.tsv:3: the run is not a number: `t\tb\tone\t2`"
        );
    }
}
