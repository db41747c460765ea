//! The timings are not run by `cargo test`: this calls every path they time once, on the
//! system allocator as they do, and checks the answer; and runs every batch once.

use costs::{Path, Visit, each_path};

#[test]
fn every_benchmarked_path_answers() {
    struct Smoke(Vec<&'static str>);
    impl Visit for Smoke {
        fn path(&mut self, path: &Path, call: impl Fn(u64) -> u64 + 'static) {
            assert_eq!(call(2), 42, "{}", path.id);
            self.0.push(path.id);
        }
    }
    let mut smoke = Smoke(Vec::new());
    each_path(&mut smoke);
    assert_eq!(smoke.0, costs::PATHS.map(|p| p.id));
}

#[test]
fn every_timed_batch_runs() {
    for table in costs::timed::TABLES {
        for mut batch in costs::timed::batches(table) {
            batch(3);
        }
    }
}
