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

/// src/costs.md, its whitespace (line breaks) collapsed, so that a phrase is found across lines.
fn chapter() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/costs.md");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `smallest` rounded down and `largest` rounded up, to as many decimals as `written` has: the
/// range "A to B" that holds every value, as tight as its digits allow.
fn bounds(smallest: f64, largest: f64, written: &str) -> (String, String) {
    let digits = written.split_once('.').map_or(0, |(_, d)| d.len());
    let scale = 10f64.powi(digits as i32);
    (
        format!("{:.digits$}", (smallest * scale).floor() / scale),
        format!("{:.digits$}", (largest * scale).ceil() / scale),
    )
}

/// What src/costs.md concludes from a time table, in a form the recorded times can refute.
/// Every comparison pairs `row` with `than` of the same run, as the tables' last column does.
enum Claim {
    /// `row` took longer than `than` in every run.
    Slower(&'static str, &'static str, &'static str),
    /// `row` took at least `factor` times as long as `than` in every run.
    Times(&'static str, &'static str, &'static str, f64),
    /// `row` took "`lo` to `hi` times" as long as `than`: every run's ratio lies in that range,
    /// and the range is the tightest its digits can write (smallest rounded down, largest up).
    TimesBetween(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ),
    /// `row` took "`lo` to `hi` ns" more than `than`: the smallest and largest within-run
    /// difference, written exactly as the table's last column writes them in brackets (rounded
    /// to nearest, to the table's digits), so that sentence and table agree figure for figure.
    MoreBy(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ),
    /// No difference worth the name: in every run, `row` took less than `bound` ns more or less
    /// than `than`, faster or slower (the sentence writes "within `bound` ns").
    Within(&'static str, &'static str, &'static str, &'static str),
    /// The median of (`row` - `base`) over the runs is under `fraction` of `base`'s median.
    SmallPart(&'static str, &'static str, &'static str, f64),
}

/// A conclusion of src/costs.md: words the chapter says (found with line breaks ignored), and
/// the claims on the recorded times that make them true.
struct Conclusion {
    says: &'static str,
    claims: &'static [Claim],
}

const fn says(says: &'static str, claims: &'static [Claim]) -> Conclusion {
    Conclusion { says, claims }
}

/// Each conclusion of the chapter, with the claims that back it.
const CONCLUSIONS: &[Conclusion] = &[
    says(
        "the static rows cost the same as the plain method (in every run, each was within 0.09 ns of it)",
        &[
            Claim::Within("dispatch", "native_static", "plain", "0.09"),
            Claim::Within("dispatch", "explicit_static", "plain", "0.09"),
        ],
    ),
    says(
        "each boxed row costs an allocation and a free more",
        &[
            Claim::Slower("dispatch", "macro_static", "native_static"),
            Claim::Slower("dispatch", "macro_dyn", "native_static"),
            Claim::Slower("dispatch", "boxed_dyn", "native_static"),
            Claim::Slower("dispatch", "dynosaur_dyn", "native_static"),
        ],
    ),
    says(
        "every boxed row's extra is under a third of the static call's time",
        &[
            Claim::SmallPart("ct", "macro_static", "native_static", 1.0 / 3.0),
            Claim::SmallPart("ct", "macro_dyn", "native_static", 1.0 / 3.0),
            Claim::SmallPart("ct", "boxed_dyn", "native_static", 1.0 / 3.0),
            Claim::SmallPart("ct", "dynosaur_dyn", "native_static", 1.0 / 3.0),
            Claim::SmallPart("mt", "macro_static", "native_static", 1.0 / 3.0),
            Claim::SmallPart("mt", "macro_dyn", "native_static", 1.0 / 3.0),
            Claim::SmallPart("mt", "boxed_dyn", "native_static", 1.0 / 3.0),
            Claim::SmallPart("mt", "dynosaur_dyn", "native_static", 1.0 / 3.0),
        ],
    ),
    says(
        "the boxes cost more per box in every run when another thread freed them (the last column): the 24-byte ones by 67.0 to 81.2 ns, the 1026-byte ones by anything from 26.6 to 241.6 ns",
        &[
            Claim::Slower("free", "other", "same"),
            Claim::Slower("free_1k", "other", "same"),
            Claim::MoreBy("free", "other", "same", "67.0", "81.2"),
            Claim::MoreBy("free_1k", "other", "same", "26.6", "241.6"),
        ],
    ),
    says(
        "spawning the 64 KiB future took 4.1 to 5.3 times as long as the 64-byte one in these runs",
        &[Claim::TimesBetween(
            "spawn_size",
            "64kib",
            "64b",
            "4.1",
            "5.3",
        )],
    ),
    says(
        "an `Arc` clone and drop took longer than an `Rc` one in every run",
        &[Claim::Slower("rc", "arc", "rc")],
    ),
    says(
        "an atomic add took longer than a `Cell` add in every run",
        &[Claim::Slower("cell", "atomic", "cell")],
    ),
    says(
        "locking a `Mutex` took longer than borrowing a `RefCell` in every run",
        &[Claim::Slower("refcell", "mutex", "refcell")],
    ),
    says(
        "with nobody else locking, `tokio::sync::Mutex` took longer than a `std` mutex in a block in every run",
        &[Claim::Slower("mutex", "tokio", "std")],
    ),
    says(
        "**What to conclude:** `tokio::sync::Mutex` took longer than a `std` mutex in a block in every run.",
        &[Claim::Slower("contended", "tokio", "std")],
    ),
    says(
        "`spawn_local`, in a `LocalSet` or on a `LocalRuntime`, took less time than `tokio::spawn` on the multi-thread runtime in every run",
        &[
            Claim::Slower("local", "spawn_mt", "localset"),
            Claim::Slower("local", "spawn_mt", "local_runtime"),
        ],
    ),
    says(
        "a `spawn_blocking` took 15 to 19 times as long as a `tokio::spawn` in these runs: for a call this short, it costs far more than the call",
        &[
            Claim::TimesBetween("blocking", "spawn_blocking", "spawn", "15", "19"),
            Claim::Times("blocking", "spawn_blocking", "inline", 100.0),
        ],
    ),
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

/// Why `claim` does not hold for the recorded times, or `None` when it does. `says` is the
/// chapter's sentence, which must write a range claim's figures.
fn refute(claim: &Claim, says: &str) -> Option<String> {
    let (table, row, than) = match claim {
        Claim::Slower(t, r, b)
        | Claim::Times(t, r, b, _)
        | Claim::TimesBetween(t, r, b, ..)
        | Claim::MoreBy(t, r, b, ..)
        | Claim::Within(t, r, b, _)
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
    let extra: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x - y).collect();
    let ratio: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x / y).collect();
    let at =
        format!("src/generated/costs-time-{table}.md: `{row}` {a:.1?} against `{than}` {b:.1?}");
    // The last column's brackets of `row`, as the generated table prints them.
    let digits = costs::timed::table(table).digits;
    let in_table = |values: &[f64]| {
        let (smallest, largest) = range(values);
        (
            format!("{smallest:.digits$}"),
            format!("{largest:.digits$}"),
        )
    };
    let range_claim = |values: &[f64], lo: &str, hi: &str, unit: &str| {
        let (smallest, largest) = range(values);
        let shown = if unit == "ns" {
            in_table(values)
        } else {
            bounds(smallest, largest, lo)
        };
        let written = format!("{lo} to {hi} {unit}");
        if !says.contains(&written) {
            Some(format!(
                "{at}: the claim is \"{written}\", which the sentence does not write"
            ))
        } else if shown != (lo.to_string(), hi.to_string()) {
            Some(format!(
                "{at}: run by run, {smallest:.3} to {largest:.3} {unit}, which is \"{} to {} {unit}\"{}, not \"{written}\"",
                shown.0,
                shown.1,
                if unit == "ns" {
                    " as the table writes it"
                } else {
                    ""
                }
            ))
        } else {
            None
        }
    };
    match claim {
        Claim::Slower(..) => (!extra.iter().all(|d| *d > 0.0))
            .then(|| format!("{at}: not slower in every run (run by run: {extra:.1?})")),
        Claim::Times(.., f) => (!ratio.iter().all(|r| r >= f))
            .then(|| format!("{at}: not {f} times as slow in every run ({ratio:.2?})")),
        Claim::TimesBetween(.., lo, hi) => range_claim(&ratio, lo, hi, "times"),
        Claim::MoreBy(.., lo, hi) => range_claim(&extra, lo, hi, "ns"),
        Claim::Within(.., bound) => {
            let written = format!("within {bound} ns");
            let limit: f64 = bound.parse().unwrap_or_else(|e| {
                panic!("costs/tests/measurements.rs: the bound \"{bound}\" of `{row}` is not a number: {e}")
            });
            let widest = extra.iter().fold(0f64, |m, d| m.max(d.abs()));
            if !says.contains(&written) {
                Some(format!(
                    "{at}: the claim is \"{written}\", which the sentence does not write"
                ))
            } else if widest >= limit {
                Some(format!(
                    "{at}: run by run, the difference is {extra:.3?} ns; {widest:.3} ns is not \"{written}\""
                ))
            } else {
                None
            }
        }
        Claim::SmallPart(.., f) => (costs::timing::median(&extra) >= f * costs::timing::median(&b))
            .then(|| format!("{at}: not slower by less than {f:.2} of it (medians)")),
    }
}

/// The chapter's conclusions hold for the recorded times: a regeneration that contradicts a
/// sentence of src/costs.md fails here, naming the table and rows, until the sentence is fixed;
/// and each sentence is still in the chapter, so claim and sentence cannot drift apart.
#[test]
fn the_chapter_s_conclusions_hold_for_the_recorded_times() {
    let text = chapter();
    let mut failed = Vec::new();
    for conclusion in CONCLUSIONS {
        if !text.contains(conclusion.says) {
            failed.push(format!(
                "src/costs.md: no longer says \"{}\": change its claims in costs/tests/measurements.rs with it",
                conclusion.says
            ));
        }
        for claim in conclusion.claims {
            if let Some(why) = refute(claim, conclusion.says) {
                failed.push(format!(
                    "{why}\n    src/costs.md says: \"{}\"",
                    conclusion.says
                ));
            }
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
/// machine notes record, for each row, the median and the least share of a batch during which
/// they did. What the chapter says of it, and what each row's share must be for that to be true:
/// (the median or the least share, more than half of a batch or not).
const OVERLAP: (&str, &[(&str, bool)]) = (
    "The two tasks ran at the same time for most of the median batch, but not of every batch: in the worst batch of each row they overlapped for less than half of it",
    &[("median", true), ("least", false)],
);

/// "gives up after 50 ms": each task of the contended table waits for the other at most as long
/// as costs/src/timed.rs lets it (its `deadline`).
#[test]
fn the_chapter_says_how_long_a_contended_task_waits_for_the_other() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/timed.rs");
    let code = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (line, ms) = code
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            let rest = l
                .split("let deadline = Instant::now() + Duration::from_millis(")
                .nth(1)?;
            Some((i + 1, rest.split(')').next()?.to_string()))
        })
        .unwrap_or_else(|| {
            panic!("{path}: no `let deadline = Instant::now() + Duration::from_millis(N)`")
        });
    let says = format!("gives up after {ms} ms");
    assert!(
        chapter().contains(&says),
        "costs/src/timed.rs:{line}: a contended task waits at most {ms} ms for the other, and src/costs.md does not say \"{says}\""
    );
}

#[test]
fn the_two_tasks_on_one_lock_ran_at_the_same_time_as_the_chapter_says() {
    let (says, shares) = OVERLAP;
    assert!(
        chapter().contains(says),
        "src/costs.md: no longer says \"{says}\": change OVERLAP in costs/tests/measurements.rs with it"
    );
    let notes = generated("costs-machine.md");
    let line = notes
        .lines()
        .find(|l| l.contains("both tasks were running"))
        .expect("src/generated/costs-machine.md: no line on the contended table");
    let mut failed = Vec::new();
    for row in ["std", "tokio"] {
        for (stat, more_than_half) in shares {
            let share: f64 = line
                .split(&format!("`{row}` row: "))
                .nth(1)
                .and_then(|rest| rest.split(&format!("{stat} ")).nth(1))
                .and_then(|rest| rest.split('%').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| {
                    panic!(
                        "src/generated/costs-machine.md: no {stat} share for the `{row}` row in: {line}"
                    )
                });
            if (share > 50.0) != *more_than_half {
                let what = if *more_than_half { "more" } else { "no more" };
                failed.push(format!(
                    "src/generated/costs-machine.md: the `{row}` row's {stat} share is {share}%, and the chapter needs {what} than half of a batch"
                ));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "src/costs.md says \"{says}\", which the machine notes do not show; fix the sentence:\n{}\n{line}",
        failed.join("\n")
    );
}
