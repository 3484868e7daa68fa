//! Printing an [`Analysis`]: JSON Lines, pretty JSON, or a readable text report.

use crate::analysis::{Analysis, QuoteKind};
use crate::sanitize::clean;
use std::fmt::Write;

/// Output formats of `whosaid analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// One SCHEMA.md object per line, one line per file.
    #[default]
    Jsonl,
    /// Pretty JSON: one document, or an array for several files.
    Json,
    /// A report for a person: speakers with their roles and their quotes.
    Text,
}

/// One line of JSON for `analysis`.
pub fn jsonl(analysis: &Analysis) -> String {
    serde_json::to_string(analysis).expect("an Analysis always serialises")
}

/// Pretty JSON for several analyses: one document, or an array when there are several.
pub fn json(analyses: &[Analysis]) -> String {
    let out = match analyses {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    };
    out.expect("an Analysis always serialises")
}

/// A readable report: the title, then each speaker with role and quotes,
/// then the quotes nobody is said to have said. Control characters in the
/// article are shown as visible symbols, never sent to the terminal.
pub fn text(a: &Analysis) -> String {
    let mut out = String::new();
    if let Some(path) = &a.path {
        let _ = writeln!(out, "== {} ==", clean(path));
    }
    let _ = writeln!(out, "{}", clean(&a.title));
    let direct = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .count();
    let _ = writeln!(
        out,
        "{} quotes ({} direct, {} reported), {} speakers\n",
        a.quotes.len(),
        direct,
        a.quotes.len() - direct,
        a.speakers.iter().filter(|s| s.quotes > 0).count()
    );
    let mut quoted: Vec<_> = a.speakers.iter().filter(|s| s.quotes > 0).collect();
    quoted.sort_by_key(|s| std::cmp::Reverse(s.quotes));
    for s in quoted {
        let role = s
            .role
            .as_deref()
            .map(|r| format!(", {}", clean(r)))
            .unwrap_or_default();
        let _ = writeln!(out, "{}{} — {} quote(s)", clean(&s.name), role, s.quotes);
        for q in a
            .quotes
            .iter()
            .filter(|q| q.speaker.as_deref() == Some(&s.id))
        {
            let _ = writeln!(out, "  {}", quote_line(a, q));
        }
        out.push('\n');
    }
    let mentioned: Vec<_> = a.speakers.iter().filter(|s| s.quotes == 0).collect();
    if !mentioned.is_empty() {
        let names: Vec<_> = mentioned.iter().map(|s| clean(&s.name)).collect();
        let _ = writeln!(out, "Mentioned, not quoted: {}\n", names.join(", "));
    }
    let nobody: Vec<_> = a.quotes.iter().filter(|q| q.speaker.is_none()).collect();
    if !nobody.is_empty() {
        let _ = writeln!(out, "Not attributed to anyone:");
        for q in nobody {
            let _ = writeln!(out, "  {}", quote_line(a, q));
        }
    }
    out
}

fn quote_line(a: &Analysis, q: &crate::analysis::Quote) -> String {
    let body = a.text.get(q.start..q.end).unwrap_or("");
    let body: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mark = match q.kind {
        QuoteKind::Direct => "",
        QuoteKind::Indirect => "(reported) ",
    };
    format!("{mark}{}", clean(&body))
}
