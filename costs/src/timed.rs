//! The time tables of src/costs.md: what each one times, row by row, and the batches that time
//! it (run by the `time` binary, on the system allocator).

use crate::timing::{Batch, time};
use crate::{PATHS, Path, Visit, each_path};
use std::hint::black_box;

/// A time table: written to src/generated/costs-time-<id>.md.
pub struct TimeTable {
    pub id: &'static str,
    /// The heading of the first column.
    pub first_column: &'static str,
    /// What one operation is: "call", "spawn".
    pub per: &'static str,
    /// The row the last column subtracts, and how the heading names it.
    pub baseline: &'static str,
    pub baseline_name: &'static str,
    /// Decimals shown.
    pub digits: usize,
    pub rows: &'static [Path],
}

/// Criterion-style empty loop: an argument through `black_box` in, the result through
/// `black_box` out, no call. What every row of the dispatch table pays before any call.
pub const EMPTY: Path = Path { id: "empty", label: "the empty loop: no call, `black_box` in and out" };

const DISPATCH_ROWS: [Path; 8] = [EMPTY, PATHS[0], PATHS[1], PATHS[2], PATHS[3], PATHS[4], PATHS[5], PATHS[6]];

/// Every time table, in the order the chapter shows them.
pub const TABLES: &[TimeTable] = &[TimeTable {
    id: "dispatch",
    first_column: "How the method is called (future ready at its first poll)",
    per: "call",
    baseline: "native_static",
    baseline_name: "static `async fn`",
    digits: 2,
    rows: &DISPATCH_ROWS,
}];

/// The table with this id.
pub fn table(id: &str) -> &'static TimeTable {
    TABLES.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("no time table `{id}`"))
}

/// The batches of one table, in the order of its rows.
pub fn batches(table: &TimeTable) -> Vec<Batch> {
    let batches = match table.id {
        "dispatch" => dispatch(),
        other => panic!("no batches for table `{other}`"),
    };
    assert_eq!(batches.len(), table.rows.len(), "table `{}`: one batch per row", table.id);
    batches
}

/// The paths of costs_dispatch.rs, called in a loop with `block_on`, after the empty loop.
fn dispatch() -> Vec<Batch> {
    struct Timed(Vec<Batch>);
    impl Visit for Timed {
        fn path(&mut self, _: &Path, call: impl Fn(u64) -> u64 + 'static) {
            self.0.push(Box::new(move |iters| time(iters, || _ = black_box(call(black_box(2))))));
        }
    }
    let mut timed = Timed(vec![Box::new(|iters| time(iters, || _ = black_box(black_box(2u64))))]);
    each_path(&mut timed);
    timed.0
}
