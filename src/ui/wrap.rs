//! The article wrapped to one width, once, with each display line mapped back
//! to its byte span in the text.
//!
//! Lines break at spaces using textwrap's first-fit algorithm; words wider
//! than the line are cut at character boundaries (which is also how runs of
//! CJK text without spaces wrap). Widths count tabs and control characters
//! as they are drawn ([`super::text::width`]), so drawn lines never overflow.

use super::text;
use crate::analysis::Span;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

/// The article's display lines at one width.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    /// The width the lines were wrapped to.
    pub width: usize,
    /// Each display line's bytes in the text (trailing spaces and the newline excluded).
    pub lines: Vec<Span>,
}

/// A word and the spaces after it, as byte offsets into one source line.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    width: usize,
    space: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

impl Wrapped {
    /// Wrap `text` to `width` columns (at least 1).
    pub fn new(text: &str, width: usize) -> Wrapped {
        let width = width.max(1);
        let mut lines = Vec::with_capacity(text.len() / width.max(20) + 1);
        let mut pieces = Vec::new();
        let mut pos = 0;
        for raw in text.split('\n') {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            wrap_line(line, pos, width, &mut pieces, &mut lines);
            pos += raw.len() + 1;
        }
        Wrapped { width, lines }
    }

    /// Number of display lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when there are no lines.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The display line holding byte `offset` (the last line starting at or before it).
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }
}

/// Wrap one source line (no newline) starting at byte `base`.
fn wrap_line(line: &str, base: usize, width: usize, pieces: &mut Vec<Piece>, out: &mut Vec<Span>) {
    if line.is_empty() {
        out.push(Span::new(base, base));
        return;
    }
    pieces.clear();
    split_pieces(line, width, pieces);
    for row in wrap_first_fit(pieces, &[width as f64]) {
        let (first, last) = (row[0], row[row.len() - 1]);
        out.push(Span::new(base + first.start, base + last.end));
    }
}

/// Cut `line` into words with their trailing spaces, splitting words wider than `width`.
fn split_pieces(line: &str, width: usize, pieces: &mut Vec<Piece>) {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let mut end = i;
        while end < bytes.len() && bytes[end] != b' ' {
            end += 1;
        }
        if end == i {
            // Leading spaces (an indent) count as a word of their own.
            while end < bytes.len() && bytes[end] == b' ' {
                end += 1;
            }
        }
        let mut next = end;
        while next < bytes.len() && bytes[next] == b' ' {
            next += 1;
        }
        let w = text::width(&line[i..end]);
        if w > width {
            split_long(line, i, end, width, pieces);
            if let Some(p) = pieces.last_mut() {
                p.space = next - end;
            }
        } else {
            pieces.push(Piece {
                start: i,
                end,
                width: w,
                space: next - end,
            });
        }
        i = next;
    }
}

/// Split the too-wide word `line[start..end]` into pieces of at most `width`
/// columns, keeping zero-width characters (combining marks) with their base.
fn split_long(line: &str, start: usize, end: usize, width: usize, pieces: &mut Vec<Piece>) {
    let mut from = start;
    let mut used = 0;
    for (i, c) in line[start..end].char_indices() {
        let at = start + i;
        let w = text::char_width(c);
        if used + w > width && at > from && w > 0 {
            pieces.push(Piece {
                start: from,
                end: at,
                width: used,
                space: 0,
            });
            from = at;
            used = 0;
        }
        used += w;
    }
    pieces.push(Piece {
        start: from,
        end,
        width: used,
        space: 0,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows<'a>(text: &'a str, w: &Wrapped) -> Vec<&'a str> {
        w.lines.iter().map(|s| &text[*s]).collect()
    }

    #[test]
    fn wraps_words_and_keeps_paragraphs() {
        let t = "one two three four\n\nfive six";
        let w = Wrapped::new(t, 9);
        assert_eq!(rows(t, &w), ["one two", "three", "four", "", "five six"]);
    }

    #[test]
    fn offsets_map_back() {
        let t = "Title\n\nalpha beta gamma";
        let w = Wrapped::new(t, 10);
        assert_eq!(w.line_of(t.find("gamma").unwrap()), 3);
        assert_eq!(w.line_of(0), 0);
        assert_eq!(w.line_of(t.len()), w.len() - 1);
    }

    #[test]
    fn long_words_and_cjk_break_by_width() {
        let t = "日本語の文章です";
        let w = Wrapped::new(t, 6);
        assert_eq!(rows(t, &w), ["日本語", "の文章", "です"]);
        for s in &w.lines {
            assert!(text::width(&t[*s]) <= 6);
        }
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let t = "e\u{301}e\u{301}e\u{301}e\u{301}";
        let w = Wrapped::new(t, 2);
        assert_eq!(rows(t, &w), ["e\u{301}e\u{301}", "e\u{301}e\u{301}"]);
    }

    #[test]
    fn crlf_and_controls() {
        let t = "ab\r\ncd \x1b[31m";
        let w = Wrapped::new(t, 80);
        assert_eq!(rows(t, &w), ["ab", "cd \x1b[31m"]);
        let narrow = Wrapped::new(t, 3);
        for s in &narrow.lines {
            assert!(text::width(&t[*s]) <= 3, "{:?}", &t[*s]);
        }
    }

    #[test]
    fn tabs_count_their_width() {
        let t = "a\tb c";
        let w = Wrapped::new(t, 6);
        assert_eq!(rows(t, &w), ["a\tb", "c"]);
    }

    #[test]
    fn empty_text_has_one_line() {
        assert_eq!(Wrapped::new("", 10).len(), 1);
    }
}
