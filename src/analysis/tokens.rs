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
#[inline(never)]
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
    for end in breaks.chain(std::iter::once(text.len())) {
        if end == start {
            continue; // The text ends with a line break, or is empty.
        }
        // A line, its `\n` included (a `\n` is one byte, so a char boundary).
        let line = &text[start..end];
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
        // The window's last space after a sentence end, else its last space,
        // else its end. The spaces are found from the end with memrchr, not
        // byte by byte: a window with none, or with no sentence end, is read
        // quickly.
        let mut spaces = memchr::memrchr_iter(b' ', window);
        let last_space = spaces.next();
        let sentence = last_space
            .into_iter()
            .chain(spaces)
            .find(|&i| i > 0 && matches!(window[i - 1], b'.' | b'!' | b'?'));
        let mut at = from + LONGEST / 2 + sentence.or(last_space).unwrap_or(window.len());
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

/// Byte classes for the ASCII fast path of [`tokenize`] and [`word_end`]:
/// bit flags, a byte with none of them being ASCII punctuation or a symbol.
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const SPACE: u8 = 8;
const NON_ASCII: u8 = 16;

/// The class of every byte (see [`ALNUM`] and the others).
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => ALNUM | UPPER,
            b'a'..=b'z' => ALNUM,
            b'0'..=b'9' => ALNUM | DIGIT,
            // ASCII whitespace as `char::is_whitespace` has it (with U+000B).
            b'\t'..=b'\r' | b' ' => SPACE,
            0x80..=0xff => NON_ASCII,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The character at byte `i` of `s` (a char boundary), if any.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// A character of the general punctuation block (U+2000 to U+206F: curly
/// quotes, dashes, special spaces) or a guillemet: never a letter, a digit
/// or uppercase, so the Unicode tables, which cost some hundred
/// instructions a look-up, need not be asked.
#[inline]
fn is_mark(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c) || c == '\u{ab}' || c == '\u{bb}'
}

/// `char::is_alphanumeric`, with ASCII and the marks of [`is_mark`]
/// answered without the Unicode tables.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_mark(c) && c.is_alphanumeric()
    }
}

/// Which direct quote (by index) tokens lie in, walking forward in text order.
struct QuoteCursor<'a> {
    quotes: &'a [Span],
    at: usize,
    /// Start and end of `quotes[at]`, or `usize::MAX` past the last.
    start: usize,
    end: usize,
}

impl<'a> QuoteCursor<'a> {
    fn new(quotes: &'a [Span], from: usize) -> Self {
        let mut cursor = QuoteCursor {
            quotes,
            at: quotes.partition_point(|qs| qs.end <= from),
            start: 0,
            end: 0,
        };
        cursor.load();
        cursor
    }

    fn load(&mut self) {
        (self.start, self.end) = self
            .quotes
            .get(self.at)
            .map_or((usize::MAX, usize::MAX), |q| (q.start, q.end));
    }

    /// The quote a token starting at `pos` lies in; `pos` never decreases.
    #[inline]
    fn quote(&mut self, pos: usize) -> Option<u32> {
        while self.end <= pos {
            self.at += 1;
            self.load();
        }
        (self.start <= pos).then_some(self.at as u32)
    }
}

/// Length of the run of ASCII letters and digits at the start of `b`.
#[inline(always)]
fn alnum_run(b: &[u8]) -> usize {
    // Eight bytes at a time while eight are left, then one at a time.
    let mut n = 0;
    while let Some(chunk) = b.get(n..).and_then(<[u8]>::first_chunk::<8>) {
        let stop = not_alnum(u64::from_le_bytes(*chunk));
        if stop != 0 {
            return n + (stop.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..]
        .iter()
        .position(|&c| CLASS[c as usize] & ALNUM == 0)
        .unwrap_or(b.len() - n)
}

/// The high bit of each byte of `x` that is not an ASCII letter or digit.
#[inline(always)]
fn not_alnum(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Each byte's low seven bits: adding at most 0x80 to one cannot carry into
    // the next byte, and the sum's high bit tells whether it reached a bound.
    let v = x & !HIGH;
    let at_least = |v: u64, lo: u64| v + ONES * (0x80 - lo);
    let above = |v: u64, hi: u64| v + ONES * (0x7f - hi);
    let digit = at_least(v, 0x30) & !above(v, 0x39);
    let folded = v | (ONES * 0x20);
    let letter = at_least(folded, 0x61) & !above(folded, 0x7a);
    !((digit | letter) & !x) & HIGH
}

/// Tokenize the paragraph at `para`; `quotes` are the direct quotes' spans
/// in text order, used to mark the tokens inside them.
#[inline(never)]
pub fn tokenize(text: &str, para: Span, quotes: &[Span], out: &mut Vec<Token>) {
    out.clear();
    let lex = lexicon::get();
    // The text up to the paragraph's end: positions below are in the text.
    let s = &text[..para.end];
    let bytes = s.as_bytes();
    let mut cursor = QuoteCursor::new(quotes, para.start);
    let mut i = para.start;
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[b as usize];
        if class == SPACE {
            i += 1;
            continue;
        }
        // `bare` is where a word ends without its possessive `'s`.
        let (end, bare, kind, cap) = if class & (ALNUM | DIGIT) == ALNUM {
            // An ASCII letter: most words are ASCII letters and digits up to a
            // space or a mark that cannot join words, read here without a call.
            let end = i + 1 + alnum_run(&bytes[i + 1..]);
            if matches!(bytes.get(end), Some(b'\'' | b'-' | b'.' | 0x80..)) {
                let end = word_end_from(s, i, end, end - i);
                (
                    end,
                    bare(&bytes[i..end], end),
                    Kind::Word,
                    class & UPPER != 0,
                )
            } else {
                (end, end, Kind::Word, class & UPPER != 0)
            }
        } else if class & DIGIT != 0 {
            let end = number_end(bytes, i);
            (end, end, Kind::Number, false)
        } else if class == 0 {
            (i + 1, i + 1, Kind::Punct, false)
        } else {
            let c = s[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if is_mark(c) {
                // A curly quote, a dash, a guillemet: punctuation.
                let end = i + c.len_utf8();
                (end, end, Kind::Punct, false)
            } else if c.is_alphabetic() {
                let end = word_end(s, i);
                (end, bare(&bytes[i..end], end), Kind::Word, c.is_uppercase())
            } else {
                let end = i + c.len_utf8();
                (end, end, Kind::Punct, c.is_uppercase())
            }
        };
        let span = Span::new(i, end);
        let quote = cursor.quote(i);
        if kind == Kind::Word {
            out.push(Token {
                span,
                kind,
                cap,
                quote,
                // What the word lists say about the word, possessive `'s` removed.
                info: lex.info_at(text, i, bare),
            });
        } else {
            out.push(Token {
                span,
                kind,
                cap,
                quote,
                info: Info::default(),
            });
        }
        i = end;
    }
}

/// Where the word `w` ending at `end` ends without a possessive `'s` or `’s`.
fn bare(w: &[u8], end: usize) -> usize {
    if w.ends_with(b"'s") {
        end - 2
    } else if w.ends_with("\u{2019}s".as_bytes()) {
        end - 4
    } else {
        end
    }
}

/// A lowercase word of at most eight bytes as one number (zero-padded).
const fn pack(w: &[u8]) -> u64 {
    let mut key = 0;
    let mut j = 0;
    while j < w.len() {
        key |= (w[j] as u64) << (8 * j);
        j += 1;
    }
    key
}

/// The [`ABBREVIATIONS`] packed, sorted for a binary search.
static ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut n = 0;
    while n < keys.len() {
        // Insertion sort: const code has no `sort`.
        let key = pack(ABBREVIATIONS[n].as_bytes());
        let mut j = n;
        while j > 0 && keys[j - 1] > key {
            keys[j] = keys[j - 1];
            j -= 1;
        }
        keys[j] = key;
        n += 1;
    }
    keys
};

/// Is `word` (without its period) one of the [`ABBREVIATIONS`], in any case?
fn is_abbreviation(word: &[u8]) -> bool {
    let mut lower = [0u8; 8];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    ABBREVIATION_KEYS.binary_search(&pack(lower)).is_ok()
}

/// End of the word starting at `i`.
fn word_end(s: &str, i: usize) -> usize {
    word_end_from(s, i, i, 0)
}

/// End of the word starting at `i`, read up to `end` with `letters`
/// letters and digits so far.
#[cold]
#[inline(never)]
fn word_end_from(s: &str, i: usize, mut end: usize, mut letters: usize) -> usize {
    let b = s.as_bytes();
    // Whether a period joined the word (`U.S.`).
    let mut dotted = false;
    loop {
        // Most words are plain ASCII letters: take them a byte at a time.
        let run = alnum_run(&b[end..]);
        end += run;
        letters += run;
        // A space or other ASCII mark that cannot join words ends it at once.
        let c = match b.get(end) {
            None => break,
            Some(&c) if c < 0x80 && !matches!(c, b'\'' | b'-' | b'.') => break,
            Some(&c) if c < 0x80 => c as char,
            Some(_) => s[end..].chars().next().unwrap_or(' '),
        };
        let next = char_at(s, end + c.len_utf8());
        if !c.is_ascii() && (is_alnum(c) || ('\u{300}'..='\u{36f}').contains(&c)) {
            letters += 1;
            end += c.len_utf8();
        } else if matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}') && next.is_some_and(is_alnum) {
            end += c.len_utf8();
            // "R-S.C.", "D-N.Y.": after a hyphen the letters count afresh,
            // so a state's abbreviation keeps its periods.
            if c != '\'' && c != '\u{2019}' {
                letters = 0;
            }
        } else if c == '.' {
            // `U.S.`, `a.m.`: a single letter before and a letter after.
            if letters == 1 && next.is_some_and(char::is_alphabetic) {
                end += 1;
                letters = 0;
                dotted = true;
                continue;
            }
            // `J.` (an initial), `U.S.`, `Mr.`: the period belongs to the word.
            if end - i == 1 || dotted || is_abbreviation(&b[i..end]) {
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
fn number_end(b: &[u8], i: usize) -> usize {
    let mut end = i;
    while let Some(&c) = b.get(end) {
        let inner_mark =
            (c == b',' || c == b'.') && b.get(end + 1).is_some_and(|n| n.is_ascii_digit());
        if CLASS[c as usize] & ALNUM != 0 || inner_mark {
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

    /// The tokenizer before the byte-class fast path, kept as the oracle
    /// the differential tests compare with.
    mod reference {
        use super::super::{lexicon, Info, Kind, Span, Token, ABBREVIATIONS};

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
                    if !is_apostrophe(c) {
                        letters = 0;
                    }
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
    }

    /// Tokens of `s` (with direct quotes at `quotes`) by both tokenizers.
    fn both(s: &str, quotes: &[Span]) -> (Vec<Token>, Vec<Token>) {
        let (mut new, mut old) = (Vec::new(), Vec::new());
        for para in paragraphs(s) {
            let mut toks = Vec::new();
            tokenize(s, para, quotes, &mut toks);
            new.append(&mut toks);
            reference::tokenize(s, para, quotes, &mut toks);
            old.extend(toks);
        }
        (new, old)
    }

    const TRICKY: &[&str] = &[
        "Mr. Trump met U.S. officials at 9 a.m. today.",
        "MR. SMITH and Messrs. Jones, Calif. and u.s. and U.S and U.",
        "Dr.Jones No. 5 no. st. Sept. Prof.X mr.",
        "Ján Novák, Zoë, Ñandú ÉTÉ été É.U. É. École's",
        "naïve cafe\u{301} re\u{301}sume\u{301} e\u{300}\u{301}x",
        "a\u{a0}b\u{2003}c\u{3000}d\u{2028}e\u{85}f\u{b}g\u{1c}h\u{1f}i",
        "O’Brien’s didn’t ’tis 'em rock 'n' roll Jones' car Moscow's X’s",
        "mis-spoke well-\u{2010}known e\u{2010}mail -x x- x--y x'-y",
        "1,000.5 1,000. 1,2,3 3.14.15 9a 12th 1.e5 ,5 .5 $1,200.50.",
        "٣٤ ① Ⅻ Ⓐb ǅx ﬁne ß ẞ İstanbul Σίσυφος Москва 東京 😀x",
        "ends mid-wor",
        "ends with U.S",
        "ends with '",
        "ends with Mr",
        "e\u{301}",
        "tabs\tand\rreturns\u{c}feeds",
        "«Oui» „Ja“ “quoted” ‘single’ ``two'' \"straight\"",
        "ab.cd.ef A.b.C.d a.b x.y.z. Á.B. ÁB. ĳ. Ⓐ.",
    ];

    #[test]
    fn same_tokens_as_the_reference_on_tricky_text() {
        for s in TRICKY {
            let quotes = [Span::new(3, 12), Span::new(20, 21), Span::new(30, 60)];
            for q in [&quotes[..], &[]] {
                let (new, old) = both(s, q);
                assert_eq!(new, old, "{s:?}");
            }
        }
    }

    #[test]
    fn a_line_over_32_kb_tokenizes_like_the_reference() {
        let text = "Mr. O’Brien said “no” to U.S. café-owners, 1,000.5 times. ".repeat(1_000)
            + &"x".repeat(40_000)
            + " end";
        let quotes = [Span::new(40, 50), Span::new(40_000, 45_000)];
        let (new, old) = both(&text, &quotes);
        assert!(new.len() > 10_000);
        assert_eq!(new, old);
    }

    #[test]
    fn is_alnum_agrees_with_the_char_method() {
        for c in ('\0'..='\u{3000}').chain(['\u{10000}', '\u{1d7ce}', '\u{e0041}']) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            if is_mark(c) {
                assert!(!c.is_alphabetic() && !c.is_uppercase(), "{c:?}");
            }
        }
    }

    #[test]
    fn byte_classes_agree_with_char_methods() {
        for b in 0..=255u8 {
            let class = CLASS[b as usize];
            if b >= 0x80 {
                assert_eq!(class, NON_ASCII, "{b:#x}");
                continue;
            }
            let c = b as char;
            assert_eq!(class & SPACE != 0, c.is_whitespace(), "{b:#x}");
            assert_eq!(class & ALNUM != 0, c.is_ascii_alphanumeric(), "{b:#x}");
            assert_eq!(class & DIGIT != 0, c.is_ascii_digit(), "{b:#x}");
            assert_eq!(class & UPPER != 0, c.is_uppercase(), "{b:#x}");
            assert_eq!(
                class & ALNUM != 0 && class & DIGIT == 0,
                c.is_alphabetic(),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn alnum_run_agrees_with_the_byte_classes() {
        let naive = |b: &[u8]| b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        for stop in 0..=255u8 {
            for at in 0..20 {
                let mut b = [b'a'; 20];
                b[..10].copy_from_slice(b"aZ09zA9y0B");
                if at < b.len() {
                    b[at] = stop;
                }
                for from in 0..b.len() {
                    assert_eq!(
                        alnum_run(&b[from..]),
                        naive(&b[from..]),
                        "{stop:#x} at {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn abbreviations_fit_the_lowercase_buffer() {
        for a in ABBREVIATIONS {
            assert!(
                a.len() <= 6 && a.bytes().all(|b| b.is_ascii_lowercase()),
                "{a}"
            );
        }
    }

    #[test]
    fn tricky_tokens() {
        let cases: &[(&str, &[&str])] = &[
            ("Ján's naïve e\u{301}x", &["Ján's", "naïve", "e\u{301}x"]),
            ("a\u{a0}b\u{2003}c", &["a", "b", "c"]),
            ("O’Brien’s ’tis", &["O’Brien’s", "’", "tis"]),
            (
                "U.S. Mr. MR. J. u.s. É.U. ends U.S",
                &["U.S.", "Mr.", "MR.", "J.", "u.s.", "É.U.", "ends", "U.S"],
            ),
            (
                "1,000.5 1,000. x-y e\u{2010}mail",
                &["1,000.5", "1,000", ".", "x-y", "e\u{2010}mail"],
            ),
            ("mid-wor", &["mid-wor"]),
        ];
        for (s, want) in cases {
            let s = s.to_string();
            let mut out = Vec::new();
            tokenize(&s, Span::new(0, s.len()), &[], &mut out);
            let got: Vec<&str> = out.iter().map(|t| &s.as_str()[t.span]).collect();
            assert_eq!(got, *want, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn same_tokens_as_the_reference(
            s in "([a-zA-Z0-9 .,'\\-]|\u{2019}|\u{2010}|\u{a0}|\u{301}|é|É|ß|\u{2003}|“|”|\n|[\\PC]){0,80}",
            q in proptest::collection::vec((0usize..100, 0usize..20), 0..4),
        ) {
            let mut quotes: Vec<Span> = q.iter().map(|&(a, l)| Span::new(a, a + l)).collect();
            quotes.sort();
            let (new, old) = both(&s, &quotes);
            proptest::prop_assert_eq!(new, old);
        }
    }

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
    fn a_party_tag_keeps_its_periods() {
        // A period inside "R-S.C." ends no sentence.
        assert_eq!(
            words("Ms Lopez, R-S.C., spoke."),
            ["Ms", "Lopez", ",", "R-S.C.", ",", "spoke", "."]
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

    /// The cut rule read byte by byte: the window's last sentence end
    /// followed by a space, else its last space, else its end.
    fn naive_cut_pieces(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let (mut from, end) = (0, text.len());
        while end - from > LONGEST {
            let window = &text.as_bytes()[from + LONGEST / 2..from + LONGEST];
            let sentence = window
                .windows(2)
                .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
                .map(|i| i + 1);
            let space = window.iter().rposition(|&b| b == b' ');
            let at = from + LONGEST / 2 + sentence.or(space).unwrap_or(window.len());
            let piece = text[from..at].trim_end();
            if !piece.is_empty() {
                out.push(Span::new(from, from + piece.len()));
            }
            from = at + (text[at..].len() - text[at..].trim_start().len());
        }
        if end > from {
            out.push(Span::new(from, end));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn long_lines_are_cut_where_the_rule_says(
            unit in "[a-z.!?\"]{1,30}( [a-z.!?]{0,9}){0,3}",
        ) {
            // ASCII only, so every byte is a char boundary, as the rule read
            // byte by byte needs; starts and ends with no space.
            let text = unit.repeat(3 * LONGEST / unit.len() + 1);
            let text = text.trim();
            proptest::prop_assert_eq!(paragraphs(text), naive_cut_pieces(text));
        }
    }

    #[test]
    fn paragraphs_are_trimmed_lines() {
        let t = "Title\n\n  First para. \nSecond\n";
        let p: Vec<_> = paragraphs(t).iter().map(|s| &t[*s]).collect();
        assert_eq!(p, ["Title", "First para.", "Second"]);
    }
}
