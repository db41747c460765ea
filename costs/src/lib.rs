//! What the chapter "What it costs" (src/costs.md) measures, and the tables it shows.
//!
//! The measured code is the chapter's own listings, included here as modules, so the benches
//! time exactly what the reader sees. `cargo run -p costs --release --bin tables` runs the
//! benches and the measurements below and writes src/generated/costs-*.md.
//!
//! Nothing here registers a global allocator: the benches must run on the system allocator.
//! The counting allocator (listings/examples/costs_counting.rs) is included only by the
//! `tables` binary and by the tests, and handed to the functions below as `count`.

#[path = "../../listings/examples/costs_dispatch.rs"]
#[allow(dead_code)]
pub mod dispatch;

#[path = "../../listings/examples/costs_sizes.rs"]
#[allow(dead_code)]
pub mod sizes;

use dispatch::{Adder, Boxed, DynExplicit, Explicit, Macro, Native};
use std::fmt::Write;
use std::hint::black_box;

/// Counts what a closure allocates on this thread: (allocations, bytes).
/// `costs_counting::allocations`, passed in by whoever registered that allocator.
pub type Count<'a> = &'a dyn Fn(&mut dyn FnMut()) -> (usize, usize);

/// One way of calling the method: criterion's name for it, and the table's.
pub struct Path {
    pub id: &'static str,
    pub label: &'static str,
}

/// Every path, in the order of the tables: a plain method first, then the six ways of calling
/// the trait method. Ratios are taken to the second, `STATIC`.
pub const PATHS: [Path; 7] = [
    Path { id: "plain", label: "a plain method, no trait, no future" },
    Path { id: "native_static", label: "`async fn` in a trait, static dispatch" },
    Path { id: "explicit_static", label: "`-> impl Future + Send`, static dispatch" },
    Path { id: "macro_static", label: "`#[async_trait]`, static dispatch" },
    Path { id: "macro_dyn", label: "`#[async_trait]`, through `&dyn Macro`" },
    Path { id: "boxed_dyn", label: "hand-written `Pin<Box<dyn Future + Send>>`, through `&dyn Boxed`" },
    Path { id: "dynosaur_dyn", label: "dynosaur, through `&DynExplicit`" },
];

/// The index in `PATHS` of native `async fn` called by static dispatch, the ratios' baseline.
pub const STATIC: usize = 1;

/// Something done once per path: a criterion benchmark, an allocation count, a smoke call.
pub trait Visit {
    fn path(&mut self, path: &Path, call: impl Fn(u64) -> u64);
}

/// Hands `visit` each path as a closure making one call (the `*_static`/`*_dyn` functions of
/// costs_dispatch.rs). The receiver goes through `black_box`, so the compiler does not see
/// through a `dyn` to the concrete type: dynamic dispatch stays dynamic.
pub fn each_path(visit: &mut impl Visit) {
    use dispatch::{boxed_dyn, dynosaur_dyn, explicit_static, macro_dyn, macro_static, native_static, plain};
    let adder = Adder { base: 40 };
    let dynosaur = DynExplicit::from_ref(&adder);
    let [floor, native, explicit, mac, mac_dyn, boxed, dyno] = &PATHS;
    visit.path(floor, |x| plain(black_box(&adder), x));
    visit.path(native, |x| native_static(black_box(&adder), x));
    visit.path(explicit, |x| explicit_static(black_box(&adder), x));
    visit.path(mac, |x| macro_static(black_box(&adder), x));
    visit.path(mac_dyn, |x| macro_dyn(black_box(&adder as &dyn Macro), x));
    visit.path(boxed, |x| boxed_dyn(black_box(&adder as &dyn Boxed), x));
    visit.path(dyno, |x| dynosaur_dyn(black_box(dynosaur), x));
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
        fn path(&mut self, path: &Path, call: impl Fn(u64) -> u64) {
            call(2); // a first call, in case anything is set up lazily
            let (n, bytes) = (self.0)(&mut || {
                for x in 0..CALLS as u64 {
                    black_box(call(x));
                }
            });
            assert!(n % CALLS == 0 && bytes % CALLS == 0, "{}: {n} allocations, {bytes} bytes in {CALLS} calls", path.id);
            self.1.push((n / CALLS, bytes / CALLS));
        }
    }
    let mut counter = Counter(count, Vec::new());
    each_path(&mut counter);
    counter.1
}

/// The futures of costs_sizes.rs: name, `size_of_val`, and one run of it (for counting).
pub fn state_machines() -> Vec<(&'static str, usize, fn() -> u8)> {
    use dispatch::block_on;
    use sizes::*;
    vec![
        ("used_after", size_of_val(&used_after()), || block_on(used_after())),
        ("dropped_at_end", size_of_val(&dropped_at_end()), || block_on(dropped_at_end())),
        ("dropped_before", size_of_val(&dropped_before()), || block_on(dropped_before())),
        ("nested", size_of_val(&nested()), || block_on(nested())),
        ("boxed", size_of_val(&boxed()), || block_on(boxed())),
    ]
}

/// The note every generated file starts with.
pub const GENERATED: &str = "<!-- Generated by `cargo run -p costs --release --bin tables`. Do not edit: rerun it. -->\n";

/// src/generated/costs-allocations.md: per path, the returned value's size and the heap
/// allocations of one call.
pub fn allocation_table(count: Count) -> String {
    let mut out = String::from(GENERATED);
    out.push_str("\n| How the method is called | `size_of_val` of what the method returns | Allocations per call | Bytes allocated per call |\n");
    out.push_str("| --- | ---: | ---: | ---: |\n");
    for ((path, returned), (n, bytes)) in PATHS.iter().zip(returned_sizes()).zip(allocations_per_call(count)) {
        writeln!(out, "| {} | {returned} | {n} | {bytes} |", path.label).unwrap();
    }
    out
}

/// src/generated/costs-sizes.md: the futures of costs_sizes.rs, their sizes and allocations.
pub fn size_table(count: Count) -> String {
    let mut out = String::from(GENERATED);
    out.push_str("\n| Future | `size_of_val` (bytes) | Allocations per run | Bytes allocated per run |\n");
    out.push_str("| --- | ---: | ---: | ---: |\n");
    for (name, size, run) in state_machines() {
        let (n, bytes) = count(&mut || {
            black_box(run());
        });
        writeln!(out, "| `{name}()` | {size} | {n} | {bytes} |").unwrap();
    }
    out
}

/// src/generated/costs-runs.tsv: the raw result of every run (criterion's median, ns per call),
/// one line per run, one column per path. costs-time.md is computed from it.
pub fn runs_tsv(runs: &[Vec<f64>]) -> String {
    let mut out = String::from("run");
    for path in &PATHS {
        write!(out, "\t{}", path.id).unwrap();
    }
    out.push('\n');
    for (i, run) in runs.iter().enumerate() {
        write!(out, "{}", i + 1).unwrap();
        for t in run {
            write!(out, "\t{t}").unwrap();
        }
        out.push('\n');
    }
    out
}

/// Reads back what `runs_tsv` wrote; panics unless its columns are the paths of `PATHS`.
pub fn parse_runs(tsv: &str) -> Vec<Vec<f64>> {
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').skip(1).collect();
    assert_eq!(header, PATHS.map(|p| p.id), "the columns of costs-runs.tsv are not the paths measured now");
    lines.map(|l| l.split('\t').skip(1).map(|t| t.parse().expect("a time in ns")).collect()).collect()
}

/// Median of a non-empty list.
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 { v[mid] } else { (v[mid - 1] + v[mid]) / 2.0 }
}

fn min_max(values: &[f64]) -> (f64, f64) {
    values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)))
}

/// src/generated/costs-time.md from `runs`: one entry per run of the benches, holding each
/// path's time per call in nanoseconds (criterion's median), in `PATHS` order. Differences and
/// ratios are taken within a run, against that run's `STATIC` path; each cell gives their
/// median over the runs, and the smallest and largest. A closing sentence sums up the ranges
/// the chapter's prose relies on.
pub fn time_table(runs: &[Vec<f64>]) -> String {
    assert!(!runs.is_empty() && runs.iter().all(|r| r.len() == PATHS.len()));
    let mut out = String::from(GENERATED);
    let n = runs.len();
    out.push_str("\n| How the method is called | ns per call | ns more than static `async fn` | × static `async fn` |\n");
    out.push_str("| --- | ---: | ---: | ---: |\n");
    let cell = |values: &[f64], digits: usize| {
        let (lo, hi) = min_max(values);
        format!("{:.digits$} [{lo:.digits$}, {hi:.digits$}]", median(values))
    };
    for (i, path) in PATHS.iter().enumerate() {
        let times: Vec<f64> = runs.iter().map(|r| r[i]).collect();
        let extra: Vec<f64> = runs.iter().map(|r| r[i] - r[STATIC]).collect();
        let ratios: Vec<f64> = runs.iter().map(|r| r[i] / r[STATIC]).collect();
        writeln!(out, "| {} | {} | {} | {} |", path.label, cell(&times, 2), cell(&extra, 2), cell(&ratios, 1)).unwrap();
    }
    // Over all runs: the static paths over the plain method, the boxed paths' extra time, and
    // what calling `#[async_trait]` through `dyn` adds to calling it statically.
    let static_over_plain: Vec<f64> = runs.iter().flat_map(|r| [r[1] / r[0], r[2] / r[0]]).collect();
    let boxed_extra: Vec<f64> = runs.iter().flat_map(|r| r[3..].iter().map(|t| t - r[STATIC]).collect::<Vec<_>>()).collect();
    let dyn_extra: Vec<f64> = runs.iter().map(|r| r[4] - r[3]).collect();
    writeln!(
        out,
        "\nEach cell: the median over {n} runs of the benches, with the smallest and largest in brackets. \
         A run times every path once, and compares paths within that run. Over the {n} runs, a static \
         row took {} times as long as the plain method; a boxed row, {} ns more per call than the \
         static `async fn`; and `#[async_trait]` through `&dyn`, {} ns more per call than \
         `#[async_trait]` called statically.",
        cell(&static_over_plain, 1),
        cell(&boxed_extra, 1),
        cell(&dyn_extra, 1)
    )
    .unwrap();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_lists() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    /// Ratios are taken within each run: a run twice as fast overall changes no ratio.
    #[test]
    fn time_table_compares_paths_within_a_run() {
        let run = |scale: f64| [1.0, 1.0, 1.0, 30.0, 30.0, 30.0, 30.0].map(|t| t * scale).to_vec();
        let table = time_table(&[run(1.0), run(2.0), run(1.0)]);
        let boxed = table.lines().find(|l| l.starts_with("| `#[async_trait]`, static")).unwrap();
        assert!(boxed.ends_with(" | 30.0 [30.0, 30.0] |"), "{boxed}");
        assert!(boxed.contains(" | 29.00 [29.00, 58.00] | "), "{boxed}");
        assert!(table.contains("a static row took 1.0 [1.0, 1.0] times as long as the plain method"), "{table}");
        assert!(table.contains("a boxed row, 29.0 [29.0, 58.0] ns more per call"), "{table}");
        assert!(table.contains("through `&dyn`, 0.0 [0.0, 0.0] ns more"), "{table}");
    }

    #[test]
    fn runs_survive_the_tsv_round_trip() {
        let runs = vec![vec![0.5, 0.25, 1.0, 10.125, 11.0, 12.0, 13.0], vec![1.0; 7]];
        assert_eq!(parse_runs(&runs_tsv(&runs)), runs);
    }
}
