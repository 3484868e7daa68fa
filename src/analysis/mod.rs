//! The analysis core: text in, who said what out.
//!
//! Stages run in order, each in its own module, each taking the previous
//! stages' plain data: [`tokens`] → [`quotes`] → [`mentions`] → [`speakers`]
//! → [`attribution`]. Nothing here knows about terminals, colours or keys.

mod model;
mod span;

pub use model::{Analysis, Evidence, Quote, QuoteKind, Speaker};
pub use span::Span;

/// Analyse one article. Pure, deterministic, never fails.
///
/// ```
/// let a = whosaid::analysis::analyze("Title\n\n\"Hello,\" Ms Smith said.\n");
/// assert_eq!(a.title, "Title");
/// assert_eq!(a.quotes.len(), 1);
/// ```
pub fn analyze(text: &str) -> Analysis {
    let mut quotes = Vec::new();
    let bytes = text.as_bytes();
    let mut open = None;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'"' {
            match open.take() {
                None => open = Some(i),
                Some(s) => quotes.push(Quote {
                    id: format!("q{}", quotes.len()),
                    start: s,
                    end: i + 1,
                    kind: QuoteKind::Direct,
                    speaker: None,
                    source: None,
                    cue: None,
                    evidence: None,
                }),
            }
        }
    }
    Analysis {
        path: None,
        title: title(text),
        text: text.to_string(),
        speakers: Vec::new(),
        quotes,
    }
}

/// The first non-empty line, trimmed.
fn title(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
        .to_string()
}
