//! `cargo bench -p costs`: one trait method, called the six ways of costs_dispatch.rs.
//! `cargo run -p costs --release --bin tables` runs this several times and writes the
//! chapter's table from criterion's estimates.

use costs::{Path, Visit, each_path};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

struct Bench<'a, 'c>(&'a mut BenchmarkGroup<'c, WallTime>);

impl Visit for Bench<'_, '_> {
    fn path(&mut self, path: &Path, call: impl Fn(u64) -> u64) {
        self.0.bench_function(path.id, |b| b.iter(|| call(black_box(2))));
    }
}

fn dispatch(c: &mut Criterion) {
    let mut group = c.benchmark_group("dispatch");
    each_path(&mut Bench(&mut group));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        // Short, so that a run is over before the load of a shared machine changes much:
        // `tables` runs it several times and takes medians.
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(1))
        .without_plots();
    targets = dispatch
}
criterion_main!(benches);
