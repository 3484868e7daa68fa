//! Stage 2: direct quotations.
//!
//! Takes the text and its paragraphs, gives the span of every top-level
//! quotation (marks included), in text order. Handles straight and curly
//! double quotes, `«…»`, `„…“`, two apostrophes `''…''` (and ``` ``…'' ```),
//! British single quotes told apart from apostrophes, nesting, quotations
//! that run over several paragraphs, and unbalanced marks (closed at the
//! paragraph end).

use super::tokens::is_alnum;
use super::Span;

/// Which kind of mark opened a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Straight,
    Curly,
    Low,
    Guillemet,
    TwoApostrophes,
    Single,
}

impl Mark {
    fn is_double(self) -> bool {
        self != Mark::Single
    }
}

#[derive(Debug, Clone, Copy)]
struct Open {
    start: usize,
    mark: Mark,
}

/// Every top-level quotation in `text`, in order: each from its opening
/// mark to its closing mark, both included (or to the end of the paragraph
/// that failed to close it).
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut carried: Option<Open> = None;
    for (n, &para) in paragraphs.iter().enumerate() {
        let next = paragraphs.get(n + 1).map(|p| &text[*p]);
        carried = scan_paragraph(text, para, carried, next, &mut out);
    }
    out
}

/// Does `para` open with a quotation mark of the same family as `mark`?
fn reopens(para: &str, mark: Mark) -> Option<usize> {
    let first = para.chars().next()?;
    if para.starts_with("''") && mark.is_double() {
        return Some(2);
    }
    let same = if mark.is_double() {
        matches!(first, '"' | '\u{201c}' | '\u{201e}' | '\u{ab}')
    } else {
        matches!(first, '\'' | '\u{2018}')
    };
    same.then_some(first.len_utf8())
}

struct Scan<'a> {
    text: &'a str,
    stack: Vec<Open>,
    out: &'a mut Vec<Span>,
}

impl Scan<'_> {
    fn open(&mut self, start: usize, mark: Mark) {
        self.stack.push(Open { start, mark });
    }

    /// Close the innermost open quotation that `accepts` takes, dropping any nested
    /// ones above it. Returns false when none is open.
    fn close(&mut self, end: usize, accepts: impl Fn(Mark) -> bool) -> bool {
        let Some(depth) = self.stack.iter().rposition(|o| accepts(o.mark)) else {
            return false;
        };
        let open = self.stack[depth];
        self.stack.truncate(depth);
        if depth == 0 {
            self.found(Span::new(open.start, end));
        }
        true
    }

    /// Keep a quotation, unless it holds no letter or digit (`""`, `"..."`):
    /// dropped here, so a run of marks never fills memory with empty quotes.
    fn found(&mut self, span: Span) {
        if self.text[span].chars().any(is_alnum) {
            self.out.push(span);
        }
    }

    fn innermost(&self) -> Option<Mark> {
        self.stack.last().map(|o| o.mark)
    }

    fn double_open(&self) -> bool {
        self.stack.iter().any(|o| o.mark.is_double())
    }
}

fn scan_paragraph(
    text: &str,
    para: Span,
    carried: Option<Open>,
    next_para: Option<&str>,
    out: &mut Vec<Span>,
) -> Option<Open> {
    let mut scan = Scan {
        text,
        stack: Vec::new(),
        out,
    };
    let s = &text[para];
    let mut i = 0;
    if let Some(open) = carried {
        scan.stack.push(open);
        i = reopens(s, open.mark).unwrap_or(0);
    }
    let mut marks = Candidates::new(s.as_bytes());
    while let Some(at) = marks.next_from(i) {
        i = at;
        let c = s[i..].chars().next().unwrap_or(' ');
        let after = &s[i + c.len_utf8()..];
        let here = Here {
            c,
            at: para.start + i,
            prev: s[..i].chars().next_back(),
            next: after.chars().next(),
            after,
        };
        let step = mark(&mut scan, &here);
        i += step.max(c.len_utf8());
    }
    finish_paragraph(scan, para, next_para)
}

/// Where the bytes that can start a quotation mark are: `"`, `'`, and the
/// lead byte 0xE2 of “ ” ‘ ’ „, searched together; and the rarer `` ` `` and
/// 0xC2 (the lead byte of « »), searched apart. Each search jumps over the
/// text between candidates (memchr) instead of testing every byte, and is
/// redone only once the scan has passed the position it found.
struct Candidates<'a> {
    bytes: &'a [u8],
    /// The next `"` `'` 0xE2 at or after the last position asked, or the end.
    common: usize,
    /// The next `` ` `` 0xC2 likewise.
    rare: usize,
}

impl<'a> Candidates<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut marks = Candidates {
            bytes,
            common: 0,
            rare: 0,
        };
        marks.common = marks.find_common(0);
        marks.rare = marks.find_rare(0);
        marks
    }

    fn find_common(&self, from: usize) -> usize {
        let rest = self.bytes.get(from..).unwrap_or_default();
        // In a run of marks the next one is the very next byte: no search.
        if matches!(rest.first(), Some(b'"' | b'\'' | 0xE2)) {
            return from;
        }
        memchr::memchr3(b'"', b'\'', 0xE2, rest).map_or(self.bytes.len(), |n| from + n)
    }

    fn find_rare(&self, from: usize) -> usize {
        let rest = self.bytes.get(from..).unwrap_or_default();
        memchr::memchr2(b'`', 0xC2, rest).map_or(self.bytes.len(), |n| from + n)
    }

    /// The first candidate at or after `from`.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        if self.common < from {
            self.common = self.find_common(from);
        }
        if self.rare < from {
            self.rare = self.find_rare(from);
        }
        let at = self.common.min(self.rare);
        (at < self.bytes.len()).then_some(at)
    }
}

/// A possible quotation mark and what stands around it.
struct Here<'a> {
    /// The mark.
    c: char,
    /// Its byte offset in the text.
    at: usize,
    /// The character before it, in its paragraph.
    prev: Option<char>,
    /// The character after it.
    next: Option<char>,
    /// The rest of the paragraph after it.
    after: &'a str,
}

/// Handle the character at `here`; returns how many bytes it consumed
/// (0 for "just this character").
fn mark(scan: &mut Scan, here: &Here) -> usize {
    let Here {
        c,
        at,
        prev,
        next,
        after,
    } = *here;
    let len = c.len_utf8();
    let prev_space = prev
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/'));
    let next_space = next.is_none_or(char::is_whitespace);
    match c {
        '"' => close_or_open(scan, (at, at + 1), Mark::Straight, !next_space, |m| {
            m == Mark::Straight || (m.is_double() && !prev_space)
        }),
        '\u{201c}' => {
            if scan.innermost() == Some(Mark::Low) {
                scan.close(at + len, |m| m == Mark::Low);
            } else if !scan.double_open() || prev_space {
                if scan.double_open() && prev_space {
                    recover(scan, at);
                }
                scan.open(at, Mark::Curly);
            } else {
                scan.close(at + len, Mark::is_double);
            }
        }
        // A closing mark used as an opener: ”like this”.
        '\u{201d}' => close_or_open(
            scan,
            (at, at + len),
            Mark::Curly,
            prev_space && !next_space,
            Mark::is_double,
        ),
        '\u{201e}' => scan.open(at, Mark::Low),
        '\u{ab}' => scan.open(at, Mark::Guillemet),
        '\u{bb}' => {
            scan.close(at + len, Mark::is_double);
        }
        '`' if after.starts_with('`') => {
            scan.open(at, Mark::TwoApostrophes);
            return 2;
        }
        '\'' if after.starts_with('\'') => {
            let closes = scan.innermost() == Some(Mark::TwoApostrophes)
                || (scan.stack.iter().any(|o| o.mark == Mark::TwoApostrophes) && !prev_space);
            if closes {
                scan.close(at + 2, |m| m == Mark::TwoApostrophes);
            } else if !after[1..].starts_with(char::is_whitespace) && !after[1..].is_empty() {
                scan.open(at, Mark::TwoApostrophes);
            }
            return 2;
        }
        '\'' | '\u{2018}' | '\u{2019}' => single(scan, here),
        _ => {}
    }
    0
}

/// Close the innermost quotation `accepts` takes; failing that, open one
/// with `mark` when `may_open`.
fn close_or_open(
    scan: &mut Scan,
    (at, end): (usize, usize),
    mark: Mark,
    may_open: bool,
    accepts: impl Fn(Mark) -> bool,
) {
    if !scan.close(end, accepts) && may_open {
        scan.open(at, mark);
    }
}

/// A double quote opened while another was still open at a new opening mark:
/// the earlier one lost its closing mark. End it before this one.
fn recover(scan: &mut Scan, at: usize) {
    if let Some(open) = scan.stack.first().copied() {
        scan.stack.clear();
        let end =
            at - (scan.text[open.start..at].len() - scan.text[open.start..at].trim_end().len());
        scan.found(Span::new(open.start, end));
    }
}

/// Words that open with an apostrophe: `'em`, `'tis`, `'90s`, `'n'`.
fn elision(after: &str) -> bool {
    let len: usize = after
        .chars()
        .take_while(|&c| is_alnum(c))
        .map(char::len_utf8)
        .sum();
    let word = &after[..len];
    if !word.is_ascii() {
        // Lowercasing may change a non-ASCII word's length.
        return elided(&word.to_lowercase());
    }
    elided(word)
}

/// [`elision`] for the word after the apostrophe, lowercase unless ASCII.
fn elided(word: &str) -> bool {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return word.len() <= 3;
    }
    [
        "em", "tis", "til", "cause", "bout", "twas", "n", "s", "round",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(word))
}

fn single(scan: &mut Scan, here: &Here) {
    let prev_alnum = here.prev.is_some_and(is_alnum);
    let next_alnum = here.next.is_some_and(is_alnum);
    if prev_alnum && next_alnum {
        return; // didn't, Moscow's
    }
    let single_open = scan.stack.iter().any(|o| o.mark == Mark::Single);
    let prev_text = here.prev.is_some_and(|p| !p.is_whitespace());
    if here.c != '\u{2018}' && single_open && prev_text && !next_alnum {
        scan.close(here.at + here.c.len_utf8(), |m| m == Mark::Single);
        return;
    }
    let prev_open = here.prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '{' | '—' | '–' | '-' | '"' | '\u{201c}' | '/'
            )
    });
    if here.c != '\u{2019}'
        && prev_open
        && here.next.is_some_and(|n| !n.is_whitespace())
        && !elision(here.after)
    {
        scan.open(here.at, Mark::Single);
    }
}

fn finish_paragraph(mut scan: Scan, para: Span, next_para: Option<&str>) -> Option<Open> {
    let bottom = scan.stack.first().copied()?;
    if next_para.and_then(|p| reopens(p, bottom.mark)).is_some() {
        return Some(bottom);
    }
    if bottom.mark.is_double() {
        scan.found(Span::new(bottom.start, para.end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::paragraphs;

    fn quotes(text: &str) -> Vec<&str> {
        find(text, &paragraphs(text))
            .iter()
            .map(|&span| &text[span])
            .collect()
    }

    /// Every candidate from `from` on, stepping `step` bytes past each.
    fn candidates(s: &str, step: usize) -> Vec<usize> {
        let mut marks = Candidates::new(s.as_bytes());
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(at) = marks.next_from(i) {
            out.push(at);
            i = at + step;
        }
        out
    }

    fn naive(s: &str, step: usize) -> Vec<usize> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if matches!(b[i], b'"' | b'\'' | b'`' | 0xE2 | 0xC2) {
                out.push(i);
                i += step;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn candidates_are_every_possible_mark() {
        for s in [
            "",
            "no marks at all",
            "\"a\" 'b' `c` ``d'' “e” ‘f’ „g“ «h» é—x ’",
            "''``\"\"«»“”",
            "ends with «",
        ] {
            for step in 1..=3 {
                assert_eq!(candidates(s, step), naive(s, step), "{s:?} {step}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn candidates_match_a_byte_by_byte_scan(
            s in "([a-z \"'`]|“|”|‘|’|„|«|»|é|—|\u{a0}){0,200}",
            step in 1usize..4,
        ) {
            proptest::prop_assert_eq!(candidates(&s, step), naive(&s, step));
        }
    }

    #[test]
    fn table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "straight",
                r#""Yes," he said. "No.""#,
                &[r#""Yes,""#, r#""No.""#],
            ),
            ("curly", "“Yes,” she said.", &["“Yes,”"]),
            ("guillemets", "«Oui», dit-il.", &["«Oui»"]),
            ("low-high", "„Ja“, sagte er.", &["„Ja“"]),
            (
                "two apostrophes",
                "''This isn't reform,'' said Mr. Holtz.",
                &["''This isn't reform,''"],
            ),
            (
                "british single",
                "He called it 'disgraceful' on Monday.",
                &["'disgraceful'"],
            ),
            (
                "curly single",
                "He called it ‘disgraceful’ on Monday.",
                &["‘disgraceful’"],
            ),
            (
                "apostrophes",
                "Moscow's view: didn't, the '90s, rock 'n' roll, Jones' car.",
                &[],
            ),
            (
                "nested",
                r#""He said 'no' twice," she said."#,
                &[r#""He said 'no' twice,""#],
            ),
            (
                "partial",
                r#"He said the request was "ridiculous", and left."#,
                &[r#""ridiculous""#],
            ),
            (
                "unbalanced recovers",
                "He said \"never.\n\nNext paragraph \"here\".",
                &["\"never.", "\"here\""],
            ),
            (
                "multi paragraph",
                "\"One.\n\n\"Two.\"\n\nAfter.",
                &["\"One.\n\n\"Two.\""],
            ),
            ("empty dropped", r#"a "" b"#, &[]),
            ("inch mark", "a 12\" pipe and \"a quote\"", &["\"a quote\""]),
        ];
        for (name, text, want) in cases {
            assert_eq!(quotes(text), *want, "case {name}");
        }
    }
}
