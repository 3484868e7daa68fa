//! whosaid: open the reader, or print the analysis of articles.

use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
use std::process::ExitCode;
use std::time::Duration;
use whosaid::input::{InputFormat, LoadOptions, Source};
use whosaid::report::Format;

/// Who said what in a news article: a terminal reader and an analyser.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    load: Load,
    /// Articles to open: files (text, HTML, Markdown), directories, `-` for
    /// stdin, or http(s):// URLs. One opens the reader, several the library.
    /// Without any, stdin when piped, else the built-in sample.
    inputs: Vec<OsString>,
}

#[derive(Subcommand)]
enum Command {
    /// Print who said what in each INPUT.
    Analyze {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        #[command(flatten)]
        load: Load,
        /// Article files (text, HTML, Markdown), directories (searched for
        /// .txt, .md, .markdown, .html, .htm files), `-` for stdin, or URLs.
        #[arg(required = true)]
        inputs: Vec<OsString>,
    },
}

/// How inputs are read.
#[derive(Args)]
struct Load {
    /// How to read the inputs: by extension, Content-Type or content (auto),
    /// or all as one kind.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    format_in: InputFormat,
    /// Seconds to wait for a URL, from connecting to the last byte.
    #[arg(long, value_name = "SECS", default_value = "10", value_parser = seconds)]
    timeout: Duration,
}

impl Load {
    fn options(&self) -> LoadOptions {
        LoadOptions {
            format: self.format_in,
            timeout: self.timeout,
            ..LoadOptions::default()
        }
    }
}

fn seconds(arg: &str) -> Result<Duration, String> {
    let secs: f64 = arg
        .parse()
        .map_err(|_| format!("{arg:?} is not a number"))?;
    Duration::try_from_secs_f64(secs)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| format!("{arg} is not a positive number of seconds"))
}

/// A command-line argument as a source; a path that is not UTF-8 stays a path.
fn sources(args: &[OsString]) -> Vec<Source> {
    let source = |arg: &OsString| match arg.to_str() {
        Some(s) => Source::parse(s),
        None => Source::File(arg.into()),
    };
    args.iter().map(source).collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze {
            format,
            load,
            inputs,
        }) => whosaid::cli::analyze(&sources(&inputs), format, &load.options()),
        None => whosaid::cli::read(sources(&cli.inputs), &cli.load.options()),
    }
}

/// The analysis makes many small, short-lived allocations; see Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
