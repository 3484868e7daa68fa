//! Stage 5: attribution. Gives each quote its speaker, source and cue, and
//! finds reported speech without quotation marks.
//!
//! Takes one paragraph at a time (tokens, mentions and the entity of each
//! mention), with the quotes found earlier. Patterns, tried in order:
//! a cue right after the quote (`"…," X said` / `"…," said X`), a cue
//! before it in the same sentence (`X said: "…"`, `X said the plan was
//! "ridiculous"`, `according to X, "…"`), an earlier quote of the same
//! paragraph, and a quote-only paragraph continuing the previous one.

use super::lexicon::{self, Lexicon, VerbForm};
use super::mentions::{Mention, MentionKind};
use super::speakers::Eid;
use super::tokens::{Kind, Token};
use super::{Evidence, Span};

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
    /// For each token, the mention that ends there.
    pub ends_at: Vec<Option<usize>>,
    /// For each token, the mention that starts there.
    pub starts_at: Vec<Option<usize>>,
    /// Each sentence's first and one-past-last token.
    bounds: Vec<(usize, usize)>,
    /// Each sentence names someone or holds a cue outside its quotes.
    busy: Vec<bool>,
    /// Each sentence's first resolved mention outside quotes (its subject, mostly).
    subject: Vec<Option<usize>>,
    /// Whether each mention's entity is a person.
    people: &'a [bool],
    /// The article's headline: single marks there set off words, not quotations.
    pub headline: bool,
}

/// At most this many tokens are read back or ahead from a quote or cue, so
/// the work per quote stays bounded however long a sentence runs.
const REACH: usize = 400;

/// Is `w` in the word class `flag` (see [`lexicon`])?
fn in_class(w: &str, flag: u16) -> bool {
    lexicon::get().is(flag, w)
}

fn lower_in(w: &str, list: &[&str]) -> bool {
    lexicon::one_of(w, list)
}

/// Is this cue "according to"?
fn is_according(cue: &str) -> bool {
    cue.get(..9)
        .is_some_and(|w| w.eq_ignore_ascii_case("according"))
}

/// Paragraph-local sentence numbers for the tokens. Boundaries are `.`, `!`
/// and `?` outside quotes, and a quote ending in one of them followed by a
/// capitalised word or another quote.
pub fn sentences(text: &str, toks: &[Token]) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len());
    let mut n = 0;
    for (k, t) in toks.iter().enumerate() {
        out.push(n);
        let next = toks.get(k + 1);
        let next_starts = next.is_some_and(|x| {
            (x.cap && x.quote.is_none()) || (x.quote.is_some() && x.quote != t.quote)
        });
        let ends = match t.quote {
            None => t.kind == Kind::Punct && matches!(&text[t.span], "." | "!" | "?"),
            Some(q) => {
                next.is_none_or(|x| x.quote != Some(q)) && {
                    text[..t.span.start].trim_end().ends_with(['.', '!', '?'])
                }
            }
        };
        if ends && (next_starts || next.is_none()) {
            n += 1;
        }
    }
    out
}

impl<'a> Para<'a> {
    /// Index the mentions by first and last token.
    pub fn new(
        lex: &Lexicon,
        text: &'a str,
        toks: &'a [Token],
        mentions: &'a [Mention],
        ents: &'a [Option<Eid>],
        sentence: &'a [usize],
        people: &'a [bool],
    ) -> Para<'a> {
        let mut ends_at = vec![None; toks.len()];
        let mut starts_at = vec![None; toks.len()];
        for (n, m) in mentions.iter().enumerate() {
            ends_at[m.toks.1 - 1] = Some(n);
            starts_at[m.toks.0] = Some(n);
        }
        let count = sentence.last().map_or(0, |s| s + 1);
        let mut bounds = vec![(0, 0); count];
        for (k, &s) in sentence.iter().enumerate() {
            if k == 0 || sentence[k - 1] != s {
                bounds[s].0 = k;
            }
            bounds[s].1 = k + 1;
        }
        let mut p = Para {
            text,
            toks,
            mentions,
            ents,
            sentence,
            ends_at,
            starts_at,
            bounds,
            busy: vec![false; count],
            subject: vec![None; count],
            people,
            headline: false,
        };
        for (n, m) in mentions.iter().enumerate() {
            let s = sentence[m.toks.0];
            if !m.in_quote && m.kind != MentionKind::Pronoun {
                p.busy[s] = true;
            }
            if !m.in_quote && ents[n].is_some() && p.subject[s].is_none() {
                p.subject[s] = Some(n);
            }
        }
        for (k, &s) in sentence.iter().enumerate() {
            if p.cue_at(lex, k).is_some() {
                p.busy[s] = true;
            }
        }
        p
    }

    /// Is token `k` in the word class `flag`?
    fn is(&self, k: usize, flag: u16) -> bool {
        self.toks.get(k).is_some_and(|t| t.info.flags & flag != 0)
    }

    fn word(&self, k: usize) -> &'a str {
        self.toks.get(k).map_or("", |t| &self.text[t.span])
    }

    fn outside(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.quote.is_none())
    }

    fn punct(&self, k: usize, p: &str) -> bool {
        self.outside(k) && self.toks[k].kind == Kind::Punct && p.contains(self.word(k))
    }

    /// A cue at token `k`: a speech verb, or "according to". Returns (span, form, last token).
    pub fn cue_at(&self, lex: &Lexicon, k: usize) -> Option<(Span, VerbForm, usize)> {
        self.cue_with(lex, k, false)
    }

    /// Like [`Para::cue_at`], also taking verbs of thought and stance when `stance`.
    fn cue_with(&self, _lex: &Lexicon, k: usize, stance: bool) -> Option<(Span, VerbForm, usize)> {
        // A capitalised "States" or "Post" is a name, not a verb.
        if !self.outside(k) || self.toks[k].kind != Kind::Word {
            return None;
        }
        let w = self.word(k);
        // A capitalised verb is a name ("States", "Post"), but in a title-case
        // headline right after a name: "Clinton Says …".
        let headline_verb = stance && k > 0 && self.ends_at[k - 1].is_some() && w.ends_with('s');
        if self.toks[k].cap && !lower_in(w, &["according"]) && !headline_verb {
            return None;
        }
        if lower_in(w, &["according"]) && lower_in(self.word(k + 1), &["to"]) {
            return Some((
                Span::new(self.toks[k].span.start, self.toks[k + 1].span.end),
                VerbForm::Past,
                k + 1,
            ));
        }
        // "states" is far more often the plural noun than the verb.
        if lower_in(w, &["states"]) {
            return None;
        }
        let info = self.toks[k].info;
        let form = if stance { info.reporting? } else { info.verb? };
        // "12 Russians accused of interfering": a passive participle.
        let transitive = lower_in(
            w,
            &["accused", "charged", "suspected", "convicted", "alleged"],
        );
        if transitive && lower_in(self.word(k + 1), &["of", "with", "by"]) {
            return None;
        }
        let after_modal = k > 0
            && lower_in(
                self.word(k - 1),
                &[
                    "to", "will", "would", "did", "could", "can", "should", "may", "might", "must",
                    "not", "n't",
                ],
            );
        // A bare "say" is a plural present only after a plural subject.
        let plural_subject = stance && self.subject_before(k).is_some_and(|m| self.plural(m));
        if form == VerbForm::Base && !after_modal && !plural_subject {
            return None;
        }
        Some((self.toks[k].span, form, k))
    }

    /// The mention (not a possessive) ending at token `k`.
    fn mention_ending(&self, k: usize) -> Option<usize> {
        let m = self.ends_at.get(k).copied().flatten()?;
        let last = self.word(self.mentions[m].toks.1 - 1);
        let possessive = self.mentions[m].kind != MentionKind::Pronoun
            && (last.ends_with("'s") || last.ends_with("\u{2019}s"));
        (!possessive).then_some(m)
    }

    /// The subject of the verb at token `v`: the mention just before it,
    /// across auxiliaries, adverbs, a time phrase, or an appositive in commas.
    pub fn subject_before(&self, v: usize) -> Option<usize> {
        let mut k = v.checked_sub(1)?;
        let mut skipped = 0;
        loop {
            if let Some(m) = self.mention_ending(k) {
                return Some(m);
            }
            let w = self.word(k);
            let adverb = self.toks[k].kind == Kind::Word
                && !self.toks[k].cap
                && w.len() > 4
                && w.ends_with("ly");
            let time = self.is(k, lexicon::DAY) && k > 0;
            if skipped < 5 && self.outside(k) && (self.is(k, lexicon::AUX) || adverb || time) {
                skipped += 1;
                if time
                    && lower_in(
                        self.word(k - 1),
                        &["on", "last", "this", "next", "late", "early"],
                    )
                {
                    k -= 1;
                }
                k = k.checked_sub(1)?;
                continue;
            }
            if self.punct(k, ",)") {
                return self.across_aside(k);
            }
            if lower_in(w, &["who"]) && k > 0 {
                let before = if self.punct(k - 1, ",") {
                    k.checked_sub(2)?
                } else {
                    k - 1
                };
                return self.mention_ending(before);
            }
            return None;
        }
    }

    /// `X, who …, said` / `X (R-Texas) said` / `X, the Y of Z, one of …, said`:
    /// the mention before the aside that closes at token `k`, preferring a
    /// person over a place or organisation named inside the aside.
    fn across_aside(&self, k: usize) -> Option<usize> {
        let close = self.word(k);
        let open = if close == ")" { "(" } else { "," };
        // "The state's campaign chairman, Phil Lovas, said": the name itself.
        if let Some(m) = k.checked_sub(1).and_then(|j| self.mention_ending(j)) {
            let mention = &self.mentions[m];
            let after_comma = mention.toks.0 > 0 && self.punct(mention.toks.0 - 1, ",");
            if close == "," && after_comma && mention.class == super::mentions::NameClass::Person {
                return Some(m);
            }
        }
        let stop = k.saturating_sub(40);
        let mut j = k;
        let mut fallback = None;
        while j > stop {
            j -= 1;
            if self.sentence[j] != self.sentence[k] || !self.outside(j) {
                break;
            }
            if !self.punct(j, open) || j == 0 {
                continue;
            }
            if let Some(m) = self.mention_ending(j - 1) {
                let mention = &self.mentions[m];
                let person = matches!(mention.kind, MentionKind::Pronoun | MentionKind::RoleNoun)
                    || mention.class == super::mentions::NameClass::Person;
                if person || open == "(" {
                    return Some(m);
                }
                fallback = fallback.or(Some(m));
            }
        }
        fallback
    }

    /// A mention starting at token `k` (the speaker after an inverted cue).
    fn mention_starting(&self, k: usize) -> Option<usize> {
        self.starts_at.get(k).copied().flatten()
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

    /// `"…," X said` / `"…," said X` / `"…," X, the Y, said` / `"…," Rep. X (D-Md.)
    /// said Friday` right after the quote whose last token is `last`.
    pub fn after(&self, lex: &Lexicon, last: usize) -> Option<Attribution> {
        let mut r = last + 1;
        if self.punct(r, "\u{2015}\u{2014}\u{2013}-") {
            if let Some(found) = self.byline(r) {
                return Some(found);
            }
        }
        if self.punct(r, ",\u{2014}\u{2013}-:") {
            r += 1;
        }
        if let Some((cue, form, e)) = self.cue_at(lex, r) {
            if form == VerbForm::Gerund {
                return None;
            }
            if is_according(&self.text[cue]) {
                return self.according(cue, e, false);
            }
            let m = self.mention_starting(e + 1)?;
            return Some(self.attribution(m, cue, false));
        }
        let sentence = self.sentence.get(r)?;
        for v in r..(r + 16).min(self.toks.len()) {
            if !self.outside(v) || self.sentence[v] != *sentence {
                return None;
            }
            let Some((cue, form, _)) = self.cue_at(lex, v) else {
                continue;
            };
            if form == VerbForm::Gerund && !self.progressive(v) {
                return None;
            }
            let m = self.subject_before(v)?;
            let start = self.mentions[m].toks.0;
            let near = start == r || (start <= r + 3 && !self.is_it(m));
            return (start >= r && near).then(|| self.attribution(m, cue, false));
        }
        None
    }

    /// `"…" ― Pamela Padilla`: a dash and a name closing the paragraph.
    fn byline(&self, dash: usize) -> Option<Attribution> {
        let m = self.mention_starting(dash + 1)?;
        let rest_is_punct =
            (self.mentions[m].toks.1..self.toks.len()).all(|k| self.toks[k].kind == Kind::Punct);
        let named = self.mentions[m].kind == MentionKind::Name;
        (rest_is_punct && named).then(|| self.attribution(m, self.toks[dash].span, false))
    }

    /// `…, Warren said.` closing the quote's sentence: the speaker of every
    /// quote in it.
    pub fn sentence_final(&self, lex: &Lexicon, last: usize) -> Option<Attribution> {
        let end = self.sentence_end(last + 1);
        for v in (last + 1..end).rev().take(6) {
            if !self.outside(v) {
                return None;
            }
            let Some((cue, form, e)) = self.cue_at(lex, v) else {
                continue;
            };
            if form == VerbForm::Gerund {
                return None;
            }
            if v > 0 && self.punct(v - 1, ",") {
                let m = self.mention_starting(e + 1)?;
                return Some(self.attribution(m, cue, false));
            }
            let m = self.subject_before(v)?;
            let start = self.mentions[m].toks.0;
            return (start > 0 && self.punct(start - 1, ","))
                .then(|| self.attribution(m, cue, false));
        }
        None
    }

    /// "according to X": X's attribution, X a mention or, failing that, the
    /// noun phrase up to the next comma ("according to early results of the
    /// exit poll"), left for the caller to make an entity of.
    fn according(&self, cue: Span, e: usize, colon: bool) -> Option<Attribution> {
        if let Some(m) = self.mention_starting(e + 1) {
            return Some(self.attribution(m, cue, colon));
        }
        let start = e + 1;
        let mut end = start;
        while end < self.toks.len()
            && end < start + 12
            && self.outside(end)
            && self.toks[end].kind != Kind::Punct
        {
            end += 1;
        }
        (end > start && self.toks[start].kind == Kind::Word).then(|| Attribution {
            entity: None,
            source: Some(Span::new(
                self.toks[start].span.start,
                self.toks[end - 1].span.end,
            )),
            cue: Some(cue),
            evidence: Evidence::According,
        })
    }

    /// A subject the lexicons do not know: a determiner and a few nouns
    /// right before the verb at `v` ("The bank said", "early results show").
    fn subject_phrase(&self, v: usize) -> Option<Span> {
        let end = v;
        // "a series of tweets" is a noun phrase, not "a series of" tweeting;
        // with an unknown subject only a past tense or "says" is taken as a verb.
        let verb = self.word(v);
        let tense_ok = self.toks[v].info.reporting != Some(VerbForm::Present)
            || lower_in(verb, &["says", "say"]);
        let before = self.word(v.checked_sub(1)?);
        if !tense_ok || in_class(before, lexicon::CONNECT | lexicon::DET | lexicon::INDEF) {
            return None;
        }
        let mut k = v;
        while k > 0 && k + 5 > v {
            k -= 1;
            let t = self.toks[k];
            let w = self.word(k);
            if !self.outside(k) || t.kind != Kind::Word {
                return None;
            }
            if self.is(k, lexicon::DET | lexicon::INDEF) {
                let conjunction = lower_in(w, &["that", "this"]);
                return (k + 1 < end && !conjunction)
                    .then(|| Span::new(t.span.start, self.toks[end - 1].span.end));
            }
            // "Sixty-six percent said", "12 percent of voters say".
            if lower_in(w, &["percent"]) {
                let first = if k > 0 && self.toks[k - 1].kind != Kind::Punct {
                    k - 1
                } else {
                    k
                };
                return Some(Span::new(
                    self.toks[first].span.start,
                    self.toks[end - 1].span.end,
                ));
            }
            if self.is(k, lexicon::STOP | lexicon::AUX)
                || t.info.verb.is_some()
                || t.info.reporting.is_some()
            {
                return None;
            }
        }
        None
    }

    /// "X continued to call for …": the subject of the verb before "to".
    fn infinitive_subject(&self, k: usize) -> Option<usize> {
        let to = k.checked_sub(1)?;
        let verb = to.checked_sub(1)?;
        let ok = lower_in(self.word(to), &["to"])
            && self.toks[verb].kind == Kind::Word
            && !self.toks[verb].cap;
        ok.then(|| self.subject_before(verb)).flatten()
    }

    /// `The nominee has been endorsed by dozens of papers`: the subject is what
    /// was said or backed, the agent after "by" the source.
    fn passive(&self, k: usize, cue: Span, form: VerbForm) -> Option<Reported> {
        if form != VerbForm::Past
            || !lower_in(self.word(k + 1), &["by"])
            || k == 0
            || !self.is_be(k - 1)
        {
            return None;
        }
        let mut be = k - 1;
        while be > 0 && self.is_be(be - 1)
            || (be > 0 && self.is(be - 1, lexicon::AUX) && be + 3 > k)
        {
            be -= 1;
        }
        let attr = self.according(cue, k + 1, false)?;
        let subject = self
            .subject_before(be + 1)
            .map(|m| self.mentions[m].span)
            .or_else(|| self.subject_phrase_span(be))?;
        Some((
            subject,
            Attribution {
                evidence: Evidence::CueName,
                ..attr
            },
        ))
    }

    /// The determiner phrase ending just before token `v`, if any.
    fn subject_phrase_span(&self, v: usize) -> Option<Span> {
        let mut k = v;
        while k > 0 && k + 6 > v {
            k -= 1;
            if !self.outside(k) || self.toks[k].kind != Kind::Word {
                return None;
            }
            if self.is(k, lexicon::DET | lexicon::INDEF) {
                return (k + 1 < v)
                    .then(|| Span::new(self.toks[k].span.start, self.toks[v - 1].span.end));
            }
        }
        None
    }

    /// Is mention `m` plural: "officials", "they", "X and Y"?
    fn plural(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        let coordinated = mention.toks.0 > 0 && lower_in(self.word(mention.toks.0 - 1), &["and"]);
        mention.plural || coordinated || lower_in(&self.text[mention.span], &["we", "i", "you"])
    }

    /// Is mention `m` the pronoun "it"? Only next to a quote does "it" name
    /// a speaker (`"…," it said`); elsewhere it is usually a clause's subject.
    fn is_it(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        mention.kind == MentionKind::Pronoun && self.text[mention.span].eq_ignore_ascii_case("it")
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

    /// A cue earlier in the quote's sentence: `X said: "…"`, `X said the plan
    /// was "ridiculous"`, `according to X, "…"`.
    pub fn before(&self, lex: &Lexicon, first: usize) -> Option<Attribution> {
        let sentence = self.sentence[first];
        let colon = first > 0 && self.punct(first - 1, ":");
        let mut k = first;
        let mut steps = 0;
        let stop = first.saturating_sub(REACH);
        while k > stop && steps < 40 {
            k -= 1;
            if self.sentence[k] != sentence {
                return None;
            }
            if !self.outside(k) {
                continue;
            }
            steps += 1;
            let Some((cue, form, e)) = self.cue_at(lex, k) else {
                continue;
            };
            if is_according(&self.text[cue]) {
                return self.according(cue, e, colon);
            }
            let m = match form {
                VerbForm::Gerund if !self.progressive(k) => self.sentence_subject(k),
                _ => self.subject_before(k),
            };
            if let Some(m) = m.filter(|&m| !self.is_it(m)) {
                return Some(self.attribution(m, cue, colon));
            }
        }
        None
    }

    /// The first person-like mention of the sentence, before token `k`
    /// (the subject a participle such as "saying" refers to).
    fn sentence_subject(&self, k: usize) -> Option<usize> {
        self.subject[self.sentence[k]].filter(|&m| self.mentions[m].toks.1 <= k)
    }
}

/// Reported speech found in a paragraph: the content span and its attribution.
pub type Reported = (Span, Attribution);

const TELL: &[&str] = &[
    "told", "tells", "tell", "telling", "assured", "informed", "warned", "reminded", "urged",
    "asked",
];
const CLAUSE_SKIP: &[&str] = &[
    "on", "in", "at", "during", "last", "this", "late", "early", "earlier", "later", "after",
    "before", "for", "over", "since", "weeks", "months", "years", "days",
];

/// Words that can only open a clause: after "said on Friday" they show the
/// reported clause has begun.
const CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "there", "his", "her", "their", "its", "how", "why",
    "what", "whether", "if", "when", "where",
];

impl Para<'_> {
    /// Indirect speech: `X said (that) …`, `X told Y that …`, `according to X, …`,
    /// `…, X said.` Skipped when the reported clause holds a direct quote.
    pub fn reported(&self, lex: &Lexicon) -> Vec<Reported> {
        let mut out = Vec::new();
        // "Pat Caddell: Democrat voters worried …": a headline or transcript line.
        if let Some(m) = self
            .mention_starting(0)
            .filter(|&m| self.mentions[m].kind == MentionKind::Name)
        {
            let colon = self.mentions[m].toks.1;
            if self.punct(colon, ":") {
                let attr = self.attribution(m, self.toks[colon].span, true);
                let end = self.toks.len();
                let end = if self.punct(end - 1, ".") {
                    end - 1
                } else {
                    end
                };
                if let Some(span) = self.clause(colon + 1, end) {
                    out.push((span, attr));
                }
            }
        }
        let mut k = 0;
        while k < self.toks.len() {
            if let Some((cue, form, e)) = self.cue_with(lex, k, true) {
                let found = self
                    .passive(k, cue, form)
                    .or_else(|| self.reported_at(lex, k, cue, form, e));
                if let Some(found) = found {
                    out.push(found);
                }
                k = e + 1;
            } else {
                k += 1;
            }
        }
        out
    }

    fn sentence_end(&self, from: usize) -> usize {
        let Some(&s) = self.sentence.get(from) else {
            return self.toks.len();
        };
        let mut end = self.bounds[s].1.min(from + REACH);
        // Leave out the closing period.
        while end > from && self.punct(end - 1, ".!?") {
            end -= 1;
        }
        end
    }

    fn sentence_start(&self, at: usize) -> usize {
        self.bounds[self.sentence[at]]
            .0
            .max(at.saturating_sub(REACH))
    }

    /// Where the reported clause from `a` ends, at most at `end`: before ",
    /// and" or ", but" that opens a clause with a subject of its own
    /// (", and more than 4 in 10 said …").
    fn clause_end(&self, a: usize, end: usize) -> usize {
        for j in a + 2..end.saturating_sub(2) {
            if self.punct(j - 1, ",") && lower_in(self.word(j), &["and", "but"]) {
                let n = j + 1;
                let subject = self.mention_starting(n).is_some()
                    || lower_in(
                        self.word(n),
                        &["he", "she", "they", "it", "more", "most", "many", "some"],
                    )
                    || self.toks[n].kind == Kind::Number;
                if subject {
                    return j - 1;
                }
            }
        }
        end
    }

    /// A clause from token `a` to `b` (exclusive), if it is long enough and quote-free.
    fn clause(&self, a: usize, b: usize) -> Option<Span> {
        let b = self.clause_end(a, b);
        // A headline's 'single quotes' mark words inside the reported claim.
        let single = |j: usize| {
            let mut first = j;
            while first > 0 && self.toks[first - 1].quote == self.toks[j].quote {
                first -= 1;
            }
            matches!(self.word(first), "'" | "\u{2018}")
        };
        let quoted = |j: usize| !(self.outside(j) || (self.headline && single(j)));
        if b < a + 3 || (a..b).any(quoted) {
            return None;
        }
        let mut b = b;
        while b > a && self.punct(b - 1, ",;:—–-") {
            b -= 1;
        }
        Some(Span::new(
            self.toks[a].span.start,
            self.toks[b - 1].span.end,
        ))
    }

    fn reported_at(
        &self,
        _lex: &Lexicon,
        k: usize,
        cue: Span,
        form: VerbForm,
        e: usize,
    ) -> Option<Reported> {
        if is_according(&self.text[cue]) {
            let attr = self.according(cue, e, false)?;
            let start = self.sentence_start(k);
            if start == k || (start + 1 == k) {
                let source_end = attr.source.map_or(e + 1, |s| {
                    self.toks.partition_point(|t| t.span.end <= s.end)
                });
                let mut a = source_end.max(e + 1);
                if self.punct(a, ",") {
                    a += 1;
                }
                return Some((
                    self.clause(a, self.sentence_end(a.min(self.toks.len() - 1)))?,
                    attr,
                ));
            }
            return Some((self.clause(start, k)?, attr));
        }
        let participle = form == VerbForm::Gerund && !self.progressive(k);
        let m = if participle {
            // "…, saying that …": the sentence's subject reports it.
            if k == 0 || !self.punct(k - 1, ",") {
                return None;
            }
            self.sentence_subject(k).filter(|&m| !self.is_it(m))?
        } else {
            // "… and said it was great": the sentence's subject.
            // "… but also contended that …", "… and then said …".
            let mut j = k;
            while j > 0 && self.is(j - 1, lexicon::AUX) && j + 3 > k {
                j -= 1;
            }
            let clause_follows = lower_in(self.word(e + 1), CLAUSE_OPENERS)
                || lower_in(self.word(e + 1), &["that", "the", "a", "an"]);
            let coordinated =
                j > 0 && lower_in(self.word(j - 1), &["and", "but"]) && clause_follows;
            let subject = if coordinated {
                self.sentence_subject(j - 1).filter(|&m| !self.is_it(m))
            } else {
                self.subject_before(k)
                    .or_else(|| self.infinitive_subject(k))
            };
            match subject {
                Some(m) => m,
                None => {
                    let source = self.subject_phrase(k)?;
                    let attr = Attribution {
                        entity: None,
                        source: Some(source),
                        cue: Some(cue),
                        evidence: Evidence::CueName,
                    };
                    return self.reported_after_verb(k, e, attr);
                }
            }
        };
        // Verbs of thought and stance need a person or a group behind them:
        // "Washington decided …" is history, not anybody's words.
        let mention = &self.mentions[m];
        let stance_only = self.toks[k].info.verb.is_none();
        let capable = self.people[m]
            || mention.kind != MentionKind::Name
            || mention.class != super::mentions::NameClass::Place;
        if stance_only && !capable {
            return None;
        }
        let attr = self.attribution(m, cue, false);
        let subject_start = self.mentions[m].toks.0;
        // "…, the mayor said." — the clause comes first.
        let end = self.sentence_end(k);
        let aside = subject_start > 0 && self.punct(subject_start - 1, ",");
        if !participle && aside && self.punct(e + 1, ",") {
            // "The museum, Mr. Obama said, would make visitors …": the whole sentence.
            let start = self.sentence_start(k);
            return Some((self.clause(start, end)?, attr));
        }
        if !participle && end <= e + 3 && subject_start > 0 && self.punct(subject_start - 1, ",") {
            let start = self.sentence_start(k);
            return Some((self.clause(start, subject_start - 1)?, attr));
        }
        self.reported_after_verb(k, e, attr)
    }

    /// The clause after the cue at `k` (its last token `e`): `said (that) …`,
    /// `told reporters that …`, `said Friday that …`.
    fn reported_after_verb(&self, k: usize, e: usize, attr: Attribution) -> Option<Reported> {
        let end = self.sentence_end(k);
        // "called for …", "talked about …", "railed against …": what follows
        // the preposition is what they said or stood for.
        let preposition = lower_in(
            self.word(e + 1),
            &["about", "for", "on", "of", "against", "with"],
        );
        let timed = self.is(e + 2, lexicon::DAY)
            || lower_in(self.word(e + 2), &["weeks", "months", "years", "days"]);
        if preposition && !timed && self.outside(e + 2) && end >= e + 4 {
            let last = self.toks[end - 1].span.end;
            return Some((Span::new(self.toks[e + 2].span.start, last), attr))
                .filter(|_| (e + 2..end).all(|j| self.outside(j)));
        }
        // "raised questions about …", "expressed concern over …".
        if lower_in(
            self.word(k),
            &[
                "raise",
                "raises",
                "raised",
                "raising",
                "express",
                "expresses",
                "expressed",
                "expressing",
                "voice",
                "voices",
                "voiced",
                "voicing",
            ],
        ) {
            let prep = (e + 2..(e + 4).min(end))
                .find(|&j| lower_in(self.word(j), &["about", "over", "on", "of"]))?;
            if prep + 1 < end && (e + 1..=prep).all(|j| self.outside(j)) {
                return Some((
                    Span::new(self.toks[prep + 1].span.start, self.toks[end - 1].span.end),
                    attr,
                ))
                .filter(|_| (prep + 1..end).all(|j| self.outside(j)));
            }
            return None;
        }
        // "called him a liar" names, it does not report.
        if lower_in(self.word(k), &["call", "calls", "called", "calling"]) {
            return None;
        }
        let mut a = e + 1;
        if lower_in(self.word(k), TELL) {
            // "told reporters that …" / "told reporters he …": past the listener.
            let that = (a..(a + 6).min(end)).find(|&j| lower_in(self.word(j), &["that"]));
            a = match that {
                Some(j) => j + 1,
                None => {
                    let past = self
                        .mention_starting(a)
                        .map_or(a, |m| self.mentions[m].toks.1);
                    if !lower_in(self.word(past), CLAUSE_OPENERS) {
                        return None;
                    }
                    past
                }
            };
        }
        // "announced in a statement this month that …": straight to "that".
        let plain = |j: usize| {
            self.outside(j)
                && self.toks[j].kind == Kind::Word
                && self.toks[j].info.reporting.is_none()
        };
        if let Some(that) = (a..(a + 8).min(end))
            .take_while(|&j| plain(j))
            .find(|&j| lower_in(self.word(j), &["that"]))
        {
            return Some((self.clause(that + 1, end)?, attr));
        }
        let mut skipped = 0;
        while a < end
            && skipped < 4
            && (lower_in(self.word(a), CLAUSE_SKIP)
                || self.is(a, lexicon::DAY)
                || (self.toks[a].cap && skipped > 0 && !lower_in(self.word(a), CLAUSE_OPENERS)))
        {
            a += 1;
            skipped += 1;
        }
        if skipped > 0
            && !lower_in(self.word(a), &["that"])
            && !lower_in(self.word(a), CLAUSE_OPENERS)
        {
            return None;
        }
        if lower_in(self.word(a), &["that"]) {
            a += 1;
        } else if !self.clause_opens(a) {
            return None;
        }
        // A stance verb's object may be a single name: "endorsed Cruz".
        let stance_only = self.toks[k].info.verb.is_none();
        if stance_only && a < end && end < a + 3 && (a..end).all(|j| self.outside(j)) {
            return Some((
                Span::new(self.toks[a].span.start, self.toks[end - 1].span.end),
                attr,
            ));
        }
        Some((self.clause(a, end)?, attr))
    }

    /// Does a reported clause plausibly start at token `a` (after "said" with no "that")?
    fn clause_opens(&self, a: usize) -> bool {
        let Some(t) = self.toks.get(a) else {
            return false;
        };
        if t.kind != Kind::Word || t.quote.is_some() {
            return false;
        }
        let w = self.word(a);
        let preposition = lower_in(
            w,
            &[
                "in",
                "on",
                "at",
                "of",
                "to",
                "by",
                "with",
                "for",
                "about",
                "from",
                "during",
                "after",
                "before",
                "as",
                "so",
                "yes",
                "no",
                "nothing",
                "something",
                "anything",
                "more",
                "so",
                "and",
                "or",
                "but",
                "goodbye",
                "hello",
                "thanks",
                "sorry",
            ],
        );
        !(preposition || (t.cap && self.is(a, lexicon::DAY)))
    }
}
