//! Stage 1: paragraphs and word tokens.
//!
//! Takes the text, gives paragraphs (line-delimited byte spans) and, per
//! paragraph, tokens: words (with internal apostrophes, hyphens and the
//! periods of abbreviations such as `U.S.` or `Mr.`), numbers and single
//! punctuation characters, each with its byte span.

use super::lexicon::{self, Info};
use super::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and apostrophes, hyphens, abbreviation periods inside).
    Word,
    /// Digits, possibly with `,` `.` inside.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// First character is uppercase.
    pub cap: bool,
    /// Index of the direct quote this token lies in (marks included), if any.
    pub quote: Option<u32>,
    /// What the word lists say about the word (possessive `'s` removed).
    pub info: Info,
}

impl Token {
    /// True for a punctuation token that is `c`.
    pub fn is(&self, text: &str, c: char) -> bool {
        self.kind == Kind::Punct && text[self.span].starts_with(c)
    }
}

/// The longest paragraph analysed as one, in bytes. A longer line (a text
/// with no line breaks) is cut at sentence ends, or failing that at a space,
/// so the work and memory per paragraph stay bounded.
const LONGEST: usize = 32 * 1024;

/// The paragraphs of `text`: each non-blank line, trimmed of surrounding
/// whitespace, and cut into pieces of at most about [`LONGEST`] bytes.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let trimmed_start = start + (line.len() - line.trim_start().len());
        let trimmed_end = start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            cut(text, Span::new(trimmed_start, trimmed_end), &mut out);
        }
        start = end;
    }
    out
}

/// Push `para`, cut into pieces of about [`LONGEST`] bytes when longer.
fn cut(text: &str, para: Span, out: &mut Vec<Span>) {
    let mut from = para.start;
    while para.end - from > LONGEST {
        let window = &text.as_bytes()[from + LONGEST / 2..from + LONGEST];
        // The last sentence end in the window, else its last space, else its end.
        let sentence = window
            .windows(2)
            .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ');
        let space = window.iter().rposition(|&b| b == b' ');
        let mut at = from + LONGEST / 2 + sentence.map(|i| i + 1).or(space).unwrap_or(window.len());
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let piece = text[from..at].trim_end();
        if !piece.is_empty() {
            out.push(Span::new(from, from + piece.len()));
        }
        from = at + (text[at..para.end].len() - text[at..para.end].trim_start().len());
    }
    if para.end > from {
        out.push(Span::new(from, para.end));
    }
}

/// Abbreviations whose final period is part of the word, not a sentence end.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "inc",
    "co", "corp", "ltd", "vs", "prof", "rev", "sgt", "capt", "maj", "adm", "cmdr", "jan", "feb",
    "aug", "sept", "oct", "nov", "dec", "mt", "ft", "no", "messrs", "mx", "atty", "supt", "cpl",
    "pvt", "hon", "fr", "gens", "reps", "sens", "govs", "dept", "univ", "assn", "bros", "calif",
    "fla", "mass", "penn", "ariz", "colo", "conn", "ill", "ind", "mich", "minn", "wis", "tex",
];

/// Tokenize the paragraph at `para`; `quotes` are the direct quotes' spans
/// in text order, used to mark the tokens inside them.
pub fn tokenize(text: &str, para: Span, quotes: &[Span], out: &mut Vec<Token>) {
    out.clear();
    let lex = lexicon::get();
    let s = &text[para];
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut q = quotes.partition_point(|qs| qs.end <= para.start);
    while i < bytes.len() {
        let c = if bytes[i] < 0x80 {
            bytes[i] as char
        } else {
            s[i..].chars().next().unwrap_or(' ')
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let (end, kind) = if c.is_alphabetic() {
            (word_end(s, i), Kind::Word)
        } else if c.is_ascii_digit() {
            (number_end(s, i), Kind::Number)
        } else {
            (i + len, Kind::Punct)
        };
        let span = Span::new(para.start + i, para.start + end);
        while q < quotes.len() && quotes[q].end <= span.start {
            q += 1;
        }
        let quote = (q < quotes.len() && quotes[q].start <= span.start).then_some(q as u32);
        let info = if kind == Kind::Word {
            let w = &text[span];
            let bare = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            lex.info_within(bare, &text.as_bytes()[span.start..])
        } else {
            Info::default()
        };
        out.push(Token {
            span,
            kind,
            cap: c.is_uppercase(),
            quote,
            info,
        });
        i = end;
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// End of the word starting at `i`.
fn word_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut end = i;
    let mut letters = 0;
    loop {
        // Most words are plain ASCII letters: take them a byte at a time.
        while end < b.len() && b[end].is_ascii_alphanumeric() {
            end += 1;
            letters += 1;
        }
        // A space or other ASCII mark that cannot join words ends it at once.
        match b.get(end) {
            None => break,
            Some(&c) if c.is_ascii() && !matches!(c, b'\'' | b'-' | b'.') => break,
            _ => {}
        }
        let Some(c) = s[end..].chars().next() else {
            break;
        };
        let next = s[end + c.len_utf8()..].chars().next();
        let joins = next.is_some_and(|n| n.is_alphanumeric());
        if !c.is_ascii() && (c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)) {
            letters += 1;
            end += c.len_utf8();
        } else if (is_apostrophe(c) || c == '-' || c == '\u{2010}') && joins {
            end += c.len_utf8();
        } else if c == '.' {
            // `U.S.`, `a.m.`: a single letter before and a letter after.
            if letters == 1 && next.is_some_and(|n| n.is_alphabetic()) {
                end += 1;
                letters = 0;
                continue;
            }
            let word = &s[i..end];
            let abbrev = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
            // `J.` (an initial), `U.S.`, `Mr.`: the period belongs to the word.
            if abbrev || word.len() == 1 || word.contains('.') {
                end += 1;
            }
            break;
        } else {
            break;
        }
    }
    end.max(i + 1)
}

/// End of the number starting at `i`.
fn number_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut end = i;
    while end < b.len() {
        let c = b[end];
        let inner_mark =
            (c == b',' || c == b'.') && b.get(end + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_alphanumeric() || inner_mark {
            end += 1;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, Span::new(0, s.len()), &[], &mut out);
        out.iter().map(|t| &s[t.span]).collect()
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            words("Mr. Trump met U.S. officials at 9 a.m. today."),
            [
                "Mr.",
                "Trump",
                "met",
                "U.S.",
                "officials",
                "at",
                "9",
                "a.m.",
                "today",
                "."
            ]
        );
    }

    #[test]
    fn apostrophes_and_hyphens_inside_words() {
        assert_eq!(
            words("Moscow's didn't O’Brien mis-spoke 'no'"),
            ["Moscow's", "didn't", "O’Brien", "mis-spoke", "'", "no", "'"]
        );
    }

    #[test]
    fn initials_and_numbers() {
        assert_eq!(
            words("Donald J. Trump paid $1,200.50."),
            ["Donald", "J.", "Trump", "paid", "$", "1,200.50", "."]
        );
    }

    #[test]
    fn a_line_without_breaks_is_cut_at_sentence_ends() {
        let text = "The mayor spoke. ".repeat(10_000);
        let paras = paragraphs(&text);
        assert!(paras.len() > 1);
        for p in &paras {
            assert!(p.len() <= LONGEST, "{} bytes", p.len());
            assert!(
                text.as_str()[*p].ends_with('.'),
                "cut mid-sentence: {:?}",
                &text[p.end - 10..p.end]
            );
        }
    }

    #[test]
    fn paragraphs_are_trimmed_lines() {
        let t = "Title\n\n  First para. \nSecond\n";
        let p: Vec<_> = paragraphs(t).iter().map(|s| &t[*s]).collect();
        assert_eq!(p, ["Title", "First para.", "Second"]);
    }
}
