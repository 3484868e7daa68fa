//! Stage 3: mentions of people and organisations in one paragraph.
//!
//! Takes a paragraph's tokens, gives the spans that can refer to a speaker:
//! proper names (with their titles and role descriptions), pronouns, role
//! nouns ("the US president") and anonymous or collective sources ("a
//! spokesperson", "White House officials").

use super::lexicon::one_of as lower_in;
use super::lexicon::{self, Gender};
use super::tokens::{Kind, Token};
use super::Span;
use std::cell::OnceCell;

mod descriptions;
mod names;
mod roles;

use descriptions::{description, Heads};
use names::name;

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, possibly with a title: "Mr Trump", "Sarah Sanders".
    Name,
    /// he, she, they, it.
    Pronoun,
    /// A definite description by role: "the US president".
    RoleNoun,
    /// An anonymous or collective source: "a spokesperson", "officials".
    Group,
}

/// What a proper name names, as far as the article shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameClass {
    /// A title, a known given name or an initial says it is a person.
    Person,
    /// An organisation word ("House", "Post", "Department") is in it.
    Org,
    /// A place or nationality.
    Place,
    /// A bare capitalised word or two: a surname, or anything.
    Unknown,
}

/// One mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Everything the mention covers, title and determiner included.
    pub span: Span,
    /// First and one-past-last token (paragraph-local indices).
    pub toks: (usize, usize),
    /// Name, pronoun, role noun or group.
    pub kind: MentionKind,
    /// For names: the proper name without title ("Sarah Sanders").
    pub name: Span,
    /// For names: what the name looks like.
    pub class: NameClass,
    /// Gender implied by a title, given name, role or pronoun.
    pub gender: Gender,
    /// Plural (they, officials).
    pub plural: bool,
    /// The role or title the article gives here ("White House press secretary").
    pub role: Option<Span>,
    /// For role nouns: the role's head ("president").
    pub head: Option<Span>,
    /// Inside a direct quote.
    pub in_quote: bool,
}

fn word<'t>(text: &'t str, toks: &[Token], i: usize) -> &'t str {
    toks.get(i).map_or("", |t| &text[t.span])
}

fn is_word(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Word)
}

/// What the lexicons say about token `k` (nothing past the end).
fn tok_info(toks: &[Token], k: usize) -> lexicon::Info {
    toks.get(k).map(|t| t.info).unwrap_or_default()
}

/// Is token `k` in the word class `flag`?
fn tok_is(toks: &[Token], k: usize, flag: u16) -> bool {
    tok_info(toks, k).flags & flag != 0
}

/// Find the mentions in one paragraph's tokens, into `out` (cleared first).
pub fn find(text: &str, toks: &[Token], out: &mut Vec<Mention>) {
    let lex = lexicon::get();
    out.clear();
    // Only a few names need to know whether the paragraph is in title case:
    // the pass over its tokens is made for the first of them.
    let title_case = OnceCell::new();
    let mut heads = Heads::new(toks);
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        // Only words start mentions, and only capitalised ones names: most
        // tokens are settled here without a call.
        if t.kind != Kind::Word {
            i += 1;
            continue;
        }
        if let Some(next) = pronoun(text, toks, i, out) {
            i = next;
            continue;
        }
        if t.cap {
            if let Some(next) = name(lex, text, toks, i, &title_case, out) {
                i = next;
                continue;
            }
        }
        // A description's head is at most six tokens on: without one in
        // reach there is no description to look for.
        let described = if heads.within(toks, i..i + 6) {
            description(lex, text, toks, i, &mut heads, out)
        } else {
            None
        };
        i = described.unwrap_or(i + 1);
    }
}

/// Is the paragraph a headline in title case? Every word is capitalised
/// there: only a given name or a title then says "person".
fn is_title_case(toks: &[Token]) -> bool {
    // Counted without a branch per token: this pass reads every token.
    let (mut words, mut capitalised) = (0usize, 0usize);
    for t in toks {
        let long = (t.kind == Kind::Word) & (t.span.len() > 3);
        words += usize::from(long);
        capitalised += usize::from(long & t.cap);
    }
    words >= 3 && capitalised * 10 >= words * 7
}

fn simple(span: Span, toks: (usize, usize), kind: MentionKind, in_quote: bool) -> Mention {
    Mention {
        span,
        toks,
        kind,
        name: span,
        class: NameClass::Unknown,
        gender: Gender::Unknown,
        plural: false,
        role: None,
        head: None,
        in_quote,
    }
}

fn pronoun(text: &str, toks: &[Token], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let t = &toks[i];
    let n = pronoun_of(text.as_bytes(), t.span);
    if n == 0 {
        return None;
    }
    let (_, gender, plural) = PRONOUNS[n];
    let mut m = simple(t.span, (i, i + 1), MentionKind::Pronoun, t.quote.is_some());
    m.gender = gender;
    m.plural = plural;
    out.push(m);
    Some(i + 1)
}

/// The index in [`PRONOUNS`] of the pronoun the word at `span` is, whole or
/// before an apostrophe ("He's", "they’re"), or 0.
///
/// Every word is asked, and most are no pronoun: the eight bytes from the
/// word's start are read as one number and held against each pronoun at
/// once, with no branch that depends on the word (a test that first looked
/// up the one pronoun a first letter allows cost a mispredicted branch on
/// every other word beginning with h, s, t or i).
#[inline(always)]
fn pronoun_of(bytes: &[u8], span: Span) -> usize {
    let Some(&chunk) = bytes.get(span.start..).and_then(<[u8]>::first_chunk::<8>) else {
        return pronoun_near_end(&bytes[span.start..span.end]);
    };
    let v = u64::from_le_bytes(chunk);
    // Letters lowercased; no other byte becomes a letter.
    let lower = v | 0x2020_2020_2020_2020;
    let len = span.len();
    let mut found = 0;
    for (n, &(key, l)) in PRONOUN_KEYS.iter().enumerate().skip(1) {
        let rest = v >> (8 * l);
        // `&` and `|`, not `&&` and `||`: every test is made, none branches.
        let whole = (len == l)
            | ((len <= 10) & ((rest as u8 == b'\'') | (rest as u32 & 0xff_ffff == APOSTROPHE)));
        let hit = (len >= l) & (lower & ((1 << (8 * l)) - 1) == key) & whole;
        found |= usize::from(hit) * n;
    }
    found
}

/// [`pronoun_of`] for a word within eight bytes of the text's end.
#[cold]
fn pronoun_near_end(w: &[u8]) -> usize {
    PRONOUNS
        .iter()
        .position(|&(p, ..)| {
            !p.is_empty()
                && w.len() >= p.len()
                && w[..p.len()].eq_ignore_ascii_case(p)
                && (w.len() == p.len()
                    || (w.len() <= 10
                        && (w[p.len()] == b'\''
                            || w[p.len()..].starts_with("\u{2019}".as_bytes()))))
        })
        .unwrap_or(0)
}

/// ’ (U+2019) in UTF-8, read as a little-endian number.
const APOSTROPHE: u32 = 0x99_80_e2;

/// The pronouns a mention can be, after a placeholder at 0.
const PRONOUNS: [(&[u8], Gender, bool); 5] = [
    (b"", Gender::Unknown, false),
    (b"he", Gender::Male, false),
    (b"she", Gender::Female, false),
    (b"they", Gender::Unknown, true),
    (b"it", Gender::Unknown, false),
];

/// Each of [`PRONOUNS`] as a little-endian number, with its length.
const PRONOUN_KEYS: [(u64, usize); PRONOUNS.len()] = {
    let mut keys = [(0, 0); PRONOUNS.len()];
    let mut n = 0;
    while n < PRONOUNS.len() {
        let p = PRONOUNS[n].0;
        let mut key = 0;
        let mut j = 0;
        while j < p.len() {
            key |= (p[j] as u64) << (8 * j);
            j += 1;
        }
        keys[n] = (key, p.len());
        n += 1;
    }
    keys
};

/// Does token `k` follow a preposition, a determiner between ("to the
/// council", "in Salem")?
pub fn after_preposition(text: &str, toks: &[Token], k: usize) -> bool {
    let mut j = k;
    while j > 0 && toks[j - 1].info.flags & lexicon::DET != 0 {
        j -= 1;
    }
    // Every one of these prepositions is a stop word or a connector in the
    // lexicon: the flags rule out most words without comparing any text.
    j > 0
        && toks[j - 1].info.flags & (lexicon::STOP | lexicon::CONNECT) != 0
        && lower_in(
            &text[toks[j - 1].span],
            &["in", "at", "on", "from", "of", "to", "for", "with", "by"],
        )
}

/// The word without a possessive `'s`.
pub fn bare(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

/// Is token `k` a speech verb in a finite form ("said", "says")?
fn is_finite_verb(toks: &[Token], k: usize) -> bool {
    matches!(tok_info(toks, k).verb, Some(v) if v != lexicon::VerbForm::Base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    proptest::proptest! {
        /// The word-at-once test gives what the pronoun rule, read letter
        /// by letter, gives, whatever follows the word in the text.
        #[test]
        fn pronouns_read_at_once_follow_the_rule(
            word in "(he|she|they|it|It|HE|She|THEY|hE|sh|th|i|the|its|item|hex)?('|\u{2019}|'s|\u{2019}re|'d|n't|s|x|ey){0,2}",
            after in "[ .,a-z'\u{2019}]{0,9}",
        ) {
            let text = format!("{word}{after}");
            let span = Span::new(0, word.len());
            let rule = if word.is_empty() { 0 } else { pronoun_near_end(word.as_bytes()) };
            proptest::prop_assert_eq!(pronoun_of(text.as_bytes(), span), rule, "{:?}", text);
        }
    }

    #[test]
    fn pronouns_whole_or_before_an_apostrophe() {
        for (w, n) in [
            ("he", 1),
            ("She", 2),
            ("they’re", 3),
            ("It's", 4),
            ("them", 0),
            ("the", 0),
            ("hers", 0),
            ("its", 0),
            ("they'd've-x", 0),
        ] {
            // Far from the end of the text, and at its very end.
            for text in [format!("{w} and more words"), w.to_string()] {
                let span = Span::new(0, w.len());
                assert_eq!(pronoun_of(text.as_bytes(), span), n, "{text:?}");
            }
        }
    }

    fn mentions(text: &str) -> Vec<(MentionKind, String, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[], &mut toks);
        let mut found = Vec::new();
        find(text, &toks, &mut found);
        found
            .into_iter()
            .map(|m| {
                let shown = if m.kind == MentionKind::Name {
                    m.name
                } else {
                    m.span
                };
                (
                    m.kind,
                    text[shown].to_string(),
                    m.role.map(|r| text[r].to_string()),
                )
            })
            .collect()
    }

    fn name(n: &str, role: Option<&str>) -> (MentionKind, String, Option<String>) {
        (MentionKind::Name, n.to_string(), role.map(str::to_string))
    }

    #[test]
    fn names_with_titles_and_roles() {
        type Case = (&'static str, Vec<(MentionKind, String, Option<String>)>);
        let cases: &[Case] = &[
            (
                "White House press secretary Sarah Sanders said",
                vec![name("Sarah Sanders", Some("White House press secretary"))],
            ),
            (
                "Secretary of State Mike Pompeo said",
                vec![name("Mike Pompeo", Some("Secretary of State"))],
            ),
            (
                "Mr Trump met Ms. Sanders",
                vec![name("Trump", None), name("Sanders", None)],
            ),
            (
                "former US ambassador to Russia Michael McFaul",
                vec![name(
                    "Michael McFaul",
                    Some("former US ambassador to Russia"),
                )],
            ),
            (
                "Dan Coats, the US director of national intelligence, said",
                vec![name(
                    "Dan Coats",
                    Some("US director of national intelligence"),
                )],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&mentions(text), want, "{text}");
        }
    }

    #[test]
    fn pronouns_with_and_without_contractions() {
        let kinds = |text: &str| -> Vec<String> {
            mentions(text)
                .into_iter()
                .filter(|m| m.0 == MentionKind::Pronoun)
                .map(|m| m.1)
                .collect()
        };
        assert_eq!(
            kinds("He's here and they\u{2019}re gone."),
            ["He's", "they\u{2019}re"]
        );
        assert_eq!(
            kinds("It'll rain, she said, and THEY agreed."),
            ["It'll", "she", "THEY"]
        );
        assert!(kinds("Its hero, her theme, the he\u{2010}man.").is_empty());
    }

    #[test]
    fn descriptions() {
        let m = mentions("the US president said");
        assert_eq!(m[0].0, MentionKind::RoleNoun);
        assert_eq!(m[0].1, "the US president");
        let m = mentions("a Homeland Security Department official said");
        assert_eq!(m[0].0, MentionKind::Group);
        assert_eq!(m[0].1, "a Homeland Security Department official");
        let m = mentions("the company's chief executive added");
        assert_eq!(
            (m[0].0, m[0].1.as_str()),
            (MentionKind::RoleNoun, "the company's chief executive")
        );
        let m = mentions("She added");
        assert_eq!(m[0].0, MentionKind::Pronoun);
    }
}
