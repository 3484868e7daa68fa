//! whosaid: open the reader, or print the analysis of articles.

use clap::{Parser, Subcommand};

use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::report::Format;

/// Who said what in a news article: a terminal reader and an analyser.
#[derive(Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The article to open (plain text). Without it, the built-in sample opens.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print who said what in each FILE.
    Analyze {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Article files (plain text).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze { format, files }) => whosaid::cli::analyze(&files, format),
        None => whosaid::cli::read(cli.file.as_deref()),
    }
}

/// The analysis makes many small, short-lived allocations; see Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
