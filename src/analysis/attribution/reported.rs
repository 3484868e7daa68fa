//! Reported speech: `X said (that) …`, `according to X, …`, `…, X said.`,
//! passives, speaker lines; the clause's extent is in [`super::clauses`].

use super::clauses::Object;
use super::*;

/// Labels before a colon that name no speaker: "Update: …", "Photo: …".
const NOT_SPEAKERS: &[&str] = &[
    "update",
    "updated",
    "note",
    "correction",
    "editor",
    "editors",
    "related",
    "watch",
    "read",
    "photo",
    "photos",
    "video",
    "source",
    "sources",
    "breaking",
    "exclusive",
    "warning",
    "more",
    "see",
    "also",
    "caption",
    "credit",
    "disclosure",
    "clarification",
    "live",
    "poll",
    "look",
    "wow",
    "just",
    "contributing",
    "report",
];

impl Para<'_> {
    /// `The nominee has been endorsed by dozens of papers`: the subject is what
    /// was said or backed, the agent after "by" the source.
    pub(super) fn passive(&self, k: usize, cue: Span, form: VerbForm) -> Option<Reported> {
        if form != VerbForm::Past
            || !self.is(k + 1, lexicon::STOP)
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
    pub(super) fn subject_phrase_span(&self, v: usize) -> Option<Span> {
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

    pub(super) fn reported_at(
        &self,
        k: usize,
        cue: Span,
        form: VerbForm,
        e: usize,
    ) -> Option<Reported> {
        if is_according(&self.text[cue]) || is_in(&self.text[cue]) {
            return self.reported_by_source(k, cue, e);
        }
        let participle = form == VerbForm::Gerund && !self.progressive(k);
        let m = if participle {
            // "…, saying that …": the sentence's subject reports it.
            if k == 0 || !self.punct(k - 1, ",") {
                return None;
            }
            self.earlier_cue_subject(k)
                .or_else(|| self.sentence_subject(k))
                .filter(|&m| !self.is_it(m))?
        } else {
            // "… and said it was great": the sentence's subject.
            // "… but also contended that …", "… and then said …".
            let mut j = k;
            while j > 0 && self.is(j - 1, lexicon::AUX) && j + 3 > k {
                j -= 1;
            }
            let clause_follows = || {
                self.opens_with_subject(e + 1)
                    || lower_in(self.word(e + 1), &["that", "the", "a", "an"])
            };
            // "… and urged voters to …": a listener follows, then the clause.
            let coordinated = j > 0
                && self.is(j - 1, lexicon::STOP)
                && lower_in(self.word(j - 1), &["and", "but"])
                && (clause_follows() || self.object(k) == Object::Listener);
            let subject = if coordinated {
                self.sentence_subject(j - 1).filter(|&m| !self.is_it(m))
            } else {
                self.subject_before(k)
                    .filter(|&m| !self.inside_unknown_head(m))
                    .or_else(|| self.infinitive_subject(k))
                    .or_else(|| self.listed_verb_subject(j, form))
            };
            // "…, say some Democrats.": the speaker after the verb.
            if let Some(found) = self.inverted(k, cue, form, e) {
                return Some(found);
            }
            // "\"…,\" Ms Lopez said of the plan": the quotation is what was
            // said; what follows the verb tells where or of what.
            let subject_start = subject.map_or(k, |m| self.mentions[m].toks.0);
            if self.after_quotation(subject_start) || self.after_quotation(k) {
                return None;
            }
            // "One employee at the firm said": the phrase, not the firm.
            // (Not across "who": "voters in Ohio, who said" speak themselves.)
            let next_to_verb = |m: usize| {
                (self.mentions[m].toks.1..k).all(|j| {
                    self.is(j, lexicon::AUX)
                        || self.toks[j].kind == Kind::Word && !lower_in(self.word(j), &["who"])
                })
            };
            let enclosed = subject
                .filter(|&m| !coordinated && next_to_verb(m))
                .and_then(|m| Some((m, self.phrase_opening(m)?)));
            // "Mark Hale from the Harbour Trust said": a person opens the
            // phrase, and the person speaks, not the phrase.
            let person = enclosed.and_then(|(_, (first, prep))| self.person_opening(first, prep));
            let subject = person.or(subject);
            let enclosing = enclosed
                .filter(|_| person.is_none())
                .map(|(m, (first, _))| {
                    Span::new(self.toks[first].span.start, self.mentions[m].span.end)
                });
            // "Six in 10 voters said …": the share, not the group, speaks.
            let share = || self.share_subject(k).filter(|_| !coordinated);
            if let Some(source) = enclosing.or_else(share) {
                return self.said_by_phrase(k, e, source, cue);
            }
            // "Exit polls taken in the state found": not the state, which
            // a preposition puts inside the subject's description.
            let inside = |m: usize| {
                let start = self.mentions[m].toks.0;
                start > 0
                    && lower_in(
                        self.word(start - 1),
                        &["in", "of", "by", "for", "from", "at", "on", "with"],
                    )
            };
            let described = match subject {
                Some(m) if inside(m) => self.described_subject(k),
                _ => None,
            };
            match subject.filter(|_| described.is_none()) {
                Some(m) => self.first_conjunct(m),
                None => {
                    let source = described
                        .or_else(|| self.described_subject(k))
                        .or_else(|| self.familiar_phrase(k))
                        .or_else(|| self.subject_phrase(k))?;
                    return self.said_by_phrase(k, e, source, cue);
                }
            }
        };
        // Verbs of thought and stance need a person or a group behind them:
        // "Washington decided …" is history, not anybody's words.
        let mention = &self.mentions[m];
        let stance_only = self.toks[k].info.verb.is_none();
        let capable = self.people[m]
            || mention.kind != MentionKind::Name
            || mention.class != crate::analysis::mentions::NameClass::Place;
        if stance_only && !capable {
            return None;
        }
        let attr = self.attribution(m, cue, false);
        if participle {
            return self.reported_after_verb(k, e, attr);
        }
        self.clause_around(k, e, self.mentions[m].toks.0, attr)
    }

    /// Does token `j` follow a quotation that a comma closes (`"…,"` or
    /// `"…",`)? Then a speaker and verb at `j` attribute that quotation.
    fn after_quotation(&self, j: usize) -> bool {
        let Some(before) = j.checked_sub(1) else {
            return false;
        };
        let closing = |q: usize| {
            self.toks[q].quote.is_some() && self.text[..self.toks[q].span.start].ends_with(',')
        };
        if self.punct(before, ",") {
            return before > 0 && self.toks[before - 1].quote.is_some();
        }
        closing(before)
    }

    /// The clause of the cue at `k` (last token `e`) said by `source`, a
    /// phrase no entity stands for yet.
    fn said_by_phrase(&self, k: usize, e: usize, source: Span, cue: Span) -> Option<Reported> {
        let start = self.toks.partition_point(|t| t.span.start < source.start);
        self.clause_around(k, e, start, Attribution::unnamed(source, cue))
    }

    /// The clause of the cue at `k` (last token `e`) whose subject starts at
    /// token `subject_start`: the clause before "…, the mayor said.", the
    /// sentence around "The museum, Mr. Obama said, would …", or the clause
    /// after the verb.
    fn clause_around(
        &self,
        k: usize,
        e: usize,
        subject_start: usize,
        attr: Attribution,
    ) -> Option<Reported> {
        let end = self.sentence_end(k);
        let aside = subject_start > 0 && self.punct(subject_start - 1, ",");
        if aside && self.clause_done(k, e, end) {
            // "…, Ms Lopez said Friday, adding …", "…, she told the paper.".
            let start = self.sentence_start(k);
            return Some((self.clause(start, subject_start - 1)?, attr));
        }
        if aside && self.punct(e + 1, ",") {
            // "The museum, Mr. Obama said, would make visitors …": the whole sentence.
            let start = self.sentence_start(k);
            return Some((self.clause(start, end)?, attr));
        }
        // "…, the mayor said. (An aside follows.)": the period ends the clause
        // even when the sentence runs on.
        let last = end <= e + 3 || self.punct(e + 1, ".!?;");
        if aside && last {
            let start = self.sentence_start(k);
            return Some((self.clause(start, subject_start - 1)?, attr));
        }
        // '"...," Ms Lopez said to loud applause': the verb gives the
        // quotation its speaker; what follows it is how, where or when,
        // unless "that" opens a clause.
        // (A quotation that closes on its comma, not a title or a phrase
        // in scare quotes.)
        let after_quote = subject_start > 0
            && self.sentence[subject_start - 1] == self.sentence[k]
            && !self.outside(subject_start - 1)
            && self.text[..self.toks[subject_start - 1].span.start]
                .trim_end()
                .ends_with(',');
        if after_quote && !self.is_that(e + 1) {
            return None;
        }
        self.reported_after_verb(k, e, attr)
    }

    /// "The department obfuscated facts, admitted it withheld emails": a
    /// finite verb after a comma, in a list of verbs, reports for the
    /// sentence's subject. `j` is the first token before the verb's
    /// auxiliaries.
    fn listed_verb_subject(&self, j: usize, form: VerbForm) -> Option<usize> {
        let finite = matches!(form, VerbForm::Past | VerbForm::Present);
        if !finite || j == 0 || !self.punct(j - 1, ",") {
            return None;
        }
        self.sentence_subject(j - 1).filter(|&m| !self.is_it(m))
    }

    /// "The plan is dead, said the mayor." / "…, say some Democrats, who …":
    /// a speech verb after a comma with its speaker after it; the clause is
    /// what comes before the comma.
    fn inverted(&self, k: usize, cue: Span, form: VerbForm, e: usize) -> Option<Reported> {
        let speech = self.toks[k].info.verb.is_some() && form != VerbForm::Gerund;
        if !speech || k == 0 || !self.punct(k - 1, ",") {
            return None;
        }
        let (attr, after) = match self.mention_starting(e + 1) {
            Some(m) => {
                // "said a spokesman for the council": past the role's "for …".
                let mut after = self.mentions[m].toks.1;
                if lower_in(self.word(after), &["of", "for", "at", "from", "with"]) {
                    let stop = (after + 6).min(self.toks.len());
                    after += 1;
                    while after < stop && self.outside(after) && self.toks[after].kind == Kind::Word
                    {
                        after += 1;
                    }
                }
                (self.attribution(m, cue, false), after)
            }
            // "say some Democrats", "said a spokesman for the council".
            None => self.phrase_after(cue, e)?,
        };
        // The speaker ends the sentence or opens an aside: ", said Ms Lopez,
        // who …". Otherwise the comma closed an aside about the subject
        // ("Ms Lopez, the mayor, said the bridge …").
        let closes = after >= self.toks.len()
            || self.sentence[after] != self.sentence[k]
            || self.punct(after, ".!?,;");
        if !closes {
            return None;
        }
        let start = self.sentence_start(k);
        Some((self.clause(start, k - 1)?, attr))
    }

    /// Is the verb at `k` (last token `e`) one that introduces a quotation
    /// but reports no clause: "continued" (`"…," she continued`) before
    /// anything but "that" goes on doing something ("continues to lead",
    /// "continued his tour"), "updated" tells of an article's changes, and
    /// "spoke to", "spoke for", "spoke on" say to whom, how long or on what
    /// terms.
    fn quotation_only(&self, k: usize, e: usize) -> bool {
        // Most cues are ruled out by their first letter.
        let first = self.text.as_bytes()[self.toks[k].span.start].to_ascii_lowercase();
        if !matches!(first, b'c' | b'u' | b's' | b't') {
            return false;
        }
        match self.lower(k).as_bytes() {
            b"continue" | b"continues" | b"continued" | b"continuing" => !self.is_that(e + 1),
            b"update" | b"updates" | b"updated" | b"updating" => true,
            // "spoke to reporters", "spoke for an hour", "spoke on condition
            // of anonymity": to whom, how long, on what terms.
            b"speak" | b"speaks" | b"spoke" | b"spoken" | b"speaking" | b"talk" | b"talks"
            | b"talked" | b"talking" => lower_in(self.word(e + 1), &["to", "for", "on"]),
            _ => false,
        }
    }

    /// Indirect speech: `X said (that) …`, `X told Y that …`, `according to X, …`,
    /// `…, X said.` Skipped when the reported clause holds a direct quote.
    pub fn reported(&self) -> Vec<Reported> {
        let mut out = Vec::new();
        // "Pat Caddell: Democrat voters worried …": a headline or transcript line.
        if let Some(found) = self.speaker_line() {
            out.push(found);
        }
        // The first token not yet read as part of a cue.
        let mut next = 0;
        // The end of the last reported clause: a verb of stance inside it
        // ("X added that the firm would accept …") is part of what X said.
        let mut reported_until = 0;
        for k in self.cues.iter().map(|&k| k as usize) {
            if k < next {
                continue;
            }
            // "voted to support X": the outer verb already reports "to support X".
            let infinitive =
                || k > 0 && self.toks[k].info.verb.is_none() && lower_in(self.word(k - 1), &["to"]);
            // ("according to" names its own source, whatever holds it.)
            let nested = || {
                self.toks[k].span.start < reported_until
                    && self.toks[k].info.verb.is_none()
                    && !is_according(self.word(k))
            };
            let cue = self.cue_with(k, true);
            let ok = |&(_, _, e): &(Span, VerbForm, usize)| {
                !infinitive() && !nested() && !self.quotation_only(k, e)
            };
            if let Some((cue, form, e)) = cue.filter(ok) {
                let found = self
                    .passive(k, cue, form)
                    .or_else(|| self.reported_at(k, cue, form, e));
                if let Some(found) = found {
                    reported_until = reported_until.max(found.0.end);
                    out.push(found);
                }
                next = e + 1;
            }
        }
        self.end_before_next_source(&mut out);
        out
    }

    /// "Pat Caddell: Democrat voters worried …", "JANE DOE: Why not?": a
    /// paragraph opening with a name (or a few capitalised words) and a colon.
    fn speaker_line(&self) -> Option<Reported> {
        if !self.toks.first().is_some_and(|t| t.cap) {
            return None;
        }
        let colon = (1..self.toks.len().min(6)).find(|&j| self.punct(j, ":"))?;
        let attr = match self.mention_starting(0) {
            Some(m) if self.mentions[m].kind == MentionKind::Name => {
                if self.mentions[m].toks.1 != colon {
                    return None;
                }
                self.attribution(m, self.toks[colon].span, true)
            }
            _ => {
                // A transcript's speaker no lexicon knows: "JANE DOE:", in
                // capitals only (a title-case label is more often a headline's).
                let named = (0..colon).all(|j| {
                    self.toks[j].kind == Kind::Word
                        && self.outside(j)
                        && !self.word(j).bytes().any(|b| b.is_ascii_lowercase())
                        && !self.is(j, lexicon::STOP | lexicon::DET | lexicon::INDEF)
                });
                if !named || lower_in(self.word(0), NOT_SPEAKERS) {
                    return None;
                }
                let source = Span::new(self.toks[0].span.start, self.toks[colon - 1].span.end);
                Attribution::unnamed(source, self.toks[colon].span)
            }
        };
        let end = self.toks.len();
        let end = if self.punct(end - 1, ".") {
            end - 1
        } else {
            end
        };
        Some((self.clause(colon + 1, end)?, attr))
    }
}
