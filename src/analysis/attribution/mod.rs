//! Stage 5: attribution. Gives each quote its speaker, source and cue, and
//! finds reported speech without quotation marks.
//!
//! Takes one paragraph at a time (tokens, mentions and the entity of each
//! mention), with the quotes found earlier. Patterns, tried in order:
//! a cue right after the quote (`"…," X said` / `"…," said X`), a cue
//! before it in the same sentence (`X said: "…"`, `X said the plan was
//! "ridiculous"`, `according to X, "…"`), an earlier quote of the same
//! paragraph, and a quote-only paragraph continuing the previous one.

use super::lexicon::one_of as lower_in;
use super::lexicon::{self, VerbForm};
use super::mentions::{Mention, MentionKind};
use super::speakers::{Eid, Place};
use super::tokens::{Kind, Token};
use super::{Evidence, Span};
use std::num::NonZeroU32;

mod according;
mod clauses;
mod direct;
mod reported;
mod shares;
mod subjects;

/// Who a quote is attributed to and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// The entity, when the source resolved to one.
    pub entity: Option<Eid>,
    /// The mention next to the cue.
    pub source: Option<Span>,
    /// The speech verb or phrase.
    pub cue: Option<Span>,
    /// How it was found.
    pub evidence: Evidence,
}

impl Attribution {
    /// To a phrase no entity stands for yet ("some Democrats", "the
    /// committee chairmen"), named next to `cue`: the phrase becomes an
    /// entity of its own once every paragraph is read.
    fn unnamed(source: Span, cue: Span) -> Attribution {
        Attribution {
            entity: None,
            source: Some(source),
            cue: Some(cue),
            evidence: Evidence::CueName,
        }
    }
}

/// A mention's number plus one, or `None`: with no room taken by `None`, a
/// table of them starts as zeroed memory.
pub type MentionAt = Option<NonZeroU32>;

/// Mention `n` as a [`MentionAt`] (a paragraph is at most 32 KB, so mention
/// numbers fit in 32 bits).
fn mention_at(n: usize) -> MentionAt {
    NonZeroU32::new(n as u32 + 1)
}

/// The mention number a [`MentionAt`] holds.
fn mention_of(at: MentionAt) -> Option<usize> {
    at.map(|m| m.get() as usize - 1)
}

/// One paragraph, ready to attribute.
pub struct Para<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The paragraph's tokens.
    pub toks: &'a [Token],
    /// Its mentions, in order.
    pub mentions: &'a [Mention],
    /// The entity of each mention.
    pub ents: &'a [Option<Eid>],
    /// Paragraph-local sentence number of each token.
    pub sentence: &'a [usize],
    /// For each token, the mention that ends there ([`MentionAt`]).
    pub ends_at: Vec<MentionAt>,
    /// For each token, the mention that starts there ([`MentionAt`]).
    pub starts_at: Vec<MentionAt>,
    /// Each sentence's first and one-past-last token.
    bounds: Vec<(usize, usize)>,
    /// Each sentence names someone or holds a cue outside its quotes.
    busy: Vec<bool>,
    /// Each sentence's first resolved mention outside quotes (its subject, mostly).
    subject: Vec<Option<usize>>,
    /// The tokens that may start a cue ([`may_cue`]), in order: the
    /// few that the cue searches over the whole paragraph need to look at.
    cues: Vec<u32>,
    /// Whether each mention's entity is a person.
    people: &'a [bool],
    /// Where each mention stands in its sentence.
    places: &'a [Place],
    /// The article's headline: single marks there set off words, not quotations.
    pub headline: bool,
}

/// What a paragraph is made of, from the earlier stages.
pub struct Parts<'a> {
    /// The paragraph's tokens.
    pub toks: &'a [Token],
    /// Its mentions, in order.
    pub mentions: &'a [Mention],
    /// The entity of each mention.
    pub ents: &'a [Option<Eid>],
    /// Paragraph-local sentence number of each token.
    pub sentence: &'a [usize],
    /// Whether each mention's entity is a person.
    pub people: &'a [bool],
    /// Where each mention stands in its sentence (as the speakers stage
    /// read it).
    pub places: &'a [Place],
}

/// Per-paragraph tables, kept from paragraph to paragraph so they are
/// allocated once per article.
#[derive(Default)]
pub struct Buffers {
    ends_at: Vec<MentionAt>,
    starts_at: Vec<MentionAt>,
    bounds: Vec<(usize, usize)>,
    busy: Vec<bool>,
    subject: Vec<Option<usize>>,
    cues: Vec<u32>,
}

/// At most this many tokens are read back or ahead from a quote or cue, so
/// the work per quote stays bounded however long a sentence runs.
const REACH: usize = 400;

/// Words after which a bare verb form ("say") is a verb, not a noun.
const BEFORE_BASE: &[&str] = &[
    "to", "will", "would", "did", "could", "can", "should", "may", "might", "must", "not", "n't",
];

/// A short word in lowercase ASCII (see [`Para::lower`]).
#[derive(Clone, Copy, Default)]
struct Lower {
    bytes: [u8; 16],
    len: usize,
}

impl Lower {
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Is this cue the "in" of "in a poll"?
fn is_in(cue: &str) -> bool {
    cue.eq_ignore_ascii_case("in")
}

/// Is this cue "according to"?
fn is_according(cue: &str) -> bool {
    cue.get(..9)
        .is_some_and(|w| w.eq_ignore_ascii_case("according"))
}

/// Paragraph-local sentence numbers for the tokens. Boundaries are `.`, `!`
/// and `?` outside quotes, and a quote ending in one of them followed by a
/// capitalised word or another quote.
/// Capitalised words that open a sentence and never continue a name: after
/// an abbreviation's period they show a new sentence has begun.
const SENTENCE_OPENERS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "the", "but", "this", "there", "his", "her", "their",
];

pub fn sentences(text: &str, toks: &[Token], out: &mut Vec<usize>) {
    out.clear();
    let mut n = 0;
    let mut from = 0;
    loop {
        // Only a mark outside quotes or a quote's last token can end a
        // sentence: the words between are passed over in a tight loop, and
        // numbered a sentence at a time.
        // (And a word that ends in a period: "… in the U.S. He said …".)
        while toks.get(from).is_some_and(|t| {
            t.quote.is_none() && t.kind != Kind::Punct && text.as_bytes()[t.span.end - 1] != b'.'
        }) {
            from += 1;
        }
        let Some(first) = toks.get(from) else {
            break;
        };
        let mut k = from;
        if let Some(q) = first.quote {
            let rest = &toks[k + 1..];
            k += rest
                .iter()
                .position(|x| x.quote != Some(q))
                .unwrap_or(rest.len());
        }
        from = k + 1;
        let t = &toks[k];
        let next = toks.get(k + 1);
        let next_starts = || {
            next.is_some_and(|x| {
                (x.cap && x.quote.is_none()) || (x.quote.is_some() && x.quote != t.quote)
            })
        };
        let ends = match t.quote {
            // An abbreviation's period ends the sentence too when a word
            // that only opens one follows: "… in the U.S. He says …", not
            // "Mr. Smith" or "U.S. officials".
            None if t.kind == Kind::Word => next.is_some_and(|x| {
                x.cap && x.quote.is_none() && lower_in(&text[x.span], SENTENCE_OPENERS)
            }),
            None => {
                t.span.len() == 1 && matches!(text.as_bytes()[t.span.start], b'.' | b'!' | b'?')
            }
            Some(_) => text[..t.span.start].trim_end().ends_with(['.', '!', '?']),
        };
        if ends && (next.is_none() || next_starts()) {
            out.resize(k + 1, n);
            n += 1;
        }
    }
    out.resize(toks.len(), n);
}

/// Each sentence's first and one-past-last token, from the sentence number
/// of each token. The numbers run 0, 1, 2, … and never go back, as
/// [`sentences`] makes them, so each sentence is one run, found by a binary
/// search rather than a look at every token.
fn sentence_bounds(sentence: &[usize], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    while let Some(&s) = sentence.get(start) {
        debug_assert_eq!(s, out.len(), "sentence numbers skip none");
        let end = start + sentence[start..].partition_point(|&x| x == s);
        out.push((start, end));
        start = end;
    }
}

/// Can token `t` start a cue at all? A quick test on its lexicon facts,
/// made before the full look at the words around it.
#[inline(always)]
fn may_cue(t: &Token) -> bool {
    t.quote.is_none() && (t.info.reporting.is_some() || t.info.flags & lexicon::PHRASE_CUE != 0)
}

impl<'a> Para<'a> {
    /// Index the mentions by first and last token.
    pub fn new(text: &'a str, parts: Parts<'a>, mut bufs: Buffers) -> Para<'a> {
        let Parts {
            toks,
            mentions,
            ents,
            sentence,
            people,
            places,
        } = parts;
        let count = sentence.last().map_or(0, |s| s + 1);
        bufs.ends_at.clear();
        bufs.ends_at.resize(toks.len(), None);
        bufs.starts_at.clear();
        bufs.starts_at.resize(toks.len(), None);
        for (n, m) in mentions.iter().enumerate() {
            let at = mention_at(n);
            bufs.ends_at[m.toks.1 - 1] = at;
            bufs.starts_at[m.toks.0] = at;
        }
        sentence_bounds(sentence, &mut bufs.bounds);
        bufs.busy.clear();
        bufs.busy.resize(count, false);
        bufs.subject.clear();
        bufs.subject.resize(count, None);
        bufs.cues.clear();
        // Token numbers fit in 32 bits as mention numbers do.
        let cues = toks.iter().enumerate().filter(|(_, t)| may_cue(t));
        bufs.cues.extend(cues.map(|(k, _)| k as u32));
        let Buffers {
            ends_at,
            starts_at,
            bounds,
            busy,
            subject,
            cues,
        } = bufs;
        let mut p = Para {
            text,
            toks,
            mentions,
            ents,
            sentence,
            ends_at,
            starts_at,
            bounds,
            busy,
            subject,
            cues,
            people,
            places,
            headline: false,
        };
        let mut passed_over = false;
        for (n, m) in mentions.iter().enumerate() {
            let s = sentence[m.toks.0];
            if !m.in_quote && m.kind != MentionKind::Pronoun {
                p.busy[s] = true;
            }
            if !m.in_quote && ents[n].is_some() && p.subject[s].is_none() {
                if p.aside(n) {
                    passed_over = true;
                } else {
                    p.subject[s] = Some(n);
                }
            }
        }
        // A sentence that names only places or objects: its first mention.
        for (n, m) in mentions.iter().enumerate().filter(|_| passed_over) {
            let s = sentence[m.toks.0];
            if !m.in_quote && ents[n].is_some() && p.subject[s].is_none() {
                p.subject[s] = Some(n);
            }
        }
        for &k in &p.cues {
            let s = sentence[k as usize];
            // A sentence that names someone is busy already.
            if !p.busy[s] && p.cue_at(k as usize).is_some() {
                p.busy[s] = true;
            }
        }
        p
    }

    /// Is mention `n` unlikely to be its sentence's subject: a place, a
    /// dateline ("WASHINGTON — …"), a preposition's object ("at a rally in
    /// Fenby, Ms Lopez …") or a possessive ("Ms Lopez's victories")?
    fn aside(&self, n: usize) -> bool {
        let m = &self.mentions[n];
        let place = m.kind == MentionKind::Name
            && m.class == super::mentions::NameClass::Place
            && !self.people[n];
        // "WASHINGTON — …", "PARIS (Reuters) - …": a dateline.
        let dateline = || m.toks.0 == 0 && self.punct(m.toks.1, "—–-(");
        let possessive = || {
            let last = &self.text.as_bytes()[..self.toks[m.toks.1 - 1].span.end];
            m.kind != MentionKind::Pronoun
                && (last.ends_with(b"'s") || last.ends_with("\u{2019}s".as_bytes()))
        };
        place || dateline() || possessive() || self.places[n].object
    }

    /// Give back the per-paragraph buffers for the next paragraph.
    pub fn recycle(self) -> Buffers {
        Buffers {
            ends_at: self.ends_at,
            starts_at: self.starts_at,
            bounds: self.bounds,
            busy: self.busy,
            subject: self.subject,
            cues: self.cues,
        }
    }

    /// Is token `k` in the word class `flag`?
    fn is(&self, k: usize, flag: u16) -> bool {
        self.toks.get(k).is_some_and(|t| t.info.flags & flag != 0)
    }

    fn word(&self, k: usize) -> &'a str {
        self.toks.get(k).map_or("", |t| &self.text[t.span])
    }

    /// Token `k`'s word in lowercase, to `match` on once rather than compare
    /// against list after list; empty when there is no such token or the
    /// word is not ASCII or longer than [`Lower`] holds (no list word is).
    fn lower(&self, k: usize) -> Lower {
        let mut out = Lower {
            bytes: [0; 16],
            len: 0,
        };
        let Some(t) = self.toks.get(k) else {
            return out;
        };
        let w = &self.text.as_bytes()[t.span.start..t.span.end];
        if w.len() <= out.bytes.len() && w.is_ascii() {
            for (to, from) in out.bytes.iter_mut().zip(w) {
                *to = from.to_ascii_lowercase();
            }
            out.len = w.len();
        }
        out
    }

    /// Is token `k` the word "that" (any case)? Its lexicon class is tested
    /// first: most words are no determiner.
    fn is_that(&self, k: usize) -> bool {
        self.is(k, lexicon::DET) && self.word(k).eq_ignore_ascii_case("that")
    }

    fn outside(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.quote.is_none())
    }

    /// Is token `k` one of the punctuation marks in `p`, outside quotes?
    #[inline(always)]
    fn punct(&self, k: usize, p: &str) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        if t.quote.is_some() || t.kind != Kind::Punct {
            return false;
        }
        // Most marks are one ASCII byte, which no longer character contains.
        let w = &self.text.as_bytes()[t.span.start..t.span.end];
        match w {
            [b] => p.as_bytes().contains(b),
            _ => p.contains(&self.text[t.span]),
        }
    }

    /// A cue at token `k`: a speech verb, or "according to". Returns (span, form, last token).
    pub fn cue_at(&self, k: usize) -> Option<(Span, VerbForm, usize)> {
        self.cue_with(k, false)
    }

    /// Like [`Para::cue_at`], also taking verbs of thought and stance when `stance`.
    #[inline]
    fn cue_with(&self, k: usize, stance: bool) -> Option<(Span, VerbForm, usize)> {
        // Most tokens are ruled out by their lexicon facts alone: this much
        // is inlined into the loops that try every token of a sentence.
        let t = self.toks.get(k)?;
        if t.quote.is_some() || t.kind != Kind::Word {
            return None;
        }
        let info = t.info;
        if info.reporting.is_none() {
            if info.flags & lexicon::PHRASE_CUE == 0 {
                return None;
            }
            return self.phrase_cue(self.word(k), k, stance);
        }
        let form = if stance { info.reporting } else { info.verb };
        self.verb_cue(k, form?, stance)
    }

    /// [`Para::cue_with`] for the speech verb at token `k`, of form `form`.
    fn verb_cue(&self, k: usize, form: VerbForm, stance: bool) -> Option<(Span, VerbForm, usize)> {
        let t = &self.toks[k];
        let w = self.word(k);
        // A capitalised verb is a name ("States", "Post"), but in a title-case
        // headline right after a name: "Clinton Says …". And "states" is far
        // more often the plural noun than the verb.
        let headline_verb = stance && k > 0 && self.ends_at[k - 1].is_some() && w.ends_with('s');
        // (Length tests first: this runs for every speech verb in the text.)
        if (t.cap && !headline_verb) || (w.len() == 6 && lower_in(w, &["states"])) {
            return None;
        }
        // "More details are …", "the claims were …": a plural noun, no verb.
        let noun = form == VerbForm::Present
            && self.outside(k + 1)
            && self.is(k + 1, lexicon::AUX)
            && lower_in(self.word(k + 1), &["are", "were", "have", "had"]);
        if noun {
            return None;
        }
        // "12 Russians accused of interfering": a passive participle.
        let transitive = matches!(w.len(), 7 | 9)
            && lower_in(
                w,
                &["accused", "charged", "suspected", "convicted", "alleged"],
            );
        if transitive && lower_in(self.word(k + 1), &["of", "with", "by"]) {
            return None;
        }
        if form == VerbForm::Base {
            let after_modal = k > 0 && lower_in(self.word(k - 1), BEFORE_BASE);
            // A bare "say" is a plural present only after a plural subject.
            // "36 percent support among …": the noun, not the verb.
            let noun_use = || {
                !self.outside(k + 1)
                    || self.toks.get(k + 1).is_none_or(|t| t.kind == Kind::Punct)
                    || lower_in(
                        self.word(k + 1),
                        &[
                            "among", "against", "for", "from", "in", "of", "with", "is", "was",
                        ],
                    )
            };
            let plural_subject = || {
                stance
                    && match self.subject_before(k) {
                        Some(m) if self.plural(m) => true,
                        Some(m) => {
                            (self.plural_name(m) || self.in_plural_phrase(m, k)) && !noun_use()
                        }
                        None => self.plural_noun_before(k) && !noun_use(),
                    }
            };
            // "…, say some engineers": a plural speaker after the verb.
            let inverted = || {
                stance
                    && k > 0
                    && self.punct(k - 1, ",")
                    && (self.mention_starting(k + 1).is_some_and(|m| self.plural(m))
                        || self.is(k + 1, lexicon::INDEF))
            };
            if !after_modal && !plural_subject() && !inverted() {
                return None;
            }
        }
        Some((t.span, form, k))
    }

    /// Cues that are no verb: "according to", and (for reported speech)
    /// intent adjectives after "be": "is willing to …".
    fn phrase_cue(&self, w: &str, k: usize, stance: bool) -> Option<(Span, VerbForm, usize)> {
        let to_follows = || lower_in(self.word(k + 1), &["to"]);
        if lower_in(w, &["according"]) && to_follows() {
            let span = Span::new(self.toks[k].span.start, self.toks[k + 1].span.end);
            return Some((span, VerbForm::Past, k + 1));
        }
        // "as Ruth Cole put it: …": only before punctuation or a quote, not
        // "put it on the table".
        let put_it = !stance
            && lower_in(w, &["put", "puts"])
            && lower_in(self.word(k + 1), &["it"])
            && self
                .toks
                .get(k + 2)
                .is_none_or(|t| t.kind == Kind::Punct || t.quote.is_some());
        if put_it {
            let span = Span::new(self.toks[k].span.start, self.toks[k + 1].span.end);
            return Some((span, VerbForm::Past, k + 1));
        }
        // "in a poll released Monday": the "in" before the poll is the cue.
        if stance && lower_in(w, lexicon::POLLS) {
            return self
                .poll_in(k)
                .map(|i| (self.toks[i].span, VerbForm::Past, k));
        }
        let adjective = stance && !self.toks[k].cap && lower_in(w, lexicon::INTENT);
        (adjective && to_follows() && k > 0 && self.is_be(k - 1)).then_some((
            self.toks[k].span,
            VerbForm::Past,
            k,
        ))
    }

    /// The attribution of a mention found next to a cue.
    pub fn attribution(&self, m: usize, cue: Span, colon: bool) -> Attribution {
        let mention = &self.mentions[m];
        let evidence = match mention.kind {
            _ if colon => Evidence::ColonIntro,
            MentionKind::Pronoun => Evidence::Pronoun,
            MentionKind::RoleNoun => Evidence::RoleNoun,
            _ if is_according(&self.text[cue]) => Evidence::According,
            _ => Evidence::CueName,
        };
        let mut source = match mention.kind {
            MentionKind::Name => mention.name,
            _ => mention.span,
        };
        // "X, who said …": the relative pronoun is the source, X the speaker.
        if mention.span.end <= cue.start {
            let between = &self.text[mention.span.end..cue.start];
            let lead = between.len() - between.trim_start_matches([',', ' ']).len();
            if between[lead..].starts_with("who ") {
                let at = mention.span.end + lead;
                source = Span::new(at, at + 3);
            }
        }
        Attribution {
            entity: self.ents[m],
            source: Some(source),
            cue: Some(cue),
            evidence,
        }
    }

    /// Does the sentence of token `k` name nobody and hold no cue outside
    /// its quotes? Then its quotes can only continue an earlier speaker.
    pub fn bare_sentence(&self, k: usize) -> bool {
        !self.busy[self.sentence[k]]
    }

    /// "is claiming", "was saying": a gerund that is the sentence's verb.
    fn progressive(&self, v: usize) -> bool {
        // Back over "once again", "also", "not" to the form of "be".
        let mut k = v;
        while k > 0 && k + 4 > v && (self.is(k - 1, lexicon::AUX) && !self.is_be(k - 1)) {
            k -= 1;
        }
        k > 0 && self.is_be(k - 1)
    }

    /// Is token `k` a form of "be" ("is", "wasn't", "he's")?
    fn is_be(&self, k: usize) -> bool {
        let w = self.word(k);
        let w = w
            .strip_suffix("n't")
            .or_else(|| w.strip_suffix("n\u{2019}t"))
            .unwrap_or(w);
        lower_in(w, &["is", "are", "was", "were", "been", "be", "being"])
            || w.ends_with("'s")
            || w.ends_with("\u{2019}s")
            || w.ends_with("'re")
            || w.ends_with("\u{2019}re")
    }
}

/// Reported speech found in a paragraph: the content span and its attribution.
pub type Reported = (Span, Attribution);

#[cfg(test)]
mod tests {
    use super::*;

    /// The word tests that look at a word class before the word itself
    /// rely on the lexicon putting the word in that class.
    #[test]
    fn words_tested_by_class_first_are_in_the_class() {
        let lex = lexicon::get();
        let classes: [(&[&str], u16); 3] = [
            (&["that", "That", "THAT"], lexicon::DET),
            (&["and", "but", "by"], lexicon::STOP),
            (&["are", "were", "have", "had"], lexicon::AUX),
        ];
        for (words, class) in classes {
            for w in words {
                assert_ne!(lex.info(w).flags & class, 0, "{w}");
            }
        }
    }
}
