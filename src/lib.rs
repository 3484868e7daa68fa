//! whosaid: who said what in a news article.
//!
//! [`analysis`] turns text into an [`analysis::Analysis`] (quotes, speakers,
//! attributions); [`report`] prints it; `ui` (feature `tui`) is the terminal reader.
#![deny(missing_docs)]

pub mod analysis;
pub mod cli;
pub mod input;
pub mod library;
pub mod people;
pub mod report;
pub mod sanitize;
#[cfg(feature = "tui")]
pub mod ui;

/// The built-in sample article the reader opens when given no file.
pub const SAMPLE: &str = include_str!("../assets/sample.txt");
/// The name shown for the built-in sample.
pub const SAMPLE_NAME: &str = "sample article (built in)";
