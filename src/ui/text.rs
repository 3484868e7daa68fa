//! Display helpers for untrusted text: widths that match what is drawn,
//! control characters made visible, tabs expanded, rows cut with an ellipsis.

use crate::analysis::Span;
use crate::sanitize::replacement;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns a tab expands to (tabs in prose are rare; a fixed width keeps
/// wrapping and drawing in agreement).
pub const TAB_WIDTH: usize = 4;

/// Display width of `s` as drawn by [`display`]: tabs expand, control
/// characters become one-column symbols, everything else per unicode-width.
pub fn width(s: &str) -> usize {
    let mut total = 0;
    let mut run_start = 0;
    for (i, c) in s.char_indices() {
        if c == '\t' || replacement(c).is_some() || c == '\n' {
            total += s[run_start..i].width();
            total += if c == '\t' { TAB_WIDTH } else { 1 };
            run_start = i + c.len_utf8();
        }
    }
    total + s[run_start..].width()
}

/// `s` made safe for the terminal: control characters become visible
/// symbols, tabs become spaces, newlines become spaces.
pub fn display(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_display(&mut out, s);
    out
}

/// Append the display form of `s` (see [`display`]) to `out`.
pub fn push_display(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '\t' => out.extend(std::iter::repeat_n(' ', TAB_WIDTH)),
            '\n' => out.push(' '),
            c => out.push(replacement(c).unwrap_or(c)),
        }
    }
}

/// `s` on one row: whitespace runs (newlines included) collapsed to one
/// space, made safe, and cut to `max` columns with `…` when longer.
pub fn fit(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut last_space = true;
    for c in s.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        let shown = replacement(c).unwrap_or(c);
        let w = shown.width().unwrap_or(0);
        if used + w > max {
            return ellipsize(out, used, max);
        }
        used += w;
        out.push(shown);
    }
    out.truncate(out.trim_end().len());
    out
}

/// Cut `out` (already `used` columns) so that `…` fits within `max`.
fn ellipsize(mut out: String, mut used: usize, max: usize) -> String {
    if max == 0 {
        return String::new();
    }
    while used + 1 > max {
        match out.pop() {
            Some(c) => used -= c.width().unwrap_or(0),
            None => break,
        }
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Pad or cut `s` (already safe) to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let w = s.width();
    if w >= cols {
        return fit(s, cols);
    }
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cols - w));
    out
}

/// The text of `span` in `s`, clamped to the text and to character
/// boundaries, so a bad span from the core cannot crash the reader.
pub fn slice(s: &str, span: Span) -> &str {
    let floor = |mut i: usize| {
        i = i.min(s.len());
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    &s[start..floor(span.end).max(start)]
}

/// Width of one character as [`width`] counts it.
pub fn char_width(c: char) -> usize {
    match c {
        '\t' => TAB_WIDTH,
        c if replacement(c).is_some() => 1,
        c => c.width().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_visible_and_counted() {
        assert_eq!(display("a\x1b]52;c\x07b"), "a␛]52;c␇b");
        assert_eq!(width("a\x1b[31mb"), 7);
        assert_eq!(display("x\u{9b}y\rz"), "x\u{fffd}y␍z");
    }

    #[test]
    fn tabs_expand() {
        assert_eq!(display("a\tb"), "a    b");
        assert_eq!(width("a\tb"), 2 + TAB_WIDTH);
    }

    #[test]
    fn wide_and_combining() {
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(fit("日本語です", 5), "日本…");
    }

    #[test]
    fn fit_collapses_and_cuts() {
        assert_eq!(fit("  a \n\n b  ", 10), "a b");
        assert_eq!(fit("hello world", 8), "hello w…");
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello", 0), "");
        assert_eq!(fit("hello", 1), "…");
    }

    #[test]
    fn slice_survives_bad_spans() {
        assert_eq!(slice("héllo", Span::new(2, 99)), "éllo");
        assert_eq!(slice("héllo", Span::new(2, 1)), "");
        assert_eq!(slice("héllo", Span::new(0, 2)), "h");
    }

    #[test]
    fn pad_fills() {
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(pad("abcdef", 4), "abc…");
    }
}
