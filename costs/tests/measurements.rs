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
///
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
        assert_eq!(
            *n, expected,
            "{id}: {n} allocations per call, expected {expected}"
        );
    }
}

/// Each boxed path allocates exactly its future: the bytes per call are the size of the
/// future the box holds, and what `call` returns is the box: a pointer and a vtable.
#[test]
fn a_boxed_call_allocates_exactly_its_future() {
    let adder = Adder { base: 40 };
    let boxed: [Pin<Box<dyn Future<Output = u64> + Send + '_>>; 3] = [
        Macro::call(&adder, 2),
        (&adder as &dyn Macro).call(2),
        (&adder as &dyn Boxed).call(2),
    ];
    // dynosaur's `call` returns an opaque `impl Future`; what it boxes is the future of
    // `Adder`'s own `Explicit::call`.
    let dynosaur_boxes = size_of_val(&Explicit::call(&adder, 2));
    let inside: Vec<usize> = boxed
        .iter()
        .map(|future| size_of_val(&**future))
        .chain([dynosaur_boxes])
        .collect();
    let measured = allocations_per_call(&count);
    let returned = returned_sizes();
    for (i, bytes) in inside.into_iter().enumerate() {
        let k = i + 3; // in PATHS, the boxed paths follow the plain method and the two static paths
        assert_eq!(measured[k], (1, bytes), "{}", PATHS[k].id);
        assert_eq!(returned[k], 2 * size_of::<usize>(), "{}", PATHS[k].id);
    }
    // A static path's future holds at least its arguments, `&self` and `x`, and lives inline.
    for k in 1..3 {
        assert!(
            returned[k] >= size_of::<&Adder>() + size_of::<u64>(),
            "{}",
            PATHS[k].id
        );
        assert_eq!(measured[k], (0, 0), "{}", PATHS[k].id);
    }
    assert_eq!(
        (returned[0], measured[0]),
        (size_of::<u64>(), (0, 0)),
        "plain"
    );
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
    let line = (0..r.len().max(m.len()))
        .find(|&i| r.get(i) != m.get(i))
        .unwrap_or(0);
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
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../src/generated/costs-runs.tsv"
    );
    let records =
        costs::parse_runs(file, &generated(costs::RUNS_FILE)).unwrap_or_else(|e| panic!("{e}"));
    for table in costs::timed::TABLES {
        let expected = costs::time_table(table, &records).unwrap_or_else(|e| panic!("{e}"));
        assert_current(&format!("costs-time-{}.md", table.id), &expected);
    }
    let known: Vec<&str> = costs::timed::TABLES.iter().map(|t| t.id).collect();
    if let Some(r) = records.iter().find(|r| !known.contains(&r.table.as_str())) {
        panic!(
            "{file}: times for table `{}`, which no longer exists: {REGENERATE}",
            r.table
        );
    }
}

fn recorded_times(table: &str) -> Vec<(&'static str, Vec<f64>)> {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../src/generated/costs-runs.tsv"
    );
    let records =
        costs::parse_runs(file, &generated(costs::RUNS_FILE)).unwrap_or_else(|e| panic!("{e}"));
    let table = costs::timed::table(table);
    let times = costs::times_of(table, &records).unwrap_or_else(|e| panic!("{e}"));
    table.rows.iter().map(|r| r.id).zip(times).collect()
}

fn range(values: &[f64]) -> (f64, f64) {
    values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        })
}

/// What src/costs.md concludes from a time table, in a form the recorded times can refute.
enum Claim {
    /// `row` took longer than `than` in every run.
    Slower(&'static str, &'static str, &'static str),
    /// `row` took at least `factor` times as long as `than` in every run.
    Times(&'static str, &'static str, &'static str, f64),
    /// The ranges [min, max] of `row` and `than` overlap: no difference beyond the brackets.
    Same(&'static str, &'static str, &'static str),
    /// The median of (`row` - `base`) over the runs is under `fraction` of `base`'s median.
    SmallPart(&'static str, &'static str, &'static str, f64),
}

/// Each conclusion of the chapter, with the claims that back it.
const CLAIMS: &[Claim] = &[
    // Time per call: the static rows cost no more than the plain method; boxes cost more.
    Claim::Same("dispatch", "native_static", "plain"),
    Claim::Same("dispatch", "explicit_static", "plain"),
    Claim::Slower("dispatch", "macro_static", "native_static"),
    Claim::Slower("dispatch", "macro_dyn", "native_static"),
    Claim::Slower("dispatch", "boxed_dyn", "native_static"),
    Claim::Slower("dispatch", "dynosaur_dyn", "native_static"),
    // A future that suspends: the box is a small part of a call; multi-thread costs more.
    Claim::SmallPart("ct", "macro_static", "native_static", 1.0 / 3.0),
    Claim::SmallPart("ct", "macro_dyn", "native_static", 1.0 / 3.0),
    Claim::SmallPart("ct", "boxed_dyn", "native_static", 1.0 / 3.0),
    Claim::SmallPart("ct", "dynosaur_dyn", "native_static", 1.0 / 3.0),
    Claim::SmallPart("mt", "macro_static", "native_static", 1.0 / 3.0),
    Claim::SmallPart("mt", "macro_dyn", "native_static", 1.0 / 3.0),
    Claim::SmallPart("mt", "boxed_dyn", "native_static", 1.0 / 3.0),
    Claim::SmallPart("mt", "dynosaur_dyn", "native_static", 1.0 / 3.0),
    // Where the box is freed.
    Claim::Slower("free", "other", "same"),
    Claim::Same("free_1k", "other", "same"),
    // The size of a spawned future.
    Claim::Times("spawn_size", "64kib", "64b", 2.0),
    // The fixes.
    Claim::Slower("rc", "arc", "rc"),
    Claim::Slower("cell", "atomic", "cell"),
    Claim::Slower("refcell", "mutex", "refcell"),
    Claim::Slower("mutex", "tokio", "std"),
    Claim::Slower("contended", "tokio", "std"),
    Claim::Slower("local", "spawn_mt", "localset"),
    Claim::Slower("local", "spawn_mt", "local_runtime"),
    Claim::Times("blocking", "spawn_blocking", "spawn", 5.0),
    Claim::Times("blocking", "spawn_blocking", "inline", 100.0),
];

/// "a multi-thread runtime costs more per suspension than a current-thread one": the static
/// call on `Yielder` took longer on the multi-thread runtime in every run.
#[test]
fn the_multi_thread_runtime_costs_more_per_suspension() {
    let of = |table: &str| {
        recorded_times(table)
            .into_iter()
            .find(|(r, _)| *r == "native_static")
            .unwrap()
            .1
    };
    let (ct, mt) = (of("ct"), of("mt"));
    for (run, (c, m)) in ct.iter().zip(&mt).enumerate() {
        assert!(
            m > c,
            "src/generated/costs-time-mt.md: in run {}, `native_static` took {m} ns on the multi-thread runtime, {c} ns on the current-thread one",
            run + 1
        );
    }
}

/// The chapter's conclusions hold for the recorded times: a regeneration that contradicts a
/// sentence of src/costs.md fails here, naming the table and rows, until the sentence is fixed.
#[test]
fn the_chapter_s_conclusions_hold_for_the_recorded_times() {
    let mut failed = Vec::new();
    for claim in CLAIMS {
        let (table, row, than) = match claim {
            Claim::Slower(t, r, b)
            | Claim::Times(t, r, b, _)
            | Claim::Same(t, r, b)
            | Claim::SmallPart(t, r, b, _) => (*t, *r, *b),
        };
        let times = recorded_times(table);
        let of = |id: &str| {
            times
                .iter()
                .find(|(r, _)| *r == id)
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| panic!("table `{table}` has no row `{id}`"))
        };
        let (a, b) = (of(row), of(than));
        let ((alo, ahi), (blo, bhi)) = (range(&a), range(&b));
        let holds = match claim {
            Claim::Slower(..) => a.iter().zip(&b).all(|(x, y)| x > y),
            Claim::Times(.., f) => a.iter().zip(&b).all(|(x, y)| *x >= f * y),
            Claim::Same(..) => alo <= bhi && blo <= ahi,
            Claim::SmallPart(.., f) => {
                let extra: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x - y).collect();
                costs::timing::median(&extra) < f * costs::timing::median(&b)
            }
        };
        if !holds {
            let what = match claim {
                Claim::Slower(..) => "slower in every run".to_string(),
                Claim::Times(.., f) => format!("at least {f} times as slow in every run"),
                Claim::Same(..) => "no different beyond the brackets".to_string(),
                Claim::SmallPart(.., f) => format!("slower by less than {f:.2} of it (medians)"),
            };
            failed.push(format!("src/generated/costs-time-{table}.md: `{row}` {a:.1?} is not {what} than `{than}` {b:.1?}"));
        }
    }
    assert!(
        failed.is_empty(),
        "src/costs.md concludes what these recorded times do not show; fix the sentence:\n{}",
        failed.join("\n")
    );
}

#[test]
fn the_spawn_allocation_table_is_current() {
    assert_current(
        "costs-spawn-allocations.md",
        &costs::spawn_allocation_table(&count),
    );
}

/// tokio's threshold for boxing a spawned future, as this build of tokio sets it: read from
/// the pinned tokio source (src/runtime/mod.rs, `BOX_FUTURE_THRESHOLD`), for debug or release.
fn tokio_box_threshold() -> usize {
    let lock =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock")).unwrap();
    let version = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"tokio\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
        .expect("Cargo.lock: no tokio");
    let home =
        std::env::var("CARGO_HOME").unwrap_or_else(|_| std::env::var("HOME").unwrap() + "/.cargo");
    let registry = std::path::Path::new(&home).join("registry/src");
    let source = std::fs::read_dir(&registry)
        .unwrap_or_else(|e| panic!("{}: {e}", registry.display()))
        .map(|d| {
            d.unwrap()
                .path()
                .join(format!("tokio-{version}/src/runtime/mod.rs"))
        })
        .find(|p| p.exists())
        .unwrap_or_else(|| {
            panic!(
                "tokio-{version}'s source is not under {}",
                registry.display()
            )
        });
    let text = std::fs::read_to_string(&source).unwrap();
    let at = text
        .find("BOX_FUTURE_THRESHOLD: usize = if cfg!(debug_assertions)")
        .unwrap_or_else(|| {
            panic!(
                "{}: no `BOX_FUTURE_THRESHOLD: usize = if cfg!(debug_assertions)`",
                source.display()
            )
        });
    let line = text[..at].lines().count();
    let numbers: Vec<usize> = text[at..]
        .split(';')
        .next()
        .unwrap()
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    let [debug, release] = numbers[..] else {
        panic!(
            "{}:{line}: BOX_FUTURE_THRESHOLD is not `if debug {{ N }} else {{ M }}`: {numbers:?}",
            source.display()
        )
    };
    assert_eq!(
        (debug, release),
        (2048, 16384),
        "{}:{line}: src/costs.md quotes 2048 and 16384",
        source.display()
    );
    if cfg!(debug_assertions) {
        debug
    } else {
        release
    }
}

/// A future of exactly `N` bytes, ready at once.
struct Exactly<const N: usize>([u8; N]);

impl<const N: usize> Future for Exactly<N> {
    type Output = u8;
    fn poll(self: Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<u8> {
        std::task::Poll::Ready(self.0[0])
    }
}

/// `tokio::spawn` allocates the task, and first boxes a future bigger than the threshold: one
/// allocation up to it, two above it, one of them exactly the future's size.
#[test]
fn tokio_spawn_boxes_a_future_above_its_threshold() {
    const THRESHOLD: usize = if cfg!(debug_assertions) { 2048 } else { 16384 };
    assert_eq!(tokio_box_threshold(), THRESHOLD);
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let _inside = rt.enter();
    let at = count(&mut || drop(tokio::spawn(Exactly::<THRESHOLD>([1; THRESHOLD]))));
    let above = count(&mut || {
        drop(tokio::spawn(Exactly::<{ THRESHOLD + 1 }>(
            [1; THRESHOLD + 1],
        )))
    });
    let small = count(&mut || drop(tokio::spawn(Exactly::<1>([1]))));
    assert_eq!(at.0, 1, "a future of exactly {THRESHOLD} bytes: {at:?}");
    assert_eq!(above.0, 2, "a future of {} bytes: {above:?}", THRESHOLD + 1);
    // Boxed: the future's own bytes, plus a task holding a `Pin<Box<_>>`, as big as the task
    // of a one-byte future.
    assert_eq!(above.1 - (THRESHOLD + 1), small.1, "{above:?} {small:?}");
    // And the futures of the table follow the rule.
    let measured = costs::spawn_allocations(&count);
    for ((label, size, _), (n, bytes)) in costs::spawned_futures().iter().zip(measured) {
        let boxed = *size > THRESHOLD;
        assert_eq!(n, 1 + boxed as usize, "{label}: {size} bytes");
        if boxed {
            assert_eq!(
                bytes - size,
                small.1,
                "{label}: the box holds the future, the task a pointer"
            );
        }
    }
}

/// "Two tasks on one lock" is only about contention if the two tasks ran at the same time: the
/// machine notes record for how much of each batch they did, and the chapter says "most".
#[test]
fn the_two_tasks_on_one_lock_did_run_at_the_same_time() {
    let notes = generated("costs-machine.md");
    let line = notes
        .lines()
        .find(|l| l.contains("both tasks were running"))
        .expect("src/generated/costs-machine.md: no line on the contended table");
    for row in ["std", "tokio"] {
        let share: f64 = line
            .split(&format!("`{row}` row: median "))
            .nth(1)
            .and_then(|rest| rest.split('%').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "src/generated/costs-machine.md: no median share for the `{row}` row in: {line}"
                )
            });
        assert!(
            share >= 50.0,
            "src/generated/costs-machine.md: in the contended table, the `{row}` row's tasks ran at the same time for a median {share}% of a batch, not most of it: {line}"
        );
    }
}
