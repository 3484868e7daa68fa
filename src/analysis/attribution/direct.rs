//! Direct quotes: the cue and source around a quotation.

use super::*;
use crate::analysis::mentions::NameClass;

impl Para<'_> {
    /// `"…," X said` / `"…," said X` / `"…," X, the Y, said` / `"…," Rep. X (D-Md.)
    /// said Friday` right after the quote whose last token is `last`.
    pub fn after(&self, last: usize) -> Option<Attribution> {
        let mut r = last + 1;
        if self.punct(r, "\u{2015}\u{2014}\u{2013}-") {
            if let Some(found) = self.byline(r) {
                return Some(found);
            }
        }
        if self.punct(r, ",\u{2014}\u{2013}-:") {
            r += 1;
        }
        if let Some((cue, form, e)) = self.cue_at(r) {
            if form == VerbForm::Gerund {
                return None;
            }
            if is_according(&self.text[cue]) {
                return self.according(cue, e, false);
            }
            return match self.speaker_after(e) {
                Some(m) => Some(self.attribution(m, cue, false)),
                // `"…," said a spokesman for the council.`
                None => self.phrase_after(cue, e).map(|(attr, _)| attr),
            };
        }
        let sentence = self.sentence.get(r)?;
        // A quote that closed its sentence belongs to the next one only when
        // the cue's clause ends within a few words: `"We will win." Ms Cole
        // said on Monday.`, `"Why not?" Tom Reed said, laughing.`, not
        // `"Unhinged." Mr Ray called the plan "reckless".` or `"Arbitrary."
        // Tom Reed warned that …`.
        let closed = self.sentence.get(last) != Some(sentence);
        if closed && self.bounds[*sentence].0 < r {
            return None;
        }
        // A question or exclamation is answered by its cue however long the
        // clause runs on: `"Why not?" Tom Reed asked reporters at a news
        // conference on Monday.`, unless the clause quotes again.
        let exclaims = closed && self.exclaims(last);
        let says_more = |v: usize| {
            let end = self.bounds[*sentence].1;
            if exclaims {
                return (v + 1..end).any(|k| !self.outside(k));
            }
            let stop = (v + 1..end.min(v + 5)).find(|&k| self.punct(k, ",.;"));
            stop.is_none_or(|stop| {
                (v + 1..stop).any(|k| !self.outside(k) || lower_in(self.word(k), &["that"]))
            }) && end > v + 1
        };
        for v in r..(r + 16).min(self.toks.len()) {
            if !self.outside(v) || self.sentence[v] != *sentence {
                return None;
            }
            let Some((cue, form, _)) = self.cue_at(v).or_else(|| self.read_cue(v, closed)) else {
                continue;
            };
            if form == VerbForm::Gerund && !self.progressive(v) {
                return None;
            }
            if closed && says_more(v) {
                return None;
            }
            let Some(m) = self.subject_before(v) else {
                // `"…," the committee chairmen wrote.`: a speaker no lexicon
                // names, right after the quote.
                let source = self.subject_phrase(v)?;
                let here = source.start == self.toks[r].span.start;
                return here.then(|| Attribution::unnamed(source, cue));
            };
            let start = self.mentions[m].toks.0;
            let near = start == r || (start <= r + 3 && !self.is_it(m));
            return (start >= r && near).then(|| self.attribution(m, cue, false));
        }
        None
    }

    /// `"…," the editorial read.`, `"…," a sign reads.`: "read" closing the
    /// clause right after a quote that its comma leaves open is a cue.
    fn read_cue(&self, v: usize, closed: bool) -> Option<(Span, VerbForm, usize)> {
        // Most words are ruled out by their first letter, without lowercasing.
        let w = self.word(v);
        if closed || !w.starts_with(['r', 'R']) {
            return None;
        }
        let form = if w.eq_ignore_ascii_case("read") {
            VerbForm::Past
        } else if w.eq_ignore_ascii_case("reads") {
            VerbForm::Present
        } else {
            return None;
        };
        let ends = v + 1 == self.toks.len() || self.punct(v + 1, ".,;");
        ends.then(|| (self.toks[v].span, form, v))
    }

    /// Does the quote ending at token `last` end on `?` or `!`, inside its
    /// closing marks?
    fn exclaims(&self, last: usize) -> bool {
        let closing =
            |c: char| c.is_whitespace() || "\"'\u{201c}\u{201d}\u{2018}\u{2019}".contains(c);
        self.text[..self.toks[last].span.end]
            .trim_end_matches(closing)
            .ends_with(['?', '!'])
    }

    /// `"…" ― Pamela Padilla`: a dash and a name closing the paragraph.
    pub(super) fn byline(&self, dash: usize) -> Option<Attribution> {
        let m = self.mention_starting(dash + 1)?;
        let rest_is_punct =
            (self.mentions[m].toks.1..self.toks.len()).all(|k| self.toks[k].kind == Kind::Punct);
        let named = self.mentions[m].kind == MentionKind::Name;
        (rest_is_punct && named).then(|| self.attribution(m, self.toks[dash].span, false))
    }

    /// `…, Warren said.` closing the quote's sentence: the speaker of every
    /// quote in it.
    pub fn sentence_final(&self, last: usize) -> Option<Attribution> {
        let end = self.sentence_end(last + 1);
        for v in (last + 1..end).rev().take(6) {
            if !self.outside(v) {
                return None;
            }
            let Some((cue, form, e)) = self.cue_at(v) else {
                continue;
            };
            if form == VerbForm::Gerund {
                return None;
            }
            if v > 0 && self.punct(v - 1, ",") {
                let m = self.speaker_after(e)?;
                return Some(self.attribution(m, cue, false));
            }
            let m = self.subject_before(v)?;
            let start = self.mentions[m].toks.0;
            return (start > 0 && self.punct(start - 1, ","))
                .then(|| self.attribution(m, cue, false));
        }
        self.apposed_final(last, end)
    }

    /// `…, said Ruth Cole, the head of the council and a lawyer in the
    /// city.`: an inverted cue whose speaker's apposition runs on to the
    /// sentence's end, too far back for [`Para::sentence_final`] to see.
    fn apposed_final(&self, last: usize, end: usize) -> Option<Attribution> {
        let (v, (cue, form, e)) = (last + 2..end)
            .filter(|&v| self.punct(v - 1, ","))
            .find_map(|v| Some((v, self.cue_at(v)?)))?;
        if form == VerbForm::Gerund || is_according(&self.text[cue]) {
            return None;
        }
        let m = self.speaker_after(e)?;
        let closes = self.mentions[m].toks.1;
        let apposed = closes == end || self.punct(closes, ",");
        (apposed && (v..end).all(|k| self.outside(k))).then(|| self.attribution(m, cue, false))
    }

    /// A cue earlier in the quote's sentence: `X said: "…"`, `X said the plan
    /// was "ridiculous"`, `according to X, "…"`.
    pub fn before(&self, first: usize) -> Option<Attribution> {
        let colon = first > 0 && self.punct(first - 1, ":");
        self.cue_before(first, colon)
            .or_else(|| colon.then(|| self.colon_subject(first - 1)).flatten())
    }

    /// `Ms Cole: "…"`, `Ms Cole went further: "…"`: with no cue, a quote
    /// right after a colon is the words of the name the colon follows, or
    /// else of the person whose name opens the sentence (or its main
    /// clause, after a comma).
    fn colon_subject(&self, colon: usize) -> Option<Attribution> {
        let label = colon
            .checked_sub(1)
            .and_then(|j| self.mention_ending(j))
            .filter(|&m| {
                let mention = &self.mentions[m];
                mention.kind == MentionKind::Name && mention.class != NameClass::Place
            });
        let m = label.or_else(|| {
            let m = self.sentence_subject(colon)?;
            let start = self.mentions[m].toks.0;
            let opens = start == self.bounds[self.sentence[colon]].0 || self.punct(start - 1, ",");
            (opens && self.people[m]).then_some(m)
        })?;
        Some(self.attribution(m, self.toks[colon].span, true))
    }

    /// The cue before the quote whose first token is `first`, within its
    /// sentence, and the speaker it names.
    fn cue_before(&self, first: usize, colon: bool) -> Option<Attribution> {
        let sentence = self.sentence[first];
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
            let Some((cue, form, e)) = self.cue_at(k) else {
                continue;
            };
            if is_according(&self.text[cue]) {
                return self.according(cue, e, colon);
            }
            // `"…," said Ruth Cole, "…"`: the cue between two parts of a
            // quote, its speaker after it.
            let inverted =
                k > 1 && (!self.outside(k - 1) || self.punct(k - 1, ",") && !self.outside(k - 2));
            if form != VerbForm::Gerund && inverted {
                let between = |m: usize| {
                    let end = self.mentions[m].toks.1;
                    end + 1 == first && self.punct(end, ",")
                };
                if let Some(m) = self.speaker_after(e).filter(|&m| between(m)) {
                    return Some(self.attribution(m, cue, colon));
                }
            }
            let m = match form {
                VerbForm::Gerund if !self.progressive(k) => self
                    .participle_subject(k)
                    .or_else(|| self.sentence_subject(k)),
                _ => self.subject_before(k).or_else(|| {
                    // "Ruth Cole took the stage and called the plan \"…\"":
                    // the second of two verbs shares the clause's subject.
                    let and = k > 0 && lower_in(self.word(k - 1), &["and"]);
                    and.then(|| self.participle_subject(k)).flatten()
                }),
            };
            if let Some(m) = m.filter(|&m| !self.is_it(m)) {
                return Some(self.attribution(m, cue, colon));
            }
            // "The ad claims \"…\"": a subject no lexicon names.
            if form != VerbForm::Gerund && m.is_none() {
                if let Some(source) = self.subject_phrase(k) {
                    return Some(Attribution::unnamed(source, cue));
                }
            }
        }
        None
    }

    /// The subject of the clause a participle at `k` hangs on: "Speaking
    /// in Salem, Ruth Cole went after Reed, calling him \"…\"". That is the
    /// sentence's first mention before `k` that is neither a place nor the
    /// object of a preposition ("in Salem", "at the town hall").
    fn participle_subject(&self, k: usize) -> Option<usize> {
        let sentence = self.sentence[k];
        let from = self.bounds[sentence].0.max(k.saturating_sub(REACH));
        let first = self.mentions.partition_point(|m| m.toks.0 < from);
        let mut within = (first..self.mentions.len()).take_while(|&n| self.mentions[n].toks.1 <= k);
        within.find(|&n| {
            let m = &self.mentions[n];
            let start = m.toks.0;
            if m.in_quote || self.ents[n].is_none() {
                return false;
            }
            let object = start > from && self.places[n].object;
            m.class != NameClass::Place && !object
        })
    }

    /// The speaker named right after an inverted cue ending at token `e`:
    /// `said Ruth Cole`, `said former Rep. Ruth Cole`, `said retired Army
    /// Col. Ruth Cole` (a modifier or two the name's role leaves out).
    pub(super) fn speaker_after(&self, e: usize) -> Option<usize> {
        let modifier = |k: usize| {
            self.outside(k) && !self.toks[k].cap && lower_in(self.word(k), lexicon::ROLE_MODIFIERS)
        };
        let mut k = e + 1;
        while k < e + 3 && modifier(k) {
            k += 1;
        }
        self.mention_starting(k)
            .filter(|&m| k == e + 1 || self.mentions[m].kind == MentionKind::Name)
            .or_else(|| self.described_name(k))
    }

    /// `said Republican party boss Ruth Cole`, `said conservative activist
    /// Ruth Cole`: a person's name after a few words of role the mention
    /// leaves out.
    fn described_name(&self, from: usize) -> Option<usize> {
        let role = |k: usize| {
            let t = &self.toks[k];
            self.outside(k)
                && t.kind == Kind::Word
                && !self.is(k, lexicon::STOP | lexicon::DET | lexicon::AUX)
                && !lower_in(
                    self.word(k),
                    &["of", "about", "for", "during", "over", "into"],
                )
        };
        let mut k = from;
        while k < from + 4 && k < self.toks.len() && role(k) {
            k += 1;
            if let Some(m) = self.mention_starting(k) {
                let mention = &self.mentions[m];
                return (mention.kind == MentionKind::Name && mention.class == NameClass::Person)
                    .then_some(m);
            }
        }
        None
    }
}
