//! Properties every analysis must have, whatever the text: `analyze` returns
//! (no panic), every span lies inside the text on character boundaries, every
//! quote's speaker exists, ids are unique, and the result is deterministic.
//!
//! They check structure only, never which speaker is chosen, so they hold
//! for any correct core.

use proptest::prelude::*;
use std::collections::HashSet;
use whosaid::analysis::{analyze, Analysis, Span};

/// Every structural promise of [`Analysis`], as a list of broken ones.
fn problems(text: &str, a: &Analysis) -> Vec<String> {
    let mut bad = Vec::new();
    let mut span = |what: &str, s: Span| {
        let ok = s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end);
        if !ok {
            bad.push(format!(
                "{what} {}..{} (text is {} bytes)",
                s.start,
                s.end,
                text.len()
            ));
        }
    };
    for s in &a.speakers {
        for &m in &s.mentions {
            span(&format!("speaker {} mention", s.id), m);
        }
    }
    for q in &a.quotes {
        span(&format!("quote {}", q.id), q.span());
        q.source
            .into_iter()
            .for_each(|s| span(&format!("quote {} source", q.id), s));
        q.cue
            .into_iter()
            .for_each(|s| span(&format!("quote {} cue", q.id), s));
    }
    bad.extend(id_problems(a));
    if a.text != text {
        bad.push("text is not the input".into());
    }
    if a.quotes.windows(2).any(|w| w[0].start > w[1].start) {
        bad.push("quotes are not in text order".into());
    }
    bad
}

/// Unique ids, quotes pointing at existing speakers, and each speaker's
/// `quotes` count matching the quotes attributed to it.
fn id_problems(a: &Analysis) -> Vec<String> {
    let mut bad = Vec::new();
    let speakers: HashSet<&str> = a.speakers.iter().map(|s| s.id.as_str()).collect();
    if speakers.len() != a.speakers.len() {
        bad.push("speaker ids are not unique".into());
    }
    let quotes: HashSet<&str> = a.quotes.iter().map(|q| q.id.as_str()).collect();
    if quotes.len() != a.quotes.len() {
        bad.push("quote ids are not unique".into());
    }
    for q in &a.quotes {
        if let Some(id) = &q.speaker {
            if !speakers.contains(id.as_str()) {
                bad.push(format!("quote {} has unknown speaker {id}", q.id));
            }
        }
    }
    for s in &a.speakers {
        let n = a
            .quotes
            .iter()
            .filter(|q| q.speaker.as_ref() == Some(&s.id));
        let n = n.count();
        if n != s.quotes {
            bad.push(format!(
                "speaker {} says {} quotes, has {n}",
                s.id, s.quotes
            ));
        }
    }
    bad
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let a = analyze(text);
    let bad = problems(text, &a);
    prop_assert!(bad.is_empty(), "{bad:#?}\ntext: {text:?}");
    prop_assert_eq!(&a, &analyze(text), "analysis is not deterministic");
    Ok(())
}

/// Pieces of news prose that stress quotation and attribution rules: every
/// quotation mark whoever uses, apostrophes, names, titles, speech verbs,
/// pronouns, paragraph breaks, and a few odd characters.
const PIECES: &[&str] = &[
    "\"",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "''",
    "«",
    "»",
    "„",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    ",",
    ".",
    ":",
    "said",
    "says",
    "told",
    "added",
    "according to",
    "that",
    "who",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Sen.",
    "He",
    "She",
    "he",
    "she",
    "they",
    "It",
    "The",
    "the",
    "President",
    "Trump",
    "Donald",
    "Jr.",
    "Clinton",
    "White House",
    "officials",
    "Moscow's",
    "didn't",
    "'90s",
    "rock 'n' roll",
    "Jones'",
    "::",
    "é",
    "日本",
    "\u{301}",
    "\u{0}",
    "\u{1b}",
    "\u{9b}",
    "\t",
    "a",
    "b",
    "Q",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

fn long_newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 500..3000).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn printable_unicode(text in "\\PC{0,300}") {
        check(&text)?;
    }

    #[test]
    fn quote_heavy_strings(text in newsy()) {
        check(&text)?;
    }

    #[test]
    fn quote_heavy_paragraphs(
        paras in prop::collection::vec(newsy(), 1..8),
    ) {
        check(&paras.join("\n\n"))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn long_quote_heavy_articles(text in long_newsy()) {
        check(&text)?;
    }
}

/// Hand-picked edge cases, kept as plain tests so they run every time.
#[test]
fn edge_cases() {
    let cases = [
        String::new(),
        " ".into(),
        "\n\n\n".into(),
        "\"".into(),
        "\"\"".into(),
        "\"".repeat(1001),
        "'".repeat(1001),
        "“".repeat(300) + &"”".repeat(7),
        "''".repeat(500),
        "Mr".into(),
        "said".into(),
        "He said".into(),
        "\"Hello,\" he said.".into(),
        "\"Unclosed quote, Mr Smith said.\n\nNext paragraph.".into(),
        "\"Opened\n\n\"Reopened\n\n\"And closed,\" said Ms Doe.".into(),
        "According to".into(),
        "according to ,".into(),
        "X said that".into(),
        "said said said \" said".into(),
        "Title\n\n:: Could X be impeached after 'disgraceful' remarks?".into(),
        "é\u{301}\"é\"\u{301}".into(),
        "\r\n\"a\"\r\n".into(),
        "Donald Trump Jr. said \"no\". Donald Trump said \"yes\". He added \"maybe\".".into(),
    ];
    for text in &cases {
        let a = analyze(text);
        let bad = problems(text, &a);
        assert!(bad.is_empty(), "{bad:#?}\ntext: {text:?}");
    }
}
