//! Printing an [`Analysis`]: JSON Lines, pretty JSON, or a readable text report.
//!
//! Every format is safe to print to a terminal: JSON escapes all control
//! characters (serde_json escapes C0; [`Safe`] adds DEL and C1), and the text
//! report shows them as visible symbols.

use crate::analysis::{Analysis, Quote, QuoteKind, Speaker};
use crate::sanitize::clean;
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;

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

/// Width the text report wraps quotes to, in characters.
const WIDTH: usize = 80;

/// Write `analysis` as one line of JSON (no trailing newline).
pub fn write_jsonl<W: io::Write>(out: &mut W, analysis: &Analysis) -> io::Result<()> {
    write_with(out, analysis, CompactFormatter)
}

/// Write `value` (an [`Analysis`] or a slice of them) as pretty JSON.
pub fn write_json<W: io::Write, T: Serialize + ?Sized>(out: &mut W, value: &T) -> io::Result<()> {
    write_with(out, value, PrettyFormatter::new())
}

fn write_with<W, T, F>(out: &mut W, value: &T, formatter: F) -> io::Result<()>
where
    W: io::Write,
    T: Serialize + ?Sized,
    F: Formatter,
{
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(formatter));
    // An Analysis holds only strings, numbers and lists: serialising it can
    // only fail when writing does.
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// One line of JSON for `analysis`.
pub fn jsonl(analysis: &Analysis) -> String {
    let mut out = Vec::new();
    let _ = write_jsonl(&mut out, analysis);
    String::from_utf8(out).unwrap_or_default()
}

/// Pretty JSON for several analyses: one document, or an array when there are several.
pub fn json(analyses: &[Analysis]) -> String {
    let mut out = Vec::new();
    let _ = match analyses {
        [one] => write_json(&mut out, one),
        many => write_json(&mut out, many),
    };
    String::from_utf8(out).unwrap_or_default()
}

/// A JSON formatter that also escapes DEL and the C1 controls (U+007F–U+009F),
/// which serde_json leaves raw: some terminals act on them (U+009B is CSI).
/// The JSON still decodes to exactly the same strings.
struct Safe<F>(F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // In UTF-8 these are the byte 0x7F and the pairs 0xC2 0x80..=0x9F:
        // the fragment (a whole article, for the text) is searched for the
        // two lead bytes, not decoded character by character.
        let bytes = fragment.as_bytes();
        // Most fragments are keys, ids and names: short and ASCII, settled
        // by a look at each byte, without setting up a search.
        if bytes.len() <= 32 && bytes.iter().all(|&b| b < 0x7f) {
            return w.write_all(bytes);
        }
        let mut start = 0;
        for i in memchr::memchr2_iter(0x7f, 0xc2, bytes) {
            let c = match bytes[i] {
                0x7f => 0x7f,
                _ => match bytes.get(i + 1) {
                    Some(&b @ 0x80..=0x9f) => u32::from(b),
                    _ => continue, // U+00A0 and up: printable.
                },
            };
            w.write_all(&bytes[start..i])?;
            write!(w, "\\u{c:04x}")?;
            start = i + if c == 0x7f { 1 } else { 2 };
        }
        w.write_all(&bytes[start..])
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// A readable report: the title, then each quoted speaker with role and
/// quotes (most quoted first), then who is only mentioned, then the quotes
/// nobody is said to have said. Each quote carries its line number in the
/// article. Control characters in the article are shown as visible symbols,
/// never sent to the terminal.
pub fn text(a: &Analysis) -> String {
    let lines = LineIndex::new(&a.text);
    let mut by_speaker: HashMap<&str, Vec<&Quote>> = HashMap::new();
    let mut nobody = Vec::new();
    for q in &a.quotes {
        match q.speaker.as_deref() {
            Some(id) => by_speaker.entry(id).or_default().push(q),
            None => nobody.push(q),
        }
    }
    let mut out = header(a, by_speaker.len());
    let mut quoted: Vec<(&Speaker, &Vec<&Quote>)> = a
        .speakers
        .iter()
        .filter_map(|s| by_speaker.get(s.id.as_str()).map(|qs| (s, qs)))
        .collect();
    quoted.sort_by_key(|(_, qs)| std::cmp::Reverse(qs.len()));
    for (s, qs) in quoted {
        let role = s.role.as_deref().map(|r| format!(", {}", clean(r)));
        let count = plural(qs.len(), "quote");
        let _ = writeln!(
            out,
            "{}{} — {count}",
            clean(&s.name),
            role.unwrap_or_default()
        );
        for q in qs {
            out.push_str(&quote_lines(a, q, &lines));
        }
        out.push('\n');
    }
    let mentioned: Vec<_> = a
        .speakers
        .iter()
        .filter(|s| !by_speaker.contains_key(s.id.as_str()))
        .map(|s| clean(&s.name))
        .collect();
    if !mentioned.is_empty() {
        let list = format!("Mentioned, not quoted: {}", mentioned.join(", "));
        out.push_str(&wrap(&list, "", "  "));
        out.push('\n');
    }
    if !nobody.is_empty() {
        out.push_str("Not attributed to anyone:\n");
        for q in nobody {
            out.push_str(&quote_lines(a, q, &lines));
        }
    }
    out
}

/// The report's first lines: path, title, counts.
fn header(a: &Analysis, quoted_speakers: usize) -> String {
    let mut out = String::new();
    if let Some(path) = &a.path {
        let _ = writeln!(out, "== {} ==", clean(path));
    }
    let title = if a.title.trim().is_empty() {
        "(untitled)"
    } else {
        &a.title
    };
    let _ = writeln!(out, "{}", clean(title));
    let direct = a.quotes.iter().filter(|q| q.kind == QuoteKind::Direct);
    let direct = direct.count();
    let _ = writeln!(
        out,
        "{} ({direct} direct, {} reported) from {}\n",
        plural(a.quotes.len(), "quote"),
        a.quotes.len() - direct,
        plural(quoted_speakers, "speaker"),
    );
    out
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// One quote, wrapped and indented: `  l.12  "words…"`.
fn quote_lines(a: &Analysis, q: &Quote, lines: &LineIndex) -> String {
    let body = a.text.get(q.start..q.end).unwrap_or("");
    let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
    let mark = match q.kind {
        QuoteKind::Direct => "",
        QuoteKind::Indirect => "(reported) ",
    };
    let first = format!("  l.{:<4} ", lines.line_of(q.start));
    let rest = " ".repeat(first.chars().count());
    wrap(&format!("{mark}{}", clean(&body)), &first, &rest)
}

/// Greedy word wrap to [`WIDTH`] characters, `first` before the first line
/// and `rest` before the others. Every line ends with a newline.
fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut line_empty = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = word.chars().count();
        if !line_empty && col + 1 + len > WIDTH {
            out.push('\n');
            out.push_str(rest);
            col = rest.chars().count();
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
        line_empty = false;
    }
    out.push('\n');
    out
}

/// Byte offset → 1-based line number, in O(log lines) per lookup so a report
/// on a huge article with many quotes stays linear.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let newlines = text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
        let starts = std::iter::once(0).chain(newlines.map(|(i, _)| i + 1));
        LineIndex {
            starts: starts.collect(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_and_indents() {
        let words = "word ".repeat(40);
        let out = wrap(&words, "  l.1    ", "         ");
        assert!(out.lines().all(|l| l.chars().count() <= WIDTH));
        assert!(out.lines().skip(1).all(|l| l.starts_with("         word")));
        assert_eq!(out.split_whitespace().filter(|w| *w == "word").count(), 40);
    }

    #[test]
    fn line_numbers_start_at_one() {
        let index = LineIndex::new("a\nb\n\nc");
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(2), 2);
        assert_eq!(index.line_of(5), 4);
    }

    #[test]
    fn json_escapes_del_and_c1_but_decodes_the_same() {
        let a = Analysis {
            title: "t".into(),
            text: "\u{80}a\u{9b}31m\u{7f}\u{1b}é\u{a0}\u{85}\u{9f}\u{9f}".into(),
            ..Analysis::default()
        };
        let line = jsonl(&a);
        assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
        // Printable characters that share a lead byte with C1 stay as they are.
        assert!(line.contains("é\u{a0}\\u0085\\u009f\\u009f"), "{line:?}");
        let back: Analysis = serde_json::from_str(&line).unwrap();
        assert_eq!(back, a);
        let pretty = json(&[a.clone(), a.clone()]);
        let back: Vec<Analysis> = serde_json::from_str(&pretty).unwrap();
        assert_eq!(back, vec![a.clone(), a]);
    }
}
