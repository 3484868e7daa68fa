//! The command line's two jobs: `analyze` files, or open the reader.

use crate::analysis::{analyze as analyze_text, Analysis};
use crate::input::{load, FileError, LoadError};
use crate::report::{self, Format};
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, MutexGuard, PoisonError};

/// Load and analyse one file, recording its path as given.
pub fn analyze_file(path: &Path) -> Result<Analysis, FileError> {
    let text = load(path)?;
    // `analyze` never panics by contract; should a bug break that, the file
    // gets an error line and the other files in the call are still analysed.
    let analysis = std::panic::catch_unwind(|| analyze_text(&text));
    drop(text);
    let mut analysis = analysis.map_err(|panic| FileError {
        path: path.display().to_string(),
        error: LoadError::Internal(panic_message(panic.as_ref())),
    })?;
    analysis.path = Some(path.display().to_string());
    Ok(analysis)
}

/// A panic's message on one line, control characters made visible, at most
/// 200 characters (messages can quote article text).
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic.downcast_ref::<&str>().map(|s| s.to_string());
    let text = text.or_else(|| panic.downcast_ref::<String>().cloned());
    let text = text
        .unwrap_or_else(|| "panic".to_string())
        .replace('\n', " ");
    crate::sanitize::clean(&text).chars().take(200).collect()
}

/// `whosaid analyze`: print each file's analysis in the order given, using
/// every core. A file that cannot be read gets one line on stderr and exit
/// code 1; the others are still analysed. `--format json` prints one document
/// for one FILE and an array when several were given.
pub fn analyze(files: &[PathBuf], format: Format) -> ExitCode {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    let mut pretty = Vec::new();
    quiet_panics();
    let threads = rayon::current_num_threads().max(1);
    analyze_in_order(files, threads, |result| {
        let written = match (result, format) {
            (Err(e), _) => {
                failed = true;
                complain(&e);
                Ok(())
            }
            (Ok(a), Format::Json) => {
                pretty.push(a);
                Ok(())
            }
            (Ok(a), Format::Jsonl) => {
                report::write_jsonl(&mut out, &a).and_then(|()| writeln!(out))
            }
            (Ok(a), Format::Text) => writeln!(out, "{}", report::text(&a)),
        };
        // An error means stdout is closed (e.g. piped to head): stop.
        written.is_ok()
    });
    let written = match pretty.as_slice() {
        [] => Ok(()),
        [one] if files.len() == 1 => report::write_json(&mut out, one),
        many => report::write_json(&mut out, many),
    };
    let written = written.and_then(|()| {
        if !pretty.is_empty() {
            writeln!(out)?;
        }
        out.flush()
    });
    if failed || written.is_err() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Analyse `files` on `threads` workers and give each result to `emit` in
/// the order given, as soon as it and every file before it are done; stop
/// when `emit` returns false. Workers take files in order and never run more
/// than a few files ahead of `emit`, so memory stays bounded however many
/// files there are, and a slow file never leaves the other cores idle for
/// long (unlike analysing fixed batches).
fn analyze_in_order<F>(files: &[PathBuf], threads: usize, mut emit: F)
where
    F: FnMut(Result<Analysis, FileError>) -> bool,
{
    let window = threads * 4;
    let next = AtomicUsize::new(0);
    let progress = Progress::default();
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(files.len()) {
            let tx = tx.clone();
            let (next, progress) = (&next, &progress);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= files.len() || !progress.wait_until_near(i, window) {
                    return;
                }
                if tx.send((i, analyze_file(&files[i]))).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut emitted = 0;
        for (i, result) in rx {
            pending.insert(i, result);
            while let Some(result) = pending.remove(&emitted) {
                emitted += 1;
                if !emit(result) {
                    return progress.stop();
                }
                progress.set(emitted);
            }
        }
    });
}

/// How many results have been emitted, shared with the workers.
#[derive(Default)]
struct Progress {
    emitted: Mutex<usize>,
    changed: Condvar,
}

impl Progress {
    const STOPPED: usize = usize::MAX;

    fn lock(&self) -> MutexGuard<'_, usize> {
        self.emitted.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn set(&self, emitted: usize) {
        *self.lock() = emitted;
        self.changed.notify_all();
    }

    fn stop(&self) {
        self.set(Self::STOPPED);
    }

    /// Block until file `i` is within `window` of the next to be emitted;
    /// false when the run was stopped.
    fn wait_until_near(&self, i: usize, window: usize) -> bool {
        let mut emitted = self.lock();
        while i.saturating_sub(*emitted) >= window {
            emitted = self
                .changed
                .wait(emitted)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *emitted != Self::STOPPED
    }
}

/// Report a panic (a bug) in one short line with control characters made
/// visible: the default report can quote article text raw. `analyze_file`
/// then names the file in its own line.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = panic_message(info.payload());
        let at = info
            .location()
            .map(|l| format!(" at {l}"))
            .unwrap_or_default();
        let _ = writeln!(std::io::stderr(), "whosaid: internal error{at}: {message}");
    }));
}

/// One line on stderr naming the file. Never panics, even when stderr is closed.
fn complain(e: &FileError) {
    let _ = writeln!(std::io::stderr(), "whosaid: {e}");
}

/// Open the reader on `file`, or on the built-in sample. Errors are reported
/// before the terminal is touched.
pub fn read(file: Option<&Path>) -> ExitCode {
    let analysis = match file {
        Some(path) => match analyze_file(path) {
            Ok(a) => a,
            Err(e) => {
                complain(&e);
                return ExitCode::from(1);
            }
        },
        None => {
            let mut a = analyze_text(crate::SAMPLE);
            a.path = Some(crate::SAMPLE_NAME.to_string());
            a
        }
    };
    open(analysis)
}

#[cfg(feature = "tui")]
fn open(analysis: Analysis) -> ExitCode {
    match crate::ui::run(analysis) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "whosaid: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "tui"))]
fn open(analysis: Analysis) -> ExitCode {
    match write!(std::io::stdout(), "{}", report::text(&analysis)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panic_messages_are_one_clean_short_line() {
        let payload: Box<dyn std::any::Any + Send> = Box::new(format!(
            "bad index in `\x1b]52;c;x\x07{}`\nnext",
            "a".repeat(500)
        ));
        let message = panic_message(payload.as_ref());
        assert!(!message.chars().any(char::is_control), "{message:?}");
        assert_eq!(message.chars().count(), 200);
        let payload: Box<dyn std::any::Any + Send> = Box::new("plain");
        assert_eq!(panic_message(payload.as_ref()), "plain");
    }

    #[test]
    fn results_come_back_in_order_and_stop_when_asked() {
        let files: Vec<PathBuf> = (0..50)
            .map(|i| PathBuf::from(format!("/nonexistent/{i}")))
            .collect();
        let mut seen = Vec::new();
        analyze_in_order(&files, 3, |r| {
            seen.push(r.unwrap_err().path);
            seen.len() < 20
        });
        let want: Vec<String> = files
            .iter()
            .take(20)
            .map(|p| p.display().to_string())
            .collect();
        assert_eq!(seen, want);
    }
}
