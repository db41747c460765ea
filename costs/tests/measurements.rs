//! The allocation and size claims of src/costs.md, asserted exactly, and the generated tables
//! checked against what this compiler measures now. This test binary counts allocations with
//! the global allocator of listings/examples/costs_counting.rs.

#[path = "../../listings/examples/costs_counting.rs"]
#[allow(dead_code)]
mod counting;

use costs::dispatch::{Adder, Boxed, Explicit, Macro, block_on};
use costs::{PATHS, allocations_per_call, returned_sizes, sizes, state_machines};
use std::future::Future;
use std::pin::Pin;

fn count(f: &mut dyn FnMut()) -> (usize, usize) {
    counting::allocations(f)
}

/// Allocations per call, per path. Written down before the first measurement, from what each
/// path compiles to:
/// - the plain method returns a `u64`: 0;
/// - native `async fn` and `-> impl Future + Send`: the future is a value the caller keeps on
///   its stack (`block_on` pins it there), so 0;
/// - `#[async_trait]`, statically or through `dyn`, the hand-written method and dynosaur's
///   `DynExplicit`: each call does one `Box::pin`, so 1, and nothing else.
/// The measurement agreed. If it ever disagrees, the chapter follows the measurement.
const EXPECTED_ALLOCATIONS: [(&str, usize); 7] = [
    ("plain", 0),
    ("native_static", 0),
    ("explicit_static", 0),
    ("macro_static", 1),
    ("macro_dyn", 1),
    ("boxed_dyn", 1),
    ("dynosaur_dyn", 1),
];

#[test]
fn allocations_per_call_are_exactly_as_expected() {
    let measured = allocations_per_call(&count);
    for ((path, (n, _)), (id, expected)) in PATHS.iter().zip(&measured).zip(EXPECTED_ALLOCATIONS) {
        assert_eq!(path.id, id);
        assert_eq!(*n, expected, "{id}: {n} allocations per call, expected {expected}");
    }
}

/// Each boxed path allocates exactly its future: the bytes per call are the size of the
/// future the box holds, and what `call` returns is the box: a pointer and a vtable.
#[test]
fn a_boxed_call_allocates_exactly_its_future() {
    let adder = Adder { base: 40 };
    let boxed: [Pin<Box<dyn Future<Output = u64> + Send + '_>>; 3] =
        [Macro::call(&adder, 2), (&adder as &dyn Macro).call(2), (&adder as &dyn Boxed).call(2)];
    // dynosaur's `call` returns an opaque `impl Future`; what it boxes is the future of
    // `Adder`'s own `Explicit::call`.
    let dynosaur_boxes = size_of_val(&Explicit::call(&adder, 2));
    let inside: Vec<usize> = boxed.iter().map(|future| size_of_val(&**future)).chain([dynosaur_boxes]).collect();
    let measured = allocations_per_call(&count);
    let returned = returned_sizes();
    for (i, bytes) in inside.into_iter().enumerate() {
        let k = i + 3; // in PATHS, the boxed paths follow the plain method and the two static paths
        assert_eq!(measured[k], (1, bytes), "{}", PATHS[k].id);
        assert_eq!(returned[k], 2 * size_of::<usize>(), "{}", PATHS[k].id);
    }
    // A static path's future holds at least its arguments, `&self` and `x`, and lives inline.
    for k in 1..3 {
        assert!(returned[k] >= size_of::<&Adder>() + size_of::<u64>(), "{}", PATHS[k].id);
        assert_eq!(measured[k], (0, 0), "{}", PATHS[k].id);
    }
    assert_eq!((returned[0], measured[0]), (size_of::<u64>(), (0, 0)), "plain");
}

/// Boxing `used_after()` moves it to the heap: `boxed()` allocates exactly one
/// `used_after()` per run, and no other future of costs_sizes.rs allocates at all.
#[test]
fn boxing_moves_the_big_future_to_the_heap() {
    let big = size_of_val(&sizes::used_after());
    for (name, _, run) in state_machines() {
        let expected = if name == "boxed" { (1, big) } else { (0, 0) };
        assert_eq!(count(&mut || _ = run()), expected, "{name}");
    }
    assert_eq!(block_on(sizes::boxed()), 1);
}

fn generated(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/generated/").to_string() + name;
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Fails naming the generated file and the first line that differs from what is measured now.
fn assert_current(name: &str, measured: &str) {
    let recorded = generated(name);
    if recorded == measured {
        return;
    }
    let (r, m): (Vec<&str>, Vec<&str>) = (recorded.lines().collect(), measured.lines().collect());
    let line = (0..r.len().max(m.len())).find(|&i| r.get(i) != m.get(i)).unwrap_or(0);
    panic!(
        "src/generated/{name}:{}: the book says\n    {}\nbut this compiler measures\n    {}\n{REGENERATE}",
        line + 1,
        r.get(line).unwrap_or(&"(no line)"),
        m.get(line).unwrap_or(&"(no line)")
    );
}

const REGENERATE: &str = "the table in the book is not what this compiler measures: \
    regenerate it with `cargo run -p costs --release --bin tables`";

#[test]
fn the_allocation_table_is_current() {
    assert_current("costs-allocations.md", &costs::allocation_table(&count));
}

#[test]
fn the_size_table_is_current() {
    assert_current("costs-sizes.md", &costs::size_table(&count));
}

/// Times cannot be re-measured in a test, but every time table must be what the recorded runs
/// give: every row of the table present in costs-runs.tsv, in every run, and nothing else.
#[test]
fn the_time_tables_are_computed_from_the_recorded_runs() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/generated/costs-runs.tsv");
    let records = costs::parse_runs(file, &generated(costs::RUNS_FILE)).unwrap_or_else(|e| panic!("{e}"));
    for table in costs::timed::TABLES {
        let expected = costs::time_table(table, &records).unwrap_or_else(|e| panic!("{e}"));
        assert_current(&format!("costs-time-{}.md", table.id), &expected);
    }
    let known: Vec<&str> = costs::timed::TABLES.iter().map(|t| t.id).collect();
    if let Some(r) = records.iter().find(|r| !known.contains(&r.table.as_str())) {
        panic!("{file}: times for table `{}`, which no longer exists: {REGENERATE}", r.table);
    }
}

fn recorded_times(table: &str) -> Vec<(&'static str, Vec<f64>)> {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/generated/costs-runs.tsv");
    let records = costs::parse_runs(file, &generated(costs::RUNS_FILE)).unwrap_or_else(|e| panic!("{e}"));
    let table = costs::timed::table(table);
    let times = costs::times_of(table, &records).unwrap_or_else(|e| panic!("{e}"));
    table.rows.iter().map(|r| r.id).zip(times).collect()
}

fn range(values: &[f64]) -> (f64, f64) {
    values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)))
}

/// What the chapter concludes from the dispatch table, checked on the recorded times: the
/// static rows' ranges overlap the plain method's ("no difference beyond the brackets"), and
/// every boxed row took longer than static `async fn` in every run.
#[test]
fn the_dispatch_table_says_what_the_chapter_reads_in_it() {
    let times = recorded_times("dispatch");
    let of = |id: &str| times.iter().find(|(r, _)| *r == id).map(|(_, t)| t.clone()).unwrap();
    let plain = range(&of("plain"));
    for id in ["native_static", "explicit_static"] {
        let (lo, hi) = range(&of(id));
        assert!(lo <= plain.1 && plain.0 <= hi, "dispatch: `{id}` [{lo}, {hi}] does not overlap `plain` {plain:?}");
    }
    let base = of("native_static");
    for id in ["macro_static", "macro_dyn", "boxed_dyn", "dynosaur_dyn"] {
        for (run, (t, b)) in of(id).iter().zip(&base).enumerate() {
            assert!(t > b, "dispatch: in run {}, `{id}` ({t} ns) was not slower than `native_static` ({b} ns)", run + 1);
        }
    }
}
