//! The time tables of src/costs.md: what each one times, row by row, and the batches that time
//! it (run by the `time` binary, on the system allocator).

use crate::dispatch::{Boxed, DynExplicit, Explicit, Macro, Native, Yielder};
use crate::fixes::*;
use crate::spawn::hold;
use crate::timing::{Batch, time};
use crate::{ADDER, PATHS, Path, Visit, each_path};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::runtime::{Builder, Runtime};

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
pub const EMPTY: Path = Path {
    id: "empty",
    label: "the empty loop: no call, `black_box` in and out",
};

const DISPATCH_ROWS: [Path; 8] = [
    EMPTY, PATHS[0], PATHS[1], PATHS[2], PATHS[3], PATHS[4], PATHS[5], PATHS[6],
];

const fn row(id: &'static str, label: &'static str) -> Path {
    Path { id, label }
}

/// The rows of the two runtime tables: the paths of costs_dispatch.rs on `Yielder`, whose
/// future suspends once and is woken.
const AWAITED_ROWS: [Path; 8] = [
    row("empty", "the empty loop: no call, no `.await`"),
    row("plain", "`Yielder::add`, an `async fn` with no trait"),
    PATHS[1],
    PATHS[2],
    PATHS[3],
    PATHS[4],
    PATHS[5],
    PATHS[6],
];

/// Every time table, in the order the chapter shows them.
pub const TABLES: &[TimeTable] = &[
    TimeTable {
        id: "dispatch",
        first_column: "How the method is called (future ready at its first poll)",
        per: "call",
        baseline: "native_static",
        baseline_name: "static `async fn`",
        digits: 2,
        rows: &DISPATCH_ROWS,
    },
    TimeTable {
        id: "ct",
        first_column: "How the method is called (future suspends once; current-thread runtime)",
        per: "call",
        baseline: "native_static",
        baseline_name: "static `async fn`",
        digits: 1,
        rows: &AWAITED_ROWS,
    },
    TimeTable {
        id: "mt",
        first_column: "How the method is called (future suspends once; multi-thread runtime)",
        per: "call",
        baseline: "native_static",
        baseline_name: "static `async fn`",
        digits: 1,
        rows: &AWAITED_ROWS,
    },
    TimeTable {
        id: "free",
        first_column: "Where 256 boxed futures of 24 bytes are freed",
        per: "box (allocate and free)",
        baseline: "same",
        baseline_name: "the same thread",
        digits: 1,
        rows: &[
            row("same", "on the thread that allocated them"),
            row("other", "on another thread"),
        ],
    },
    TimeTable {
        id: "free_1k",
        first_column: "Where 256 boxed futures of 1026 bytes are freed",
        per: "box (allocate and free)",
        baseline: "same",
        baseline_name: "the same thread",
        digits: 1,
        rows: &[
            row("same", "on the thread that allocated them"),
            row("other", "on another thread"),
        ],
    },
    TimeTable {
        id: "spawn_size",
        first_column: "`tokio::spawn(hold::<N>())`, then `.await` its `JoinHandle` (multi-thread runtime)",
        per: "spawn",
        baseline: "64b",
        baseline_name: "64 B",
        digits: 0,
        rows: &[
            row("64b", "N = 64 B"),
            row("1kib", "N = 1 KiB"),
            row("16kib", "N = 16 KiB"),
            row("64kib", "N = 64 KiB"),
        ],
    },
    TimeTable {
        id: "rc",
        first_column: "Clone a reference count, then drop the clone",
        per: "clone",
        baseline: "rc",
        baseline_name: "`Rc`",
        digits: 2,
        rows: &[row("rc", "`Rc<u64>`"), row("arc", "`Arc<u64>`")],
    },
    TimeTable {
        id: "cell",
        first_column: "Add 1 to a counter",
        per: "add",
        baseline: "cell",
        baseline_name: "`Cell`",
        digits: 2,
        rows: &[
            row("cell", "`Cell<u64>`"),
            row("atomic", "`AtomicU64`, `Relaxed`"),
        ],
    },
    TimeTable {
        id: "refcell",
        first_column: "Add 1 to state behind a borrow or a lock",
        per: "add",
        baseline: "refcell",
        baseline_name: "`RefCell`",
        digits: 2,
        rows: &[
            row("refcell", "`RefCell<u64>`, `borrow_mut`"),
            row("mutex", "`std::sync::Mutex<u64>`, `lock`"),
        ],
    },
    TimeTable {
        id: "mutex",
        first_column: "Add 1 under a lock, in a task, nobody else locking",
        per: "add",
        baseline: "std",
        baseline_name: "`std` in a block",
        digits: 1,
        rows: &[
            row("std", "`std::sync::Mutex`, guard in a block"),
            row("tokio", "`tokio::sync::Mutex`, `lock().await`"),
        ],
    },
    TimeTable {
        id: "contended",
        first_column: "Add 1 under a lock, two tasks at once on a 2-worker runtime",
        per: "add (wall time of both tasks / adds)",
        baseline: "std",
        baseline_name: "`std` in a block",
        digits: 1,
        rows: &[
            row("std", "`std::sync::Mutex`, guard in a block"),
            row("tokio", "`tokio::sync::Mutex`, `lock().await`"),
        ],
    },
    TimeTable {
        id: "local",
        first_column: "Spawn a task that returns at once, and await it",
        per: "spawn",
        baseline: "spawn_mt",
        baseline_name: "`tokio::spawn`, multi-thread",
        digits: 0,
        rows: &[
            row(
                "spawn_mt",
                "`tokio::spawn`, from a task on the multi-thread runtime",
            ),
            row("spawn_ct", "`tokio::spawn`, on the current-thread runtime"),
            row(
                "localset",
                "`spawn_local`, in a `LocalSet` on the current-thread runtime",
            ),
            row("local_runtime", "`spawn_local`, on a `LocalRuntime`"),
        ],
    },
    TimeTable {
        id: "blocking",
        first_column: "A short call that returns 1, from a task on the multi-thread runtime",
        per: "call",
        baseline: "inline",
        baseline_name: "calling it in the task",
        digits: 0,
        rows: &[
            row("inline", "called in the task"),
            row("spawn", "in a `tokio::spawn` task, awaited"),
            row("spawn_blocking", "in `spawn_blocking`, awaited"),
        ],
    },
];

/// The table with this id.
pub fn table(id: &str) -> &'static TimeTable {
    TABLES
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no time table `{id}`"))
}

/// The batches of one table, in the order of its rows.
pub fn batches(table: &TimeTable) -> Vec<Batch> {
    let batches = match table.id {
        "dispatch" => dispatch(),
        "ct" => awaited(Arc::new(Builder::new_current_thread().build().unwrap())),
        "mt" => awaited(multi_thread()),
        "free" => free(boxed_future),
        "free_1k" => free(boxed_big_future),
        "spawn_size" => spawn_size(),
        "rc" => rc(),
        "cell" => cell(),
        "refcell" => refcell(),
        "mutex" => mutex(),
        "contended" => contended(),
        "local" => local(),
        "blocking" => blocking(),
        other => panic!("no batches for table `{other}`"),
    };
    assert_eq!(
        batches.len(),
        table.rows.len(),
        "table `{}`: one batch per row",
        table.id
    );
    batches
}

/// The paths of costs_dispatch.rs, called in a loop with `block_on`, after the empty loop.
fn dispatch() -> Vec<Batch> {
    struct Timed(Vec<Batch>);
    impl Visit for Timed {
        fn path(&mut self, _: &Path, call: impl Fn(u64) -> u64 + 'static) {
            self.0.push(Box::new(move |iters| {
                time(iters, || _ = black_box(call(black_box(2))))
            }));
        }
    }
    let mut timed = Timed(vec![Box::new(|iters| {
        time(iters, || _ = black_box(black_box(2u64)))
    })]);
    each_path(&mut timed);
    timed.0
}

/// A multi-thread runtime with two workers, one per core of the machine the tables were made on.
fn multi_thread() -> Arc<Runtime> {
    Arc::new(
        Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .unwrap(),
    )
}

/// A batch that spawns `body(iters)` as a task on `rt`, waits for it and returns the time the
/// task measured: the loop runs on a worker, as application code does.
fn in_task<Fut>(rt: &Arc<Runtime>, body: impl Fn(u64) -> Fut + 'static) -> Batch
where
    Fut: Future<Output = Duration> + Send + 'static,
{
    let rt = Arc::clone(rt);
    Box::new(move |iters| rt.block_on(rt.spawn(body(iters))).unwrap())
}

/// An `async` block that runs `$body` `$iters` times and returns how long that took.
macro_rules! timed_loop {
    ($iters:expr, $body:block) => {{
        let iters = $iters;
        async move {
            let start = Instant::now();
            for _ in 0..iters $body
            start.elapsed()
        }
    }};
}

static YIELDER: Yielder = Yielder { base: 40 };

/// The paths on `Yielder`, awaited in a loop in a task; the receiver through `black_box`, as in
/// `each_path`.
fn awaited(rt: Arc<Runtime>) -> Vec<Batch> {
    let y: &'static Yielder = &YIELDER;
    vec![
        in_task(&rt, |n| {
            timed_loop!(n, {
                black_box(black_box(2u64));
            })
        }),
        in_task(&rt, move |n| {
            timed_loop!(n, {
                black_box(black_box(y).add(black_box(2)).await);
            })
        }),
        in_task(&rt, move |n| {
            timed_loop!(n, {
                black_box(Native::call(black_box(y), black_box(2)).await);
            })
        }),
        in_task(&rt, move |n| {
            timed_loop!(n, {
                black_box(Explicit::call(black_box(y), black_box(2)).await);
            })
        }),
        in_task(&rt, move |n| {
            timed_loop!(n, {
                black_box(Macro::call(black_box(y), black_box(2)).await);
            })
        }),
        in_task(&rt, move |n| {
            timed_loop!(n, {
                black_box(black_box(y as &dyn Macro).call(black_box(2)).await);
            })
        }),
        in_task(&rt, move |n| {
            timed_loop!(n, {
                black_box(black_box(y as &dyn Boxed).call(black_box(2)).await);
            })
        }),
        in_task(&rt, move |n| {
            timed_loop!(n, {
                black_box(black_box(DynExplicit::from_ref(y)).call(black_box(2)).await);
            })
        }),
    ]
}

type BoxedFuture = Pin<Box<dyn Future<Output = u64> + Send>>;

/// How many boxes are allocated before they are freed, in the `free` tables.
pub const BOXES: usize = 256;

/// One boxed future of costs_dispatch.rs: `Adder`'s `Boxed::call`, 24 bytes on the heap.
fn boxed_future() -> BoxedFuture {
    black_box(&ADDER as &dyn Boxed).call(black_box(2))
}

/// `used_after()` of costs_sizes.rs, boxed: 1026 bytes on the heap.
fn boxed_big_future() -> Pin<Box<dyn Future<Output = u8> + Send>> {
    Box::pin(black_box(crate::sizes::used_after()))
}

/// `BOXES` values of `make()` allocated, then freed: on this thread, or handed to another
/// thread that frees them. Only the allocating and the freeing are timed, not the hand-over.
fn free<T: Send + 'static>(make: fn() -> T) -> Vec<Batch> {
    let mut mine: Vec<T> = Vec::with_capacity(BOXES);
    let same: Batch = Box::new(move |iters| {
        let mut took = Duration::ZERO;
        for _ in 0..iters.div_ceil(BOXES as u64) {
            let start = Instant::now();
            mine.extend((0..BOXES).map(|_| make()));
            mine.clear();
            took += start.elapsed();
        }
        took
    });
    let (to_freer, freer_gets) = sync_channel::<Vec<T>>(1);
    let (freed, back) = sync_channel::<(Vec<T>, Duration)>(1);
    std::thread::spawn(move || {
        for mut boxes in freer_gets {
            let start = Instant::now();
            boxes.clear();
            if freed.send((boxes, start.elapsed())).is_err() {
                break;
            }
        }
    });
    let mut spare = Some(Vec::with_capacity(BOXES));
    let other: Batch = Box::new(move |iters| {
        let mut took = Duration::ZERO;
        for _ in 0..iters.div_ceil(BOXES as u64) {
            let mut boxes = spare.take().unwrap();
            let start = Instant::now();
            boxes.extend((0..BOXES).map(|_| make()));
            took += start.elapsed();
            to_freer.send(boxes).unwrap();
            let (boxes, freeing) = back.recv().unwrap();
            took += freeing;
            spare = Some(boxes);
        }
        took
    });
    // Both batches run whole rounds of `BOXES`: scale so that "per box" stays right.
    [same, other]
        .into_iter()
        .map(|mut batch| -> Batch {
            Box::new(move |iters| {
                let rounds = iters.div_ceil(BOXES as u64);
                batch(iters).mul_f64(iters as f64 / (rounds * BOXES as u64) as f64)
            })
        })
        .collect()
}

fn spawn_size() -> Vec<Batch> {
    let rt = multi_thread();
    vec![
        in_task(&rt, |n| {
            timed_loop!(n, {
                black_box(tokio::spawn(hold::<64>()).await.unwrap());
            })
        }),
        in_task(&rt, |n| {
            timed_loop!(n, {
                black_box(tokio::spawn(hold::<1024>()).await.unwrap());
            })
        }),
        in_task(&rt, |n| {
            timed_loop!(n, {
                black_box(tokio::spawn(hold::<16384>()).await.unwrap());
            })
        }),
        in_task(&rt, |n| {
            timed_loop!(n, {
                black_box(tokio::spawn(hold::<65536>()).await.unwrap());
            })
        }),
    ]
}

fn rc() -> Vec<Batch> {
    let (rc, arc) = (Rc::new(7u64), Arc::new(7u64));
    vec![
        Box::new(move |n| time(n, || drop(black_box(rc_clone(black_box(&rc)))))),
        Box::new(move |n| time(n, || drop(black_box(arc_clone(black_box(&arc)))))),
    ]
}

fn cell() -> Vec<Batch> {
    let (cell, atomic) = (Cell::new(0u64), AtomicU64::new(0));
    vec![
        Box::new(move |n| time(n, || cell_add(black_box(&cell)))),
        Box::new(move |n| time(n, || atomic_add(black_box(&atomic)))),
    ]
}

fn refcell() -> Vec<Batch> {
    let (refcell, mutex) = (RefCell::new(0u64), Mutex::new(0u64));
    vec![
        Box::new(move |n| time(n, || refcell_add(black_box(&refcell)))),
        Box::new(move |n| time(n, || mutex_add(black_box(&mutex)))),
    ]
}

static STD_STATE: Mutex<u64> = Mutex::new(0);
static TOKIO_STATE: tokio::sync::Mutex<u64> = tokio::sync::Mutex::const_new(0);

fn mutex() -> Vec<Batch> {
    let rt = multi_thread();
    vec![
        in_task(&rt, |n| {
            timed_loop!(n, {
                std_mutex_in_block(black_box(&STD_STATE)).await;
            })
        }),
        in_task(&rt, |n| {
            timed_loop!(n, {
                tokio_mutex(black_box(&TOKIO_STATE)).await;
            })
        }),
    ]
}

/// For each row of the `contended` table, the share of each batch during which both tasks
/// were running on different workers: evidence that they did contend. `time` prints it.
pub static OVERLAP: Mutex<Vec<(&str, f64)>> = Mutex::new(Vec::new());

/// A number for the current thread, unique in the process (never 0).
fn thread_no() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    thread_local!(static NO: u64 = NEXT.fetch_add(1, Ordering::Relaxed));
    NO.with(|n| *n)
}

/// Two tasks share the adds of a batch. Each first waits (yielding, at most 50 ms) until the
/// other is running on another worker, so that they contend; then each times its share. The
/// batch's time is from the first start to the last end.
fn contended() -> Vec<Batch> {
    use std::sync::atomic::{AtomicU64, Ordering::SeqCst};
    let rt = multi_thread();
    let two =
        |row: &'static str, body: fn(u64) -> Pin<Box<dyn Future<Output = ()> + Send>>| -> Batch {
            let rt = Arc::clone(&rt);
            Box::new(move |n: u64| {
                let slots = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
                let task = |i: usize, n: u64| {
                    let slots = Arc::clone(&slots);
                    async move {
                        let deadline = Instant::now() + Duration::from_millis(50);
                        loop {
                            let me = thread_no();
                            slots[i].store(me, SeqCst);
                            let other = slots[1 - i].load(SeqCst);
                            if (other != 0 && other != me) || Instant::now() > deadline {
                                break;
                            }
                            tokio::task::yield_now().await;
                        }
                        let (start, thread) = (Instant::now(), thread_no());
                        body(n).await;
                        (start, Instant::now(), thread)
                    }
                };
                // Spawned from outside the runtime: both land in its shared queue, and both
                // workers are told.
                let (a, b) = (rt.spawn(task(0, n / 2)), rt.spawn(task(1, n - n / 2)));
                let (a, b) = rt.block_on(async { (a.await.unwrap(), b.await.unwrap()) });
                let took = a.1.max(b.1) - a.0.min(b.0);
                // Counted only when the tasks started on different workers: two tasks taking
                // turns on one worker are not running at the same time.
                let both = if a.2 == b.2 {
                    Duration::ZERO
                } else {
                    a.1.min(b.1).saturating_duration_since(a.0.max(b.0))
                };
                OVERLAP
                    .lock()
                    .unwrap()
                    .push((row, both.as_secs_f64() / took.as_secs_f64()));
                took
            })
        };
    vec![
        two("std", |n| {
            Box::pin(async move {
                for _ in 0..n {
                    std_mutex_in_block(black_box(&STD_STATE)).await;
                }
            })
        }),
        two("tokio", |n| {
            Box::pin(async move {
                for _ in 0..n {
                    tokio_mutex(black_box(&TOKIO_STATE)).await;
                }
            })
        }),
    ]
}

fn local() -> Vec<Batch> {
    let mt = multi_thread();
    let ct = Builder::new_current_thread().build().unwrap();
    let ct_for_set = Builder::new_current_thread().build().unwrap();
    let set = tokio::task::LocalSet::new();
    let local_runtime = Builder::new_current_thread()
        .build_local(Default::default())
        .unwrap();
    vec![
        in_task(&mt, |n| {
            timed_loop!(n, {
                black_box(spawn().await);
            })
        }),
        Box::new(move |n| {
            ct.block_on(timed_loop!(n, {
                black_box(spawn().await);
            }))
        }),
        Box::new(move |n| {
            set.block_on(
                &ct_for_set,
                timed_loop!(n, {
                    black_box(spawn_local().await);
                }),
            )
        }),
        Box::new(move |n| {
            local_runtime.block_on(timed_loop!(n, {
                black_box(spawn_local().await);
            }))
        }),
    ]
}

fn blocking() -> Vec<Batch> {
    let rt = multi_thread();
    vec![
        in_task(&rt, |n| {
            timed_loop!(n, {
                black_box(black_box(|| 1u64)());
            })
        }),
        in_task(&rt, |n| {
            timed_loop!(n, {
                black_box(spawn().await);
            })
        }),
        in_task(&rt, |n| {
            timed_loop!(n, {
                black_box(spawn_blocking().await);
            })
        }),
    ]
}
