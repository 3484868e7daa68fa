//! Reported speech: `X said (that) …`, `according to X, …`, `…, X said.`,
//! passives, and the extent of the reported clause.

use super::*;

const TELL: &[&str] = &[
    "told", "tells", "tell", "telling", "assured", "informed", "warned", "reminded", "urged",
    "asked",
];

const CLAUSE_SKIP: &[&str] = &[
    "on", "in", "at", "during", "last", "this", "late", "early", "earlier", "later", "after",
    "before", "for", "over", "since", "weeks", "months", "years", "days",
];

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

/// Words that can only open a clause: after "said on Friday" they show the
/// reported clause has begun.
const CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "there", "his", "her", "their", "its", "how", "why",
    "what", "whether", "if", "when", "where",
];

impl Para<'_> {
    /// Is token `j` a word that can only open a clause: "he", "they're",
    /// "whether"?
    fn opens_with_subject(&self, j: usize) -> bool {
        let w = self.word(j);
        if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
            return lower_in(w, CLAUSE_OPENERS);
        }
        let stem = [
            "'s",
            "'d",
            "'ll",
            "'re",
            "'ve",
            "\u{2019}s",
            "\u{2019}d",
            "\u{2019}ll",
            "\u{2019}re",
            "\u{2019}ve",
        ]
        .iter()
        .find_map(|c| w.strip_suffix(c))
        .unwrap_or(w);
        lower_in(stem, CLAUSE_OPENERS)
    }

    /// `The nominee has been endorsed by dozens of papers`: the subject is what
    /// was said or backed, the agent after "by" the source.
    pub(super) fn passive(&self, k: usize, cue: Span, form: VerbForm) -> Option<Reported> {
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
                && lower_in(self.word(j - 1), &["and", "but"])
                && (clause_follows() || lower_in(self.word(k), TELL));
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
            match subject {
                Some(m) => self.first_conjunct(m),
                None => {
                    let source = self.subject_phrase(k)?;
                    let attr = Attribution {
                        entity: None,
                        source: Some(source),
                        cue: Some(cue),
                        evidence: Evidence::CueName,
                    };
                    let start = self.toks.partition_point(|t| t.span.start < source.start);
                    return self.clause_around(k, e, start, attr);
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
        self.reported_after_verb(k, e, attr)
    }

    /// Does nothing more of the clause follow the cue at `k` (last token
    /// `e`): only a listener ("told the paper"), a time ("on Friday") and
    /// the sentence's end or ", adding …"?
    fn clause_done(&self, k: usize, e: usize, end: usize) -> bool {
        let mut j = e + 1;
        if lower_in(self.word(k), TELL) {
            j = self
                .mention_starting(j)
                .map_or_else(|| self.listener_end(j, end), |m| self.mentions[m].toks.1);
        }
        let stop = j + 4;
        while j < end.min(stop)
            && (lower_in(self.word(j), CLAUSE_SKIP) || self.is(j, lexicon::DAY))
            && self.outside(j)
        {
            j += 1;
        }
        let adding = self.punct(j, ",")
            && self
                .toks
                .get(j + 1)
                .is_some_and(|t| t.info.verb == Some(VerbForm::Gerund));
        j >= end || self.punct(j, ".!?;") || adding
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
            None => {
                // "say some Democrats", "said a spokesman for the council".
                if !self.is(e + 1, lexicon::DET | lexicon::INDEF) || self.word(e + 1) == "that" {
                    return None;
                }
                let mut b = e + 2;
                while b < self.toks.len()
                    && b < e + 8
                    && self.outside(b)
                    && self.toks[b].kind == Kind::Word
                    && self.toks[b].info.reporting.is_none()
                    && !self.is(b, lexicon::STOP)
                {
                    b += 1;
                }
                if b == e + 2 {
                    return None;
                }
                let source = Span::new(self.toks[e + 1].span.start, self.toks[b - 1].span.end);
                let attr = Attribution {
                    entity: None,
                    source: Some(source),
                    cue: Some(cue),
                    evidence: Evidence::CueName,
                };
                (attr, b)
            }
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

    /// The clause after the cue at `k` (its last token `e`): `said (that) …`,
    /// `told reporters that …`, `said Friday that …`.
    pub(super) fn reported_after_verb(
        &self,
        k: usize,
        e: usize,
        attr: Attribution,
    ) -> Option<Reported> {
        let end = self.sentence_end(k);
        // "called for …", "talked about …", "railed against …": what follows
        // the preposition is what they said or stood for.
        // "referring to …", "pointed to …": only with "to", and then what
        // follows "to" is the content.
        let pointing = lower_in(
            self.word(k),
            &[
                "refer",
                "refers",
                "referred",
                "referring",
                "point",
                "points",
                "pointed",
                "pointing",
            ],
        );
        let to = lower_in(self.word(e + 1), &["to"]);
        if pointing && !to && !lower_in(self.word(e + 1), &["out"]) {
            return None;
        }
        let preposition = (pointing && to)
            || lower_in(
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
                .find(|&j| lower_in(self.word(j), &["about", "over", "on", "of", "that"]))?;
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
            let that = (a..(a + 10).min(end))
                .take_while(|&j| {
                    self.outside(j)
                        && (self.toks[j].kind != Kind::Punct || self.punct(j, "'\u{2019}"))
                })
                .find(|&j| lower_in(self.word(j), &["that"]));
            a = match that {
                Some(j) => j + 1,
                None => {
                    let past = self
                        .mention_starting(a)
                        .map_or_else(|| self.listener_end(a, end), |m| self.mentions[m].toks.1);
                    // "told reporters the plan …": after a one-word listener a
                    // determiner opens the clause.
                    let determiner = past <= a + 1 && past > a && self.is(past, lexicon::DET);
                    // "urged supporters to monitor …": the infinitive counts
                    // too, with its listener ("asked the court to intervene").
                    if self.clause_opens_infinitive(past) && past > a {
                        return Some((self.clause(a, end)?, attr));
                    }
                    if !self.opens_with_subject(past)
                        && !self.clause_opens_infinitive(past)
                        && !determiner
                    {
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
        // "said in a statement Thursday night they …": past a short phrase
        // that opens with a preposition, up to a pronoun that opens the clause.
        let in_phrase = lower_in(
            self.word(a),
            &["in", "on", "at", "during", "after", "before"],
        );
        let phrase_word = |j: usize| {
            in_phrase
                && self.outside(j)
                && self.toks[j].kind == Kind::Word
                && self.toks[j].info.reporting.is_none()
                && !self.opens_with_subject(j)
                && !lower_in(self.word(j), &["that", "and", "but", "to"])
        };
        while a < end
            && skipped < if in_phrase { 7 } else { 4 }
            && (lower_in(self.word(a), CLAUSE_SKIP)
                || self.is(a, lexicon::DAY)
                || (self.toks[a].cap && skipped > 0 && !self.opens_with_subject(a))
                || (skipped > 0 && phrase_word(a)))
        {
            a += 1;
            skipped += 1;
        }
        if skipped > 0 && !lower_in(self.word(a), &["that"]) && !self.opens_with_subject(a) {
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

    /// The end of a listener no lexicon knows, from token `a`: "told
    /// voters", "assured the crowd", "told a rally in Ohio", at most a few
    /// plain words, stopping at a word that opens a clause.
    fn listener_end(&self, a: usize, end: usize) -> usize {
        let mut j = a;
        while j < end.min(a + 5)
            && self.outside(j)
            && self.toks[j].kind == Kind::Word
            && self.toks[j].info.reporting.is_none()
            && !self.opens_with_subject(j)
            && !lower_in(self.word(j), &["to", "that"])
        {
            j += 1;
        }
        j
    }

    /// Does a reported clause plausibly start at token `a` (after "said" with no "that")?
    /// "to" and a verb at token `a`: "declined to say whether …", "vowed to fight …".
    pub(super) fn clause_opens_infinitive(&self, a: usize) -> bool {
        lower_in(self.word(a), &["to"])
            && self.toks.get(a + 1).is_some_and(|n| {
                n.kind == Kind::Word && !n.cap && !self.is(a + 1, lexicon::DET | lexicon::STOP)
            })
    }

    pub(super) fn clause_opens(&self, a: usize) -> bool {
        let Some(t) = self.toks.get(a) else {
            return false;
        };
        if t.quote.is_some() {
            return false;
        }
        // "said 2016 was the worst year": a number opens the clause.
        if t.kind == Kind::Number {
            return true;
        }
        if t.kind != Kind::Word {
            return false;
        }
        let w = self.word(a);
        if self.clause_opens_infinitive(a) {
            return true;
        }
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

    /// Where the reported clause from `a` ends, at most at `end`: before ",
    /// and" or ", but" that opens a clause with a subject of its own
    /// (", and more than 4 in 10 said …").
    pub(super) fn clause_end(&self, a: usize, end: usize) -> usize {
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
    pub(super) fn clause(&self, a: usize, b: usize) -> Option<Span> {
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
        // "said it takes time but added, “…”": the clause ends before the
        // second cue and its quotation.
        let first_quoted = (a..b).find(|&j| quoted(j));
        let b = match first_quoted {
            Some(q) => self.before_second_cue(a, q).unwrap_or(b),
            None => b,
        };
        if b < a + 3 || first_quoted.is_some_and(|q| q < b) {
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

    /// Where a clause from `a` ends when a quotation opens at token `q`
    /// right after a coordinated speech verb: "…, adding:", "but added,".
    fn before_second_cue(&self, a: usize, q: usize) -> Option<usize> {
        let mut c = q;
        while c > a && self.punct(c - 1, ",:") {
            c -= 1;
        }
        let form = c.checked_sub(1).and_then(|v| self.toks[v].info.verb);
        if c == a || form.is_none() {
            // "said he did not own them, but agreed that the fleet had ''…''":
            // a coordinated verb of saying a few words before the quotation.
            let stop = q.saturating_sub(12).max(a + 2);
            let verb = (stop..q).rev().find(|&j| {
                self.toks[j].info.reporting.is_some()
                    && lower_in(self.word(j - 1), &["and", "but"])
                    && self.punct(j - 2, ",")
            })?;
            return Some(verb - 2);
        }
        c -= 1;
        // The second verb has no subject of its own: "but added", ", adding".
        let joined = if form == Some(VerbForm::Gerund) {
            c > a && self.punct(c - 1, ",")
        } else {
            while c > a && lower_in(self.word(c - 1), &["also", "then", "later"]) {
                c -= 1;
            }
            c > a && lower_in(self.word(c - 1), &["and", "but"])
        };
        if !joined {
            return None;
        }
        while c > a && (self.punct(c - 1, ",") || lower_in(self.word(c - 1), &["and", "but"])) {
            c -= 1;
        }
        Some(c)
    }

    pub(super) fn sentence_end(&self, from: usize) -> usize {
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

    pub(super) fn sentence_start(&self, at: usize) -> usize {
        self.bounds[self.sentence[at]]
            .0
            .max(at.saturating_sub(REACH))
    }

    /// Indirect speech: `X said (that) …`, `X told Y that …`, `according to X, …`,
    /// `…, X said.` Skipped when the reported clause holds a direct quote.
    pub fn reported(&self) -> Vec<Reported> {
        let mut out = Vec::new();
        // "Pat Caddell: Democrat voters worried …": a headline or transcript line.
        if let Some(found) = self.speaker_line() {
            out.push(found);
        }
        let mut k = 0;
        while k < self.toks.len() {
            // "voted to support X": the outer verb already reports "to support X".
            let infinitive =
                || k > 0 && lower_in(self.word(k - 1), &["to"]) && self.toks[k].info.verb.is_none();
            let cue = self.may_cue(k).then(|| self.cue_with(k, true)).flatten();
            if let Some((cue, form, e)) = cue.filter(|_| !infinitive()) {
                let found = self
                    .passive(k, cue, form)
                    .or_else(|| self.reported_at(k, cue, form, e));
                if let Some(found) = found {
                    out.push(found);
                }
                k = e + 1;
            } else {
                k += 1;
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
                Attribution {
                    entity: None,
                    source: Some(Span::new(
                        self.toks[0].span.start,
                        self.toks[colon - 1].span.end,
                    )),
                    cue: Some(self.toks[colon].span),
                    evidence: Evidence::CueName,
                }
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

    /// "One in three said the toll was high and one in four said …": a
    /// reported clause ends before the next speaker of the sentence.
    fn end_before_next_source(&self, out: &mut [Reported]) {
        for i in 1..out.len() {
            let Some(source) = out[i].1.source else {
                continue;
            };
            let span = &mut out[i - 1].0;
            if source.start <= span.start || source.start >= span.end {
                continue;
            }
            let mut b = self.toks.partition_point(|t| t.span.end <= source.start);
            let mut joined = false;
            while b > 0 && (self.punct(b - 1, ",;") || lower_in(self.word(b - 1), &["and", "but"]))
            {
                joined |= !self.punct(b - 1, ",");
                b -= 1;
            }
            if joined && b > 0 && self.toks[b - 1].span.end > span.start {
                span.end = self.toks[b - 1].span.end;
            }
        }
    }
}
