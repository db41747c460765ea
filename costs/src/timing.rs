//! The timer behind every time table of src/costs.md.
//!
//! A table's rows are timed together, interleaved: a run is made of rounds, each round times
//! every row once (one batch of calls) in a new random order, and a row's time in that run is
//! the median of its rounds. Load that changes during a run then falls on all rows alike,
//! whatever their place in the table. Runs are repeated; the tables show the median of the
//! runs and the smallest and largest.

use std::time::{Duration, Instant};

/// Times `iters` operations of one row and returns how long they took. Whatever must not be
/// timed (building a runtime, filling a queue) happens outside the returned duration.
pub type Batch = Box<dyn FnMut(u64) -> Duration>;

/// How long and how often to measure.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Passes over every table; each gives one value per row.
    pub runs: usize,
    /// Batches per row in a run; the run's value is their median.
    pub rounds: usize,
    /// About how long one batch takes.
    pub batch: Duration,
    /// Seeds the random order of the rows in each round.
    pub seed: u64,
}

/// A small xorshift generator: enough to shuffle rows, and the same order for the same seed.
pub struct Shuffler(u64);

impl Shuffler {
    pub fn new(seed: u64) -> Self {
        Shuffler(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// Fisher-Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// How many operations make one batch of about `target`: doubles until a batch takes a
/// quarter of it, then scales. Also warms the row up.
pub fn calibrate(batch: &mut Batch, target: Duration) -> u64 {
    let mut iters = 1u64;
    loop {
        let took = batch(iters);
        if took >= target / 4 || iters >= 1 << 40 {
            let scaled = iters as f64 * target.as_secs_f64() / took.as_secs_f64().max(1e-9);
            return (scaled as u64).max(1);
        }
        iters *= 2;
    }
}

/// Median of a non-empty list.
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

/// One run of one table: every row timed `settings.rounds` times, interleaved in random order.
/// Returns nanoseconds per operation for each row, in the order of `rows`.
pub fn run_table(
    rows: &mut [(Batch, u64)],
    settings: &Settings,
    shuffler: &mut Shuffler,
) -> Vec<f64> {
    let mut samples = vec![Vec::with_capacity(settings.rounds); rows.len()];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    for _ in 0..settings.rounds {
        shuffler.shuffle(&mut order);
        for &i in &order {
            let (batch, iters) = &mut rows[i];
            let took = batch(*iters);
            samples[i].push(took.as_nanos() as f64 / *iters as f64);
        }
    }
    samples.iter().map(|s| median(s)).collect()
}

/// Times the closure `f` over `iters` iterations: the usual body of a `Batch`.
#[inline(always)]
pub fn time(iters: u64, mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        f();
    }
    start.elapsed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_lists() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    /// Every order shows up, none is favoured much (3 items: 6 orders of 6000 shuffles).
    #[test]
    fn shuffles_are_uniform_enough() {
        let mut s = Shuffler::new(7);
        let mut seen = std::collections::HashMap::new();
        for _ in 0..6000 {
            let mut v = [0, 1, 2];
            s.shuffle(&mut v);
            *seen.entry(v).or_insert(0) += 1;
        }
        assert_eq!(seen.len(), 6);
        assert!(seen.values().all(|&n| (800..1200).contains(&n)), "{seen:?}");
    }

    /// Rounds are interleaved: in one run, every row's batches alternate with the others'.
    #[test]
    fn rows_are_interleaved_within_a_run() {
        use std::cell::RefCell;
        use std::rc::Rc;
        let log = Rc::new(RefCell::new(Vec::new()));
        let mut rows: Vec<(Batch, u64)> = (0..3)
            .map(|i| {
                let log = Rc::clone(&log);
                (
                    Box::new(move |_| {
                        log.borrow_mut().push(i);
                        Duration::from_nanos(10 * (i as u64 + 1))
                    }) as Batch,
                    1,
                )
            })
            .collect();
        let settings = Settings {
            runs: 1,
            rounds: 4,
            batch: Duration::ZERO,
            seed: 1,
        };
        let times = run_table(&mut rows, &settings, &mut Shuffler::new(1));
        assert_eq!(times, [10.0, 20.0, 30.0]);
        let log = log.borrow();
        for round in log.chunks(3) {
            let mut r = round.to_vec();
            r.sort();
            assert_eq!(r, [0, 1, 2], "each round times each row once: {log:?}");
        }
        assert!(
            log.chunks(3).any(|r| r != [0, 1, 2]),
            "the order changes between rounds: {log:?}"
        );
    }
}
