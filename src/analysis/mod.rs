//! The analysis core: text in, who said what out.
//!
//! Stages run in order, each in its own module, each taking the previous
//! stages' plain data: [`tokens`] → [`quotes`] → [`mentions`] → [`speakers`]
//! → [`attribution`]. Nothing here knows about terminals, colours or keys.

mod attribution;
mod lexicon;
mod mentions;
mod model;
mod quotes;
mod span;
mod speakers;
mod tokens;

pub use model::{Analysis, Evidence, Id, Quote, QuoteKind, Speaker};
pub use span::Span;

use attribution::{Attribution, Buffers, Para, Parts};
use std::collections::HashMap;

/// Analyse one article. Pure, deterministic, never fails.
///
/// ```
/// let a = whosaid::analysis::analyze("Title\n\n\"Hello,\" Ms Jane Smith said.\n");
/// assert_eq!(a.title, "Title");
/// assert_eq!(a.quotes.len(), 1);
/// assert_eq!(a.speakers[0].name, "Jane Smith");
/// assert_eq!(a.quotes[0].speaker.as_deref(), Some("s0"));
/// assert_eq!((a.quotes[0].start, a.quotes[0].end), (7, 15));
/// ```
pub fn analyze(text: &str) -> Analysis {
    analyze_owned(text.to_string())
}

/// [`analyze`] for a text the caller hands over: it becomes the analysis's
/// `text` as it is, not copied (a loaded article is read once and kept only
/// in its analysis).
///
/// ```
/// let a = whosaid::analysis::analyze_owned("\"Yes,\" she said.".to_string());
/// assert_eq!(a.text, "\"Yes,\" she said.");
/// assert_eq!(a.quotes.len(), 1);
/// ```
pub fn analyze_owned(text: String) -> Analysis {
    let mut analysis = analyze_text(&text);
    analysis.text = text;
    analysis
}

/// The analysis of `text`, all but the copy of the text itself.
fn analyze_text(text: &str) -> Analysis {
    let paras = tokens::paragraphs(text);
    let spans = quotes::find(text, &paras);
    let mut registry = speakers::Registry::with_room(text.len());
    let mut state = State {
        direct: vec![None; spans.len()],
        carried: None,
        reported: Vec::new(),
        previous: None,
    };
    // Room for an ordinary paragraph up front: the reused buffers then do
    // not grow step by step in every article.
    let mut toks = Vec::with_capacity(160);
    let mut sentence = Vec::with_capacity(160);
    let mut places = Vec::new();
    let mut people = Vec::new();
    let mut found_mentions = Vec::new();
    let mut ents = Vec::new();
    let mut bufs = Buffers::default();
    let mut sentence_base = 0;
    for (n, &para) in paras.iter().enumerate() {
        tokens::tokenize(text, para, &spans, &mut toks);
        attribution::sentences(text, &toks, &mut sentence);
        mentions::find(text, &toks, &mut found_mentions);
        places.clear();
        places.extend(found_mentions.iter().map(|m| {
            let k = m.toks.0;
            speakers::Place {
                sentence: sentence_base + sentence[k],
                initial: k == 0 || sentence[k - 1] != sentence[k],
                object: mentions::after_preposition(text, &toks, k),
            }
        }));
        registry.resolve(text, &found_mentions, &places, &mut ents);
        sentence_base += sentence.last().map_or(0, |s| s + 1);
        people.clear();
        people.extend(
            ents.iter()
                .map(|e| e.is_some_and(|e| registry.entities[e].class == speakers::Class::Person)),
        );
        let parts = Parts {
            toks: &toks,
            mentions: &found_mentions,
            ents: &ents,
            sentence: &sentence,
            people: &people,
            places: &places,
        };
        let mut p = Para::new(text, parts, std::mem::take(&mut bufs));
        // The first line is the headline, unless it is too long to be one
        // (an article with no headline, or a text with no line breaks).
        let headline = n == 0 && para.len() <= HEADLINE_MAX;
        p.headline = headline;
        let link = is_link_line(&text[para]);
        state.paragraph(&p, para, &spans, headline || link, link);
        bufs = p.recycle();
    }
    state.name_sources(text, &mut registry);
    build(text, registry, &spans, state)
}

/// The longest first line taken as a headline, in bytes (headlines run to
/// about 150).
const HEADLINE_MAX: usize = 300;

/// A related-story link or similar: never anyone's words.
fn is_link_line(para: &str) -> bool {
    let head = para.trim_start().as_bytes();
    // Every marker starts with one of these letters or marks: most
    // paragraphs are ruled out by their first byte.
    let first = head.first().map_or(0, u8::to_ascii_lowercase);
    if !matches!(first, b':' | b'>' | b'r' | b's' | b'w' | b'c' | b'm') {
        return false;
    }
    [
        "::",
        ">>",
        "read more",
        "related:",
        "see also",
        "watch:",
        "click here",
        "more:",
    ]
    .iter()
    .any(|p| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// Attribution state carried from paragraph to paragraph.
struct State {
    direct: Vec<Option<Attribution>>,
    /// The quote left open at the end of the previous paragraph, with the
    /// attribution before its opening mark ("She said: \"…"). Top-level
    /// quotes never overlap, so there is at most one.
    carried: Option<(usize, Option<Attribution>)>,
    reported: Vec<(Span, Attribution)>,
    /// The last attribution of the previous paragraph, when it quoted someone.
    previous: Option<Attribution>,
}

impl State {
    /// Attribute one paragraph's quotes: none when `skip` (a headline or a
    /// link line), and no reported speech in a `link` line.
    fn paragraph(&mut self, p: &Para, para: Span, spans: &[Span], skip: bool, link: bool) {
        let mut last_here: Option<Attribution> = None;
        let mut had_quote = false;
        let mut k = 0;
        while k < p.toks.len() {
            let Some(q) = p.toks[k].quote.map(|q| q as usize) else {
                k += 1;
                continue;
            };
            let first = k;
            while k < p.toks.len() && p.toks[k].quote == Some(q as u32) {
                k += 1;
            }
            let last = k - 1;
            had_quote = true;
            if skip {
                continue;
            }
            let span = spans[q];
            // The cue before the opening mark, looked for only when it is
            // needed: for a quote that runs on into the next paragraph, or
            // when nothing after the quote names its speaker.
            let left = || {
                if span.start >= para.start {
                    p.before(first)
                } else {
                    self.carried.filter(|&(c, _)| c == q).and_then(|(_, a)| a)
                }
            };
            if span.end > para.end {
                self.carried = Some((q, left()));
                continue;
            }
            let opens_paragraph = first == 0;
            let bare = p.bare_sentence(first);
            let so_called = first > 0
                && p.toks[first - 1].kind == tokens::Kind::Word
                && p.text[p.toks[first - 1].span].eq_ignore_ascii_case("so-called");
            let found = if so_called {
                None
            } else {
                p.after(last)
                    .or_else(left)
                    .or_else(|| p.sentence_final(last))
                    .or(last_here.filter(|_| bare).map(|a| Attribution {
                        evidence: Evidence::SameSentence,
                        ..a
                    }))
                    .or(self
                        .previous
                        .filter(|_| opens_paragraph && bare)
                        .map(|a| Attribution {
                            evidence: Evidence::Continuation,
                            ..a
                        }))
            };
            if found.is_some() {
                last_here = found;
            }
            self.direct[q] = found;
        }
        if !link {
            self.reported.extend(p.reported());
        }
        self.previous = if had_quote { last_here } else { None };
    }
}

impl State {
    /// Attributions whose source is a phrase rather than a known mention
    /// ("according to early results") get an entity of their own, with the
    /// phrase as its mention; a quote that continues such a source's quote
    /// gets the same entity.
    fn name_sources(&mut self, text: &str, registry: &mut speakers::Registry) {
        // "They said …" after "the officials": a pronoun stands for a named
        // speaker or for nobody the reader can be told. A description it
        // resolved to ("another study", "the first joint event") is mostly
        // the wrong antecedent, so the speaker is left unknown.
        let pronoun = |a: &Attribution| {
            a.evidence == Evidence::Pronoun
                || a.source
                    .is_some_and(|s| text[s].eq_ignore_ascii_case("who"))
        };
        // One pass over the attributions, which an article full of quotes
        // makes larger than the processor's caches: an entity made here for
        // a source changes no earlier entity, so the test for an unnamed
        // one can follow at once.
        let all = self
            .direct
            .iter_mut()
            .flatten()
            .chain(self.reported.iter_mut().map(|(_, a)| a));
        let mut named: HashMap<Span, speakers::Eid> = HashMap::new();
        for a in all {
            if let (None, Some(source)) = (a.entity, a.source) {
                a.entity = match a.evidence {
                    Evidence::According | Evidence::CueName => {
                        Some(*named.entry(source).or_insert_with(|| {
                            let e = registry.source(text, source, false, lexicon::Gender::Unknown);
                            registry.refs.push((e, source));
                            e
                        }))
                    }
                    Evidence::SameSentence | Evidence::Continuation => named.get(&source).copied(),
                    _ => None,
                };
            }
            if a.entity.is_some_and(|e| !registry.entities[e].named(text)) && pronoun(a) {
                a.entity = None;
            }
        }
    }
}

/// Assemble the output: speakers that are people or are quoted, quotes in order.
fn build(
    text: &str,
    registry: speakers::Registry,
    direct_spans: &[Span],
    state: State,
) -> Analysis {
    let mut entities = registry.entities;
    let mut quoted = vec![0usize; entities.len()];
    let mut reported = state.reported;
    let attributions = state
        .direct
        .iter()
        .flatten()
        .chain(reported.iter().map(|r| &r.1));
    for e in attributions.filter_map(|a| a.entity) {
        quoted[e] += 1;
    }
    // People are shown even when only mentioned; others only when quoted.
    let shown: Vec<bool> = (entities.iter().zip(&quoted))
        .map(|(e, &q)| e.class == speakers::Class::Person || q > 0)
        .collect();
    // Each entity's first mention orders the speakers; each speaker shown
    // gets its mentions from the article's one list, which is then freed.
    let mut first = vec![usize::MAX; entities.len()];
    let mut count = vec![0usize; entities.len()];
    for &(e, span) in &registry.refs {
        first[e] = first[e].min(span.start);
        count[e] += 1;
    }
    let mut mentions: Vec<Vec<Span>> = (shown.iter().zip(&count))
        .map(|(&s, &n)| if s { Vec::with_capacity(n) } else { Vec::new() })
        .collect();
    for (e, span) in registry.refs {
        if shown[e] {
            mentions[e].push(span);
        }
    }
    let mut ids = vec![None; entities.len()];
    let mut speakers = Vec::new();
    let mut order: Vec<usize> = (0..entities.len()).filter(|&e| shown[e]).collect();
    order.sort_by_key(|&e| first[e]);
    for e in order {
        let ent = &mut entities[e];
        let id = Id::new('s', speakers.len());
        ids[e] = Some(id);
        let mut mentions = std::mem::take(&mut mentions[e]);
        mentions.sort_unstable();
        mentions.dedup();
        speakers.push(Speaker {
            id,
            name: ent.name.text(text),
            role: ent.role.take(),
            aliases: ent.aliases.iter().map(|&a| text[a].to_string()).collect(),
            mentions,
            quotes: quoted[e],
        });
    }
    // Direct quotes are in text order already; reported speech is sorted
    // and merged in, a direct quote first where both start and end alike.
    reported.sort_by_key(|(s, _)| (s.start, s.end));
    let direct = direct_spans
        .iter()
        .zip(state.direct)
        .map(|(&span, a)| (span, QuoteKind::Direct, a));
    let indirect = reported
        .into_iter()
        .map(|(s, a)| (s, QuoteKind::Indirect, Some(a)));
    let quotes = MergeBySpan(direct.peekable(), indirect.peekable())
        .enumerate()
        .map(|(n, (span, kind, a))| Quote {
            id: Id::new('q', n),
            start: span.start,
            end: span.end,
            kind,
            speaker: a.and_then(|a| a.entity).and_then(|e| ids[e]),
            source: a.and_then(|a| a.source),
            cue: a.and_then(|a| a.cue),
            evidence: a.filter(|a| a.entity.is_some()).map(|a| a.evidence),
        })
        .collect();
    Analysis {
        path: None,
        title: title(text),
        text: String::new(),
        speakers,
        quotes,
    }
}

/// The items of two iterators each in span order, in span order; on a tie
/// the first one's item comes first.
struct MergeBySpan<A: Iterator, B: Iterator>(std::iter::Peekable<A>, std::iter::Peekable<B>);

impl<T, A, B> Iterator for MergeBySpan<A, B>
where
    A: Iterator<Item = (Span, T, Option<Attribution>)>,
    B: Iterator<Item = (Span, T, Option<Attribution>)>,
{
    type Item = (Span, T, Option<Attribution>);

    fn next(&mut self) -> Option<Self::Item> {
        let key = |x: &Self::Item| (x.0.start, x.0.end);
        match (self.0.peek(), self.1.peek()) {
            (Some(x), Some(y)) if key(x) > key(y) => self.1.next(),
            (Some(_), _) => self.0.next(),
            (None, _) => self.1.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let (a, b) = (self.0.size_hint(), self.1.size_hint());
        (a.0 + b.0, a.1.zip(b.1).map(|(x, y)| x + y))
    }
}

/// The first non-empty line, trimmed; a first line longer than a headline
/// (a text with no line breaks) is cut at a word before [`HEADLINE_MAX`]
/// bytes and ends in `…`. Only the text's start is read.
fn title(text: &str) -> String {
    let start = text.trim_start();
    let mut end = start.len().min(HEADLINE_MAX);
    while !start.is_char_boundary(end) {
        end -= 1;
    }
    let head = &start[..end];
    match head.find('\n') {
        Some(at) => head[..at].trim_end().to_string(),
        None if end == start.len() => head.trim_end().to_string(),
        None => {
            let cut = head.rfind(char::is_whitespace).unwrap_or(head.len());
            format!("{}\u{2026}", head[..cut].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{title, Id, HEADLINE_MAX};

    #[test]
    fn the_title_is_the_first_line_and_never_longer_than_a_headline() {
        assert_eq!(
            title("\n  \r\n  Ferry strike ends \r\nBody"),
            "Ferry strike ends"
        );
        assert_eq!(title("One line only "), "One line only");
        assert_eq!(title(" \n\t"), "");
        let long = "word ".repeat(10_000);
        let t = title(&long);
        assert!(
            t.len() <= HEADLINE_MAX + "\u{2026}".len(),
            "{} bytes",
            t.len()
        );
        assert!(t.ends_with("word\u{2026}"), "{t:?}");
        let accents = "é".repeat(1_000);
        assert!(title(&accents).ends_with('\u{2026}'));
    }

    #[test]
    fn ids_are_a_letter_and_the_number() {
        for n in [0, 7, 10, 99, 12_345, usize::MAX] {
            assert_eq!(Id::new('q', n).as_str(), format!("q{n}"));
        }
    }

    #[test]
    fn ids_are_strings_in_json_and_any_short_string_reads_back() {
        let id = Id::new('s', 42);
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"s42\"");
        assert_eq!(id.to_string(), "s42");
        assert_eq!(serde_json::from_str::<Id>("\"s42\"").unwrap(), id);
        let made_elsewhere: Id = serde_json::from_str("\"speaker-7\"").unwrap();
        assert_eq!(made_elsewhere, "speaker-7");
        for bad in ["\"\"", &format!("\"{}\"", "x".repeat(Id::MAX + 1)), "7"] {
            assert!(serde_json::from_str::<Id>(bad).is_err(), "{bad}");
        }
    }
}
