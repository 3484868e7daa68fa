//! Library benchmark (`cargo bench --bench library`).
//!
//! Writes 1,000 articles into a temporary folder — each the built-in sample
//! article twice over with its people and town renamed, so people recur
//! across articles — then opens them as the library does: expand the
//! folder, start the background workers, draw on a 160x50 `TestBackend`.
//! Reports, with PASS/FAIL against the targets:
//! - time from start to the first library frame (target < 1 s);
//! - the slowest key + frame while analysis runs (the UI stays responsive);
//! - time until every article is analysed, the throughput in MB/s, and the
//!   speed-up over analysing the same texts one after another on one thread
//!   (target: near the number of workers; other work on the machine lowers it);
//! - peak memory (VmHWM) against 2x the input size + 100 MB;
//! - time to merge the people across all articles.
//!
//! `WHOSAID_BENCH_ARTICLES=N` changes the number of articles.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::time::{Duration, Instant};
use whosaid::input::Source;
use whosaid::library;
use whosaid::ui::{draw_library, plan, Action, LibraryApp, Theme};

/// The allocator the `whosaid` binary uses (see Cargo.toml), so the figures
/// are those of the shipped program.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The sample's people and town, and the names they are renamed to.
const OLD: [&str; 7] = [
    "Helen",
    "Okafor",
    "Marcus",
    "Bell",
    "Reyes",
    "Lindqvist",
    "Port Wendell",
];
const FIRST: [&str; 12] = [
    "Grace", "Tomas", "Amara", "Piotr", "Leila", "Owen", "Mei", "Jonas", "Ines", "Kwame", "Sara",
    "Felix",
];
const LAST: [&str; 16] = [
    "Pemberton",
    "Haddad",
    "Novak",
    "Mensah",
    "Fischer",
    "Quinn",
    "Sato",
    "Brennan",
    "Alvarez",
    "Larsen",
    "Moreau",
    "Adeyemi",
    "Kowal",
    "Dimitrov",
    "Castillo",
    "Whitfield",
];
const TOWNS: [&str; 10] = [
    "Kettle Bay",
    "Marrow Point",
    "Ashcombe",
    "Greyhaven",
    "Linton Quay",
    "Saltmere",
    "Brindle",
    "Fenwick",
    "Harlow Sound",
    "Eastwick",
];

/// The sample with its people and town renamed for variant `i`.
fn variant(i: usize) -> String {
    let new = [
        FIRST[i % FIRST.len()],
        LAST[(i * 7) % LAST.len()],
        FIRST[(i * 5 + 3) % FIRST.len()],
        LAST[(i * 3 + 1) % LAST.len()],
        LAST[(i * 11 + 5) % LAST.len()],
        LAST[(i * 13 + 9) % LAST.len()],
        TOWNS[i % TOWNS.len()],
    ];
    let mut text = whosaid::SAMPLE.to_string();
    // Through placeholders, so a new name is never renamed again.
    for (k, old) in OLD.iter().enumerate() {
        text = text.replace(old, &format!("\u{1}{k}\u{1}"));
    }
    for (k, name) in new.iter().enumerate() {
        text = text.replace(&format!("\u{1}{k}\u{1}"), name);
    }
    text
}

/// Article `i`: a numbered title, one variant, then another's body.
fn article(i: usize) -> String {
    let a = variant(i);
    let b = variant(i * 31 + 17);
    let body = b.split_once("\n\n").map_or("", |(_, rest)| rest);
    format!(
        "{} (report {i})\n\n{a}\n{body}",
        a.lines().next().unwrap_or("")
    )
}

/// Write `n` articles into a fresh folder; their total size in bytes.
fn write_articles(dir: &Path, n: usize) -> usize {
    let _ = std::fs::remove_dir_all(dir);
    let mut total = 0;
    for i in 0..n {
        let sub = dir.join(format!("batch{:02}", i / 100));
        std::fs::create_dir_all(&sub).expect("bench folder");
        let text = article(i);
        total += text.len();
        std::fs::write(sub.join(format!("article{i:04}.txt")), text).expect("write article");
    }
    total
}

/// Peak resident memory so far, in bytes (Linux `VmHWM`).
fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The time between frames while results arrive (the event loop's too).
const TICK: Duration = Duration::from_millis(50);

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "FAIL"
    }
}

/// What opening the library measured.
struct Run {
    first_frame: Duration,
    all_done: Duration,
    slowest_key: Duration,
    articles: usize,
    failed: usize,
    threads: usize,
    lib: LibraryApp,
}

/// Open the library on `dir` as `ui::run_library` does, drawing a frame
/// and pressing a key every 50 ms until every article is analysed.
fn open_library(dir: &Path) -> Run {
    let start = Instant::now();
    let mut term = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
    let (entries, jobs) = plan(whosaid::input::expand_dirs(&[Source::File(
        dir.to_path_buf(),
    )]));
    let mut lib = LibraryApp::new(entries, Theme::new(false));
    lib.update(Action::Resize(160, 50));
    let (tx, rx) = channel();
    let threads = rayon::current_num_threads().max(1);
    library::spawn(jobs, threads, Default::default(), move |i, o| {
        tx.send((i, o)).is_ok()
    });
    term.draw(|f| draw_library(f, &lib)).expect("draw");
    let first_frame = start.elapsed();
    let mut slowest_key = Duration::ZERO;
    let mut down = true;
    let mut tick = Instant::now();
    // As the event loop does: results as they come, a frame at most every
    // 50 ms; here a key is pressed before each frame.
    while !lib.all_done() {
        let wait = TICK.saturating_sub(tick.elapsed());
        match rx.recv_timeout(wait) {
            Ok((i, o)) => lib.receive(i, o),
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {}
        }
        if tick.elapsed() >= TICK {
            let t = Instant::now();
            lib.update(if down { Action::Down } else { Action::Up });
            down = !down;
            term.draw(|f| draw_library(f, &lib)).expect("draw");
            slowest_key = slowest_key.max(t.elapsed());
            tick = Instant::now();
        }
    }
    term.draw(|f| draw_library(f, &lib)).expect("draw");
    let all_done = start.elapsed();
    let failed = lib.entries.iter().filter(|e| e.error().is_some()).count();
    Run {
        first_frame,
        all_done,
        slowest_key,
        articles: lib.entries.len(),
        failed,
        threads,
        lib,
    }
}

/// Analyse every file one after another on this thread: the core's own speed.
fn one_thread(dir: &Path) -> Duration {
    // Timed from the listing on, as the library run is.
    let t = Instant::now();
    let files: Vec<PathBuf> = whosaid::input::expand_dirs(&[Source::File(dir.to_path_buf())])
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|s| match s {
            Source::File(p) => Some(p),
            _ => None,
        })
        .collect();
    // The analyses are kept, as the library keeps them, so both runs pay
    // for the same memory.
    let mut kept = Vec::with_capacity(files.len());
    for f in files {
        let text = std::fs::read_to_string(f).expect("read");
        kept.push(whosaid::analysis::analyze(&text));
    }
    let took = t.elapsed();
    drop(std::hint::black_box(kept));
    took
}

fn main() {
    let n: usize = std::env::var("WHOSAID_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let dir = std::env::temp_dir().join(format!("whosaid-bench-library-{}", std::process::id()));
    let bytes = write_articles(&dir, n);
    let mb = bytes as f64 / 1e6;
    println!("{n} articles, {mb:.2} MB, written to {}", dir.display());
    // The core builds its word lists on first use: time that apart, so the
    // throughput figures compare analysis with analysis.
    let t = Instant::now();
    std::hint::black_box(whosaid::analysis::analyze(
        "Warm\n\n\"Up,\" Ann Lee said.\n",
    ));
    println!(
        "core start-up (word lists, first analyze): {}",
        ms(t.elapsed())
    );
    let base_rss = peak_rss().unwrap_or(0);

    let mut run = open_library(&dir);
    let peak = peak_rss().unwrap_or(0);
    println!(
        "first library frame (160x50): {} [{}: < 1 s]",
        ms(run.first_frame),
        verdict(run.first_frame < Duration::from_secs(1))
    );
    println!(
        "slowest key + frame while analysing: {} [{}: < 100 ms]",
        ms(run.slowest_key),
        verdict(run.slowest_key < Duration::from_millis(100))
    );
    println!(
        "all {} analysed ({} failed) on {} workers: {} = {:.1} MB/s",
        run.articles,
        run.failed,
        run.threads,
        ms(run.all_done),
        mb / run.all_done.as_secs_f64()
    );
    let bound = 2 * bytes + 100 * 1024 * 1024;
    println!(
        "peak RSS (VmHWM): {:.1} MB (before opening: {:.1} MB); bound 2 x input + 100 MB = {:.1} MB [{}]",
        peak as f64 / 1048576.0,
        base_rss as f64 / 1048576.0,
        bound as f64 / 1048576.0,
        verdict(peak < bound)
    );

    let t = Instant::now();
    run.lib.update(Action::People);
    let people = run.lib.people.people.len();
    println!(
        "people merged across all articles: {people} in {}",
        ms(t.elapsed())
    );

    // The first run also paid for memory fresh from the system; compare the
    // one-thread run with a second library run, both on memory already mapped.
    // Runs this short are noisy on a shared machine: the median of five each.
    drop(run);
    let median = |mut runs: Vec<Duration>| {
        runs.sort();
        runs[runs.len() / 2]
    };
    let single = median((0..5).map(|_| one_thread(&dir)).collect());
    let mut again = None;
    let library = median(
        (0..5)
            .map(|_| {
                let run = open_library(&dir);
                let took = run.all_done;
                again = Some(run);
                took
            })
            .collect(),
    );
    let again = again.expect("five runs");
    println!(
        "all {} analysed again, on memory already mapped (median of 5): {} = {:.1} MB/s",
        again.articles,
        ms(library),
        mb / library.as_secs_f64()
    );
    let speedup = single.as_secs_f64() / library.as_secs_f64();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "one thread, same texts (median of 5): {} = {:.1} MB/s; library speed-up {speedup:.2}x on {} workers [{}: >= {:.1}x] (load average {})",
        ms(single),
        mb / single.as_secs_f64(),
        again.threads,
        verdict(speedup >= 0.8 * again.threads as f64),
        0.8 * again.threads as f64,
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
