//! The command line's two jobs: `analyze` inputs, or open the reader (or the
//! library, for several).

use crate::analysis::{analyze as analyze_text, Analysis};
use crate::input::{expand_dirs, load_source_with, FileError, LoadError, LoadOptions, Source};
use crate::library::panic_message;
use crate::report::{self, Format};
use std::collections::BTreeMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, MutexGuard, PoisonError};

/// Load and analyse one source, recording its name (path, URL or `<stdin>`)
/// and the title the input gives (an HTML or Markdown title).
pub fn analyze_source(source: &Source, options: &LoadOptions) -> Result<Analysis, FileError> {
    crate::library::analyze_article(load_source_with(source, options)?)
}

/// `whosaid analyze`: print each input's analysis in the order given
/// (directories expanded to their article files, see [`expand_dirs`]),
/// using every core. An input that cannot be read gets one line on stderr
/// and exit code 1; the others are still analysed. `--format json` prints
/// one document for one input that is not a directory, and an array
/// otherwise.
pub fn analyze(sources: &[Source], format: Format, options: &LoadOptions) -> ExitCode {
    let single = matches!(sources, [one] if !one.is_dir());
    let inputs = expand_dirs(sources);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    let mut pretty = Vec::new();
    quiet_panics();
    let threads = rayon::current_num_threads().max(1);
    // Each article's line (jsonl) or report (text) is written out on the
    // worker that analysed it, so printing runs on every core too; the
    // main thread only copies finished bytes to stdout, in order. A long
    // text is printed by the main thread straight to stdout instead: its
    // line in memory would double what the article holds at its peak.
    let prepare = |a: Analysis| match format {
        Format::Json => Prepared::Kept(a),
        _ if a.text.len() > PRINTED_ON_WORKER => Prepared::Kept(a),
        Format::Jsonl => {
            let mut line = Vec::new();
            match report::write_jsonl(&mut line, &a) {
                Ok(()) => {
                    line.push(b'\n');
                    Prepared::Bytes(line)
                }
                Err(e) => Prepared::Failed(e),
            }
        }
        Format::Text => Prepared::Bytes(format!("{}\n", report::text(&a)).into_bytes()),
    };
    analyze_in_order(&inputs, options, threads, prepare, |result| {
        let written = match (result, format) {
            (Err(e), _) => {
                failed = true;
                complain(&e);
                Ok(())
            }
            (Ok(Prepared::Kept(a)), Format::Json) => {
                pretty.push(a);
                Ok(())
            }
            // Each line leaves as soon as it is ready: `| head` and `| jq`
            // see articles while the rest are analysed.
            (Ok(Prepared::Bytes(bytes)), _) => out.write_all(&bytes).and_then(|()| out.flush()),
            (Ok(Prepared::Kept(a)), Format::Jsonl) => report::write_jsonl(&mut out, &a)
                .and_then(|()| writeln!(out))
                .and_then(|()| out.flush()),
            (Ok(Prepared::Kept(a)), Format::Text) => {
                writeln!(out, "{}", report::text(&a)).and_then(|()| out.flush())
            }
            (Ok(Prepared::Failed(e)), _) => Err(e),
        };
        // An error means stdout is closed (e.g. piped to head): stop.
        written.is_ok()
    });
    let written = match pretty.as_slice() {
        [] => Ok(()),
        [one] if single => report::write_json(&mut out, one),
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

/// The longest text whose analysis a worker prints into memory, in bytes.
const PRINTED_ON_WORKER: usize = 1 << 20;

/// An analysis as a worker hands it on: printed already, kept whole (for a
/// document of all of them, or a long text), or not printable (serde_json
/// failed).
enum Prepared {
    Bytes(Vec<u8>),
    Kept(Analysis),
    Failed(std::io::Error),
}

/// Analyse `inputs` on `threads` workers, pass each analysis through
/// `prepare` on its worker, and give each result to `emit` in the order
/// given, as soon as it and every input before it are done; stop
/// when `emit` returns false. Workers take inputs in order and never run
/// more than a few inputs ahead of `emit`, so memory stays bounded however
/// many there are (only the list of paths is held, never every text), and a
/// slow input never leaves the other cores idle for long (unlike analysing
/// fixed batches). An `Err` input (an unreadable directory) is passed on.
fn analyze_in_order<T, P, F>(
    inputs: &[Result<Source, FileError>],
    options: &LoadOptions,
    threads: usize,
    prepare: P,
    mut emit: F,
) where
    T: Send,
    P: Fn(Analysis) -> T + Sync,
    F: FnMut(Result<T, FileError>) -> bool,
{
    let window = threads * 4;
    let next = AtomicUsize::new(0);
    let progress = Progress::default();
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(inputs.len()) {
            let tx = tx.clone();
            let (next, progress, prepare) = (&next, &progress, &prepare);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= inputs.len() || !progress.wait_until_near(i, window) {
                    return;
                }
                let result = match &inputs[i] {
                    Ok(source) => analyze_source(source, options).map(prepare),
                    Err(e) => Err(e.clone()),
                };
                if tx.send((i, result)).is_err() {
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
/// visible: the default report can quote article text raw. `analyze_article`
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

/// `whosaid [INPUT...]`: with no input, the built-in sample (or stdin when
/// something is piped or redirected into it); with one file, URL or `-`,
/// the reader; with several, or a directory, the library. When stdout is not
/// a terminal, the text report of each input is printed instead. Errors are
/// reported before the terminal is touched.
pub fn read(mut sources: Vec<Source>, options: &LoadOptions) -> ExitCode {
    if sources.is_empty() && stdin_is_piped() {
        sources.push(Source::Stdin);
    }
    match sources.as_slice() {
        [] => {
            let mut a = analyze_text(crate::SAMPLE);
            a.path = Some(crate::SAMPLE_NAME.to_string());
            open(a)
        }
        [one] if !one.is_dir() => match analyze_source(one, options) {
            Ok(a) => open(a),
            Err(e) => {
                complain(&e);
                ExitCode::from(1)
            }
        },
        _ if !std::io::stdout().is_terminal() => analyze(&sources, Format::Text, options),
        // The library reads its inputs while the terminal is in use: `-` there
        // would take the keys meant for the reader.
        _ if sources.contains(&Source::Stdin) && !stdin_is_piped() => {
            complain(&FileError {
                path: Source::Stdin.name(),
                error: LoadError::TerminalStdin,
            });
            ExitCode::from(1)
        }
        _ => library(sources, options),
    }
}

/// True when stdin is a pipe, a socket or a file (`curl … | whosaid`,
/// `whosaid < page.html`); not for a terminal, nor for `/dev/null` or a
/// closed stdin (as under CI or cron), which keep opening the sample.
#[cfg(unix)]
fn stdin_is_piped() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = std::io::stdin().as_fd().try_clone_to_owned() else {
        return false;
    };
    let kind = std::fs::File::from(fd).metadata().map(|m| m.file_type());
    kind.is_ok_and(|k| k.is_fifo() || k.is_socket() || k.is_file())
}

#[cfg(not(unix))]
fn stdin_is_piped() -> bool {
    !std::io::stdin().is_terminal()
}

#[cfg(feature = "tui")]
fn open(analysis: Analysis) -> ExitCode {
    terminal_result(crate::ui::run(analysis))
}

/// The library view loads each source itself, with the same options.
#[cfg(feature = "tui")]
fn library(sources: Vec<Source>, options: &LoadOptions) -> ExitCode {
    terminal_result(crate::ui::run_library(sources, options))
}

#[cfg(feature = "tui")]
fn terminal_result(result: std::io::Result<()>) -> ExitCode {
    match result {
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

/// Without the reader, several inputs are printed as text reports.
#[cfg(not(feature = "tui"))]
fn library(sources: Vec<Source>, options: &LoadOptions) -> ExitCode {
    analyze(&sources, Format::Text, options)
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
        let files: Vec<Result<Source, FileError>> = (0..50)
            .map(|i| Ok(Source::parse(&format!("/nonexistent/{i}"))))
            .collect();
        let mut seen = Vec::new();
        analyze_in_order(
            &files,
            &LoadOptions::default(),
            3,
            |a| a,
            |r| {
                seen.push(r.unwrap_err().path);
                seen.len() < 20
            },
        );
        let want: Vec<String> = (0..20).map(|i| format!("/nonexistent/{i}")).collect();
        assert_eq!(seen, want);
    }
}
