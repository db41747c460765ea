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

/// Every path, in the order of the tables. The first is the baseline of the ratios.
pub const PATHS: [Path; 6] = [
    Path { id: "native_static", label: "`async fn` in a trait, static dispatch" },
    Path { id: "explicit_static", label: "`-> impl Future + Send`, static dispatch" },
    Path { id: "macro_static", label: "`#[async_trait]`, static dispatch" },
    Path { id: "macro_dyn", label: "`#[async_trait]`, through `&dyn Macro`" },
    Path { id: "boxed_dyn", label: "hand-written `Pin<Box<dyn Future + Send>>`, through `&dyn Boxed`" },
    Path { id: "dynosaur_dyn", label: "dynosaur, through `&DynExplicit`" },
];

/// Something done once per path: a criterion benchmark, an allocation count, a smoke call.
pub trait Visit {
    fn path(&mut self, path: &Path, call: impl Fn(u64) -> u64);
}

/// Hands `visit` each path as a closure making one call (the `*_static`/`*_dyn` functions of
/// costs_dispatch.rs). The receiver goes through `black_box`, so the compiler cannot see
/// through a `dyn` to the concrete type: dynamic dispatch stays dynamic.
pub fn each_path(visit: &mut impl Visit) {
    use dispatch::{boxed_dyn, dynosaur_dyn, explicit_static, macro_dyn, macro_static, native_static};
    let adder = Adder { base: 40 };
    let dynosaur = DynExplicit::from_ref(&adder);
    let [native, explicit, mac, mac_dyn, boxed, dyno] = &PATHS;
    visit.path(native, |x| native_static(black_box(&adder), x));
    visit.path(explicit, |x| explicit_static(black_box(&adder), x));
    visit.path(mac, |x| macro_static(black_box(&adder), x));
    visit.path(mac_dyn, |x| macro_dyn(black_box(&adder as &dyn Macro), x));
    visit.path(boxed, |x| boxed_dyn(black_box(&adder as &dyn Boxed), x));
    visit.path(dyno, |x| dynosaur_dyn(black_box(dynosaur), x));
}

/// `size_of_val` of what each path's `call` returns, in `PATHS` order: the future itself for
/// the static paths, a `Pin<Box<dyn Future>>` for the boxed ones.
pub fn returned_sizes() -> [usize; 6] {
    let adder = Adder { base: 40 };
    let dynosaur = DynExplicit::from_ref(&adder);
    [
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
        ("used_before", size_of_val(&used_before()), || block_on(used_before())),
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
    out.push_str("\n| How the method is called | `size_of_val` of what `call` returns | Allocations per call | Bytes allocated per call |\n");
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
/// ratios are taken within a run, against that run's static dispatch (the first path); the
/// table gives their median over the runs, and the smallest and largest.
pub fn time_table(runs: &[Vec<f64>]) -> String {
    assert!(!runs.is_empty() && runs.iter().all(|r| r.len() == PATHS.len()));
    let mut out = String::from(GENERATED);
    let n = runs.len();
    writeln!(
        out,
        "\n| How the method is called | Time per call, ns | Extra time per call over static dispatch, ns | Time per call ÷ static dispatch's |"
    )
    .unwrap();
    out.push_str("| --- | ---: | ---: | ---: |\n");
    let cell = |values: &[f64], digits: usize| {
        let (lo, hi) = min_max(values);
        format!("{:.digits$} ({lo:.digits$}–{hi:.digits$})", median(values))
    };
    for (i, path) in PATHS.iter().enumerate() {
        let times: Vec<f64> = runs.iter().map(|r| r[i]).collect();
        let extra: Vec<f64> = runs.iter().map(|r| r[i] - r[0]).collect();
        let ratios: Vec<f64> = runs.iter().map(|r| r[i] / r[0]).collect();
        writeln!(out, "| {} | {} | {} | {} |", path.label, cell(&times, 2), cell(&extra, 2), cell(&ratios, 1)).unwrap();
    }
    writeln!(
        out,
        "\nEach cell: the median over {n} runs of the benches (the smallest and largest in brackets). \
         A run times every path once; its differences and ratios compare paths within that run."
    )
    .unwrap();
    out
}
