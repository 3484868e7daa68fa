//! The command line's two jobs: `analyze` files, or open the reader.

use crate::analysis::{analyze as analyze_text, Analysis};
use crate::input::{load, FileError};
use crate::report::{self, Format};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Load and analyse one file, recording its path as given.
pub fn analyze_file(path: &Path) -> Result<Analysis, FileError> {
    let text = load(path)?;
    let mut analysis = analyze_text(&text);
    analysis.path = Some(path.display().to_string());
    Ok(analysis)
}

/// `whosaid analyze`: print each file's analysis in the order given, using
/// every core. A file that cannot be read gets one line on stderr and exit
/// code 1; the others are still analysed.
pub fn analyze(files: &[PathBuf], format: Format) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    let mut pretty = Vec::new();
    // Chunks bound memory: only a few articles' texts are held at once
    // (all of them for `--format json`, which prints one document).
    let chunk = rayon::current_num_threads().max(1) * 4;
    for group in files.chunks(chunk) {
        let results: Vec<_> = group.par_iter().map(|p| analyze_file(p)).collect();
        for result in results {
            match result {
                Ok(a) => {
                    let written = match format {
                        Format::Jsonl => writeln!(out, "{}", report::jsonl(&a)),
                        Format::Text => writeln!(out, "{}", report::text(&a)),
                        Format::Json => {
                            pretty.push(a);
                            Ok(())
                        }
                    };
                    if written.is_err() {
                        return ExitCode::from(1); // stdout closed (e.g. piped to head)
                    }
                }
                Err(e) => {
                    failed = true;
                    eprintln!("whosaid: {e}");
                }
            }
        }
    }
    if format == Format::Json && !pretty.is_empty() {
        let _ = writeln!(out, "{}", report::json(&pretty));
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Open the reader on `file`, or on the built-in sample. Errors are reported
/// before the terminal is touched.
pub fn read(file: Option<&Path>) -> ExitCode {
    let analysis = match file {
        Some(path) => match analyze_file(path) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("whosaid: {e}");
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
            eprintln!("whosaid: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "tui"))]
fn open(analysis: Analysis) -> ExitCode {
    print!("{}", report::text(&analysis));
    ExitCode::SUCCESS
}
