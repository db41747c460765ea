//! A test runner that reads its test list when it runs, for `tests/listings.rs`
//! (`harness = false`). It takes this part of libtest's command line: filters, `--exact`,
//! `--skip`, `--ignored`, `--include-ignored`, `--list`, `--test-threads`, `-q`/`--quiet`,
//! `--format pretty|terse`, and `--no-capture`/`--nocapture`/`--show-output`, which all print each passing
//! test's output as it ends; `--color X` and `-Z X` (or `-ZX`) are accepted and ignored.
//! Anything else is refused by name. It prints libtest's lines (`running N tests`, `test NAME
//! ... ok`, the failures with their output, `test result: ...`), with the tests in the order
//! they finish; `--list` and the failures are in name order. `cargo test -q` passes it no
//! argument (seen with strace), so it prints a line per test even then.
//!
//! A test runs either here (`Trial::here`) or in a worker process (`Trial::in_worker`): a copy
//! of this program, one per thread, that takes jobs on its standard input and runs them one at a
//! time. Its standard output and error are one pipe, read back per job: what a job printed is
//! shown only if it fails (or with `--show-output` and its two synonyms above), as libtest does with its own capture, which
//! a stable program cannot use.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read, Write};
use std::panic;
use std::process::{Child, ChildStdin, Command, ExitCode, Stdio};
use std::sync::Mutex;
use std::time::Instant;

/// What a worker prints after each job, alone on a line, then `ok` or `panicked`.
const DONE: &str = "\u{1e}listing-tests job done:";
/// The variable that makes this program a worker.
const WORKER: &str = "LISTING_TESTS_WORKER";

pub struct Trial {
    pub name: String,
    pub ignored: bool,
    pub should_panic: bool,
    body: Body,
}

enum Body {
    Here(Box<dyn Fn() + Send + Sync>),
    /// A job line and its text, for the worker's `job` function.
    Worker(String, String),
}

impl Trial {
    /// A test run in this process; it fails if `f` panics.
    pub fn here(name: impl Into<String>, f: impl Fn() + Send + Sync + 'static) -> Trial {
        let body = Body::Here(Box::new(f));
        Trial {
            name: name.into(),
            ignored: false,
            should_panic: false,
            body,
        }
    }

    /// A test run by a worker process: `job(kind, text)` there, which fails if it panics.
    pub fn in_worker(name: impl Into<String>, kind: &str, text: String) -> Trial {
        assert!(!kind.contains(['\n', ' ']), "a job kind is one word");
        let body = Body::Worker(kind.to_owned(), text);
        Trial {
            name: name.into(),
            ignored: false,
            should_panic: false,
            body,
        }
    }
}

/// If this process is a worker, runs the jobs on its standard input with `job` and returns its
/// exit code; else returns `None`.
pub fn worker(job: fn(&str, &str)) -> Option<ExitCode> {
    std::env::var_os(WORKER)?;
    let serve = || -> Result<(), String> {
        let mut input = io::stdin().lock();
        let mut header = String::new();
        loop {
            header.clear();
            if input.read_line(&mut header).map_err(|e| e.to_string())? == 0 {
                return Ok(());
            }
            let (kind, len) = header
                .trim_end()
                .split_once(' ')
                .ok_or(format!("a job header is `KIND LENGTH`, not {header:?}"))?;
            let mut text = vec![
                0;
                len.parse()
                    .map_err(|_| format!("bad length in {header:?}"))?
            ];
            input.read_exact(&mut text).map_err(|e| e.to_string())?;
            let text = String::from_utf8(text).map_err(|e| e.to_string())?;
            let outcome = panic::catch_unwind(|| job(kind, &text));
            // Everything the job printed goes before the line that ends it.
            let _ = io::stdout().flush();
            let status = if outcome.is_ok() { "ok" } else { "panicked" };
            println!("\n{DONE} {status}");
            let _ = io::stdout().flush();
        }
    };
    Some(match serve() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("listing-tests worker: {e}");
            ExitCode::FAILURE
        }
    })
}

struct Args {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    ignored: bool,
    include_ignored: bool,
    list: bool,
    terse: bool,
    show_output: bool,
    threads: Option<usize>,
}

impl Args {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut a = Args {
            filters: Vec::new(),
            skip: Vec::new(),
            exact: false,
            ignored: false,
            include_ignored: false,
            list: false,
            terse: false,
            show_output: false,
            threads: None,
        };
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            let mut value = |what: &str| {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("`{flag}` needs {what}"))
            };
            let on_off = [
                "--exact",
                "--ignored",
                "--include-ignored",
                "--list",
                "--quiet",
                "--no-capture",
                "--nocapture",
                "--show-output",
            ];
            if inline.is_some() && on_off.contains(&flag.as_str()) {
                return Err(format!("`{flag}` takes no value (given `{arg}`)"));
            }
            match flag.as_str() {
                "--exact" => a.exact = true,
                "--ignored" => a.ignored = true,
                "--include-ignored" => a.include_ignored = true,
                "--list" => a.list = true,
                "-q" | "--quiet" => a.terse = true,
                "--no-capture" | "--nocapture" | "--show-output" => a.show_output = true,
                "--skip" => a.skip.push(value("a name")?),
                "--test-threads" => {
                    let v = value("a number")?;
                    let n = v.parse().ok().filter(|&n: &usize| n > 0);
                    a.threads = Some(n.ok_or(format!("`--test-threads {v}`: not a number > 0"))?);
                }
                "--format" => match value("pretty or terse")?.as_str() {
                    "pretty" => a.terse = false,
                    "terse" => a.terse = true,
                    other => {
                        return Err(format!(
                            "`--format {other}`: this runner knows pretty and terse"
                        ));
                    }
                },
                "--color" | "-Z" => drop(value("a value")?),
                f if f.starts_with("-Z") => {}
                f if f.starts_with('-') => {
                    return Err(format!(
                        "unknown option `{arg}` (this runner takes libtest's filters, --exact, --skip, --ignored, --include-ignored, --list, --test-threads, -q/--quiet, --format, --no-capture/--nocapture, --show-output, --color, -Z)"
                    ));
                }
                _ => a.filters.push(arg),
            }
        }
        Ok(a)
    }

    fn selects(&self, name: &str) -> bool {
        let hit = |f: &String| {
            if self.exact {
                name == f
            } else {
                name.contains(f.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(hit)) && !self.skip.iter().any(hit)
    }
}

enum Outcome {
    Ok,
    Ignored,
    Failed(String),
}

/// Runs the tests `trials()` makes as libtest would with this program's arguments (read first,
/// so a wrong one is refused before the list is made): prints the result of each and the
/// summary, and returns the exit code (101 when a test failed, as libtest does).
pub fn run(trials: impl FnOnce() -> Result<Vec<Trial>, String>) -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut trials = match trials() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    trials.sort_by(|a, b| a.name.cmp(&b.name));
    let total = trials.len();
    // As libtest: --ignored runs only the ignored tests; the others count as filtered out.
    let trials: Vec<Trial> = trials
        .into_iter()
        .filter(|t| args.selects(&t.name) && (t.ignored || !args.ignored))
        .collect();
    let filtered_out = total - trials.len();
    if args.list {
        for t in &trials {
            println!("{}: test", t.name);
        }
        if !args.terse {
            println!("\n{} tests, 0 benchmarks", trials.len());
        }
        return ExitCode::SUCCESS;
    }
    let threads = args
        .threads
        .or_else(|| std::env::var("RUST_TEST_THREADS").ok()?.parse().ok())
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
        .max(1);

    let start = Instant::now();
    println!(
        "\nrunning {} test{}",
        trials.len(),
        if trials.len() == 1 { "" } else { "s" }
    );
    let queue = Mutex::new(trials.into_iter().collect::<VecDeque<_>>());
    let results = Mutex::new(Vec::<(String, Outcome)>::new());
    let printed = Mutex::new(0usize);
    // Tests run here report a panic through this hook, not on the terminal.
    // The hook runs on the panicking thread, so each thread keeps its own messages.
    panic::set_hook(Box::new(|info| {
        MESSAGES.with_borrow_mut(|m| m.push(info.to_string()));
    }));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut worker: Option<Worker> = None;
                loop {
                    // Its own statement: in a `while let`, the guard would live through the
                    // whole body, and the threads would take turns.
                    let next = queue.lock().unwrap().pop_front();
                    let Some(t) = next else { break };
                    let outcome = if t.ignored && !args.ignored && !args.include_ignored {
                        Outcome::Ignored
                    } else {
                        match run_one(&t.body, &mut worker) {
                            Err(why) => Outcome::Failed(why),
                            Ok((panicked, output)) => match (panicked, t.should_panic) {
                                (false, false) | (true, true) => {
                                    if args.show_output && !output.is_empty() {
                                        println!("\n---- {} output ----\n{output}", t.name);
                                    }
                                    Outcome::Ok
                                }
                                (true, false) => Outcome::Failed(output),
                                (false, true) => Outcome::Failed(format!(
                                    "{output}note: test did not panic as expected"
                                )),
                            },
                        }
                    };
                    record(&results, &printed, &args, t.name, outcome);
                }
                if let Some(w) = worker {
                    w.stop();
                }
            });
        }
    });
    let _ = panic::take_hook();

    let results = results.into_inner().unwrap();
    let count = |f: fn(&Outcome) -> bool| results.iter().filter(|(_, o)| f(o)).count();
    let passed = count(|o| matches!(o, Outcome::Ok));
    let ignored = count(|o| matches!(o, Outcome::Ignored));
    let mut failed: Vec<(&String, &String)> = results
        .iter()
        .filter_map(|(n, o)| match o {
            Outcome::Failed(out) => Some((n, out)),
            _ => None,
        })
        .collect();
    failed.sort();
    if args.terse {
        println!();
    }
    if !failed.is_empty() {
        println!("\nfailures:\n");
        for (name, output) in &failed {
            println!("---- {name} stdout ----\n{output}\n");
        }
        println!("\nfailures:");
        for (name, _) in &failed {
            println!("    {name}");
        }
    }
    println!(
        "\ntest result: {}. {passed} passed; {} failed; {ignored} ignored; 0 measured; {filtered_out} filtered out; finished in {:.2}s\n",
        if failed.is_empty() { "ok" } else { "FAILED" },
        failed.len(),
        start.elapsed().as_secs_f64()
    );
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(101)
    }
}

thread_local! {
    /// The panic messages of the test this thread runs here, until it reads them.
    static MESSAGES: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs one test: Ok((whether it panicked, what it printed or the panic's message)), or Err
/// when it could not be run (a worker that does not start or dies: a failure, even for a
/// `should_panic` test). A worker is started when a thread first needs one, and again after
/// one dies.
fn run_one(body: &Body, worker: &mut Option<Worker>) -> Result<(bool, String), String> {
    match body {
        Body::Here(f) => Ok(match panic::catch_unwind(panic::AssertUnwindSafe(f)) {
            Ok(()) => (false, String::new()),
            Err(_) => (true, MESSAGES.with_borrow_mut(std::mem::take).join("\n")),
        }),
        Body::Worker(kind, text) => {
            if worker.is_none() {
                *worker = Some(Worker::start()?);
            }
            let done = worker.as_mut().unwrap().job(kind, text);
            if done.is_err() {
                *worker = None; // it died: the next job starts another
            }
            done
        }
    }
}

fn record(
    results: &Mutex<Vec<(String, Outcome)>>,
    printed: &Mutex<usize>,
    args: &Args,
    name: String,
    outcome: Outcome,
) {
    let word = match &outcome {
        Outcome::Ok => ("ok", "."),
        Outcome::Ignored => ("ignored", "i"),
        Outcome::Failed(_) => ("FAILED", "F"),
    };
    let mut n = printed.lock().unwrap();
    if args.terse {
        print!("{}", word.1);
        *n += 1;
        if n.is_multiple_of(88) {
            println!();
        }
    } else {
        println!("test {name} ... {}", word.0);
    }
    let _ = io::stdout().flush();
    results.lock().unwrap().push((name, outcome));
}

/// A copy of this program that runs jobs (see `worker`).
struct Worker {
    child: Child,
    input: ChildStdin,
    output: io::BufReader<io::PipeReader>,
}

impl Worker {
    fn start() -> Result<Worker, String> {
        let exe =
            std::env::current_exe().map_err(|e| format!("cannot find this test program: {e}"))?;
        let (reader, writer) = io::pipe().map_err(|e| format!("cannot make a pipe: {e}"))?;
        let second = writer
            .try_clone()
            .map_err(|e| format!("cannot make a pipe: {e}"))?;
        let mut child = Command::new(&exe)
            .env(WORKER, "1")
            .stdin(Stdio::piped())
            .stdout(writer)
            .stderr(second)
            .spawn()
            .map_err(|e| format!("cannot start {} as a worker: {e}", exe.display()))?;
        let input = child.stdin.take().unwrap();
        Ok(Worker {
            child,
            input,
            output: io::BufReader::new(reader),
        })
    }

    /// Runs one job: Ok((panicked, output)), or Err(output) if the worker died.
    fn job(&mut self, kind: &str, text: &str) -> Result<(bool, String), String> {
        let sent =
            write!(self.input, "{kind} {}\n{text}", text.len()).and_then(|()| self.input.flush());
        let mut output = String::new();
        let mut line = String::new();
        loop {
            line.clear();
            match self.output.read_line(&mut line) {
                Ok(0) | Err(_) => {
                    let status = self.child.wait().map(|s| s.to_string()).unwrap_or_default();
                    let why = sent
                        .err()
                        .map(|e| format!(" (sending the job: {e})"))
                        .unwrap_or_default();
                    return Err(format!(
                        "{output}\nthe worker process ended before the job did: {status}{why}"
                    ));
                }
                Ok(_) => {}
            }
            if let Some(status) = line.strip_prefix(DONE) {
                // The newline the worker printed before the line that ends the job.
                if output.ends_with('\n') {
                    output.pop();
                }
                return Ok((status.trim() != "ok", output));
            }
            output.push_str(&line);
        }
    }

    fn stop(mut self) {
        drop(self.input);
        let _ = self.child.wait();
    }
}
