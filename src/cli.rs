//! The command line's two jobs: `analyze` files, or open the reader.

use crate::analysis::{analyze as analyze_text, Analysis};
use crate::input::{load, FileError, LoadError};
use crate::report::{self, Format};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic.downcast_ref::<&str>().map(|s| s.to_string());
    let text = text.or_else(|| panic.downcast_ref::<String>().cloned());
    text.unwrap_or_else(|| "panic".to_string())
}

/// `whosaid analyze`: print each file's analysis in the order given, using
/// every core. A file that cannot be read gets one line on stderr and exit
/// code 1; the others are still analysed. `--format json` prints one document
/// for one FILE and an array when several were given.
pub fn analyze(files: &[PathBuf], format: Format) -> ExitCode {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    let mut pretty = Vec::new();
    // Chunks bound memory: only a few articles' analyses are held at once
    // (all of them for `--format json`, which prints one document).
    let chunk = rayon::current_num_threads().max(1) * 4;
    for group in files.chunks(chunk) {
        // `collect` on an indexed parallel iterator keeps the input order.
        let results: Vec<_> = group.par_iter().map(|p| analyze_file(p)).collect();
        for result in results {
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
            if written.is_err() {
                return ExitCode::from(1); // stdout closed (e.g. piped to head)
            }
        }
    }
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
