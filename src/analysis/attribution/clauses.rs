//! The reported clause after a cue (`said (that) …`, `told reporters that
//! …`, `called for …`) and its extent: where it opens, where it ends (the
//! sentence, the next speaker, a second cue and its quotation).

use super::*;

/// What follows a speech verb, for the verbs whose clause does not simply
/// follow them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Object {
    /// "referring to …", "pointed to …": the content follows "to".
    Pointer,
    /// "raised questions about …", "expressed concern over …".
    Concern,
    /// "called him a liar": names, does not report.
    Name,
    /// "told reporters that …": a listener, then the clause.
    Listener,
    /// "continues to trail": how long something else goes on, not what
    /// anyone said.
    Aspect,
    /// "spoke to reporters", "spoke with aides": the listeners, not what
    /// was said.
    Talk,
    /// "said on Sunday's show that …": what follows "on", "with" or "for"
    /// is where or when, not what was said.
    Say,
    /// Any other verb: the clause itself.
    Clause,
}

/// Time words after a verb before its clause: "said on Friday that …".
const CLAUSE_SKIP: &[&str] = &[
    "on", "in", "at", "during", "last", "this", "late", "early", "earlier", "later", "after",
    "before", "for", "over", "since", "weeks", "months", "years", "days",
];

/// The months, lowercase.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that can only open a clause: after "said on Friday" they show the
/// reported clause has begun.
const CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "there", "his", "her", "their", "its", "how", "why",
    "what", "whether", "if", "when", "where",
];

impl Para<'_> {
    /// What follows the speech verb at token `k`: one `match` on its word,
    /// not a look through a list per kind of verb.
    pub(super) fn object(&self, k: usize) -> Object {
        match self.lower(k).as_bytes() {
            b"refer" | b"refers" | b"referred" | b"referring" | b"point" | b"points"
            | b"pointed" | b"pointing" => Object::Pointer,
            b"raise" | b"raises" | b"raised" | b"raising" | b"express" | b"expresses"
            | b"expressed" | b"expressing" | b"voice" | b"voices" | b"voiced" | b"voicing" => {
                Object::Concern
            }
            b"call" | b"calls" | b"called" | b"calling" => Object::Name,
            b"continue" | b"continues" | b"continued" | b"continuing" => Object::Aspect,
            b"speak" | b"speaks" | b"spoke" | b"spoken" | b"speaking" => Object::Talk,
            b"say" | b"says" | b"said" | b"saying" => Object::Say,
            b"told" | b"tells" | b"tell" | b"telling" | b"assured" | b"informed" | b"warned"
            | b"reminded" | b"urged" | b"asked" => Object::Listener,
            _ => Object::Clause,
        }
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
        let object = self.object(k);
        let next = self.lower(e + 1);
        let to = next.as_bytes() == b"to";
        // "continues to trail": how long it goes on; "spoke to reporters":
        // who listened. Neither says what was said.
        let listener = to || next.as_bytes() == b"with";
        if (object == Object::Aspect && to) || (object == Object::Talk && listener) {
            return None;
        }
        // Only a verb of saying reports a clause that a quotation follows.
        let speech = self.toks[k].info.verb.is_some();
        let clause = |a: usize, b: usize| {
            if speech {
                self.clause_after_verb(a, b)
            } else {
                self.clause(a, b)
            }
        };
        let pointing = object == Object::Pointer;
        if pointing && !to && next.as_bytes() != b"out" {
            return None;
        }
        let preposition = (pointing && to)
            || matches!(
                next.as_bytes(),
                b"about" | b"for" | b"on" | b"of" | b"against" | b"with"
            );
        // "said of the plan", "said with a shrug": the topic or the manner,
        // not the words.
        let topic = object == Object::Say && matches!(next.as_bytes(), b"of" | b"with");
        if topic {
            return None;
        }
        let timed = self.is(e + 2, lexicon::DAY)
            || lower_in(self.word(e + 2), &["weeks", "months", "years", "days"]);
        if preposition && !timed && object != Object::Say && self.outside(e + 2) && end >= e + 4 {
            let last = self.toks[end - 1].span.end;
            return Some((Span::new(self.toks[e + 2].span.start, last), attr))
                .filter(|_| (e + 2..end).all(|j| self.outside(j)));
        }
        // "raised questions about …", "expressed concern over …".
        if object == Object::Concern {
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
        if object == Object::Name {
            return None;
        }
        let mut a = e + 1;
        if object == Object::Listener {
            // "told reporters that …" / "told reporters he …": past the listener.
            let that = (a..(a + 10).min(end))
                .take_while(|&j| {
                    self.outside(j)
                        && (self.toks[j].kind != Kind::Punct || self.punct(j, "'\u{2019}"))
                })
                .find(|&j| self.is_that(j));
            a = match that {
                // Past the listener's "that" the clause has begun: a "that"
                // in it ("it was not that simple") opens nothing more.
                Some(j) => return Some((clause(j + 1, end)?, attr)),
                None => {
                    let mut past = self
                        .mention_starting(a)
                        .map_or_else(|| self.listener_end(a, end), |m| self.mentions[m].toks.1);
                    // "told reporters on Monday his firm …": a time after
                    // the listener, then the clause.
                    let time = self.time_word(past);
                    if past > a && time {
                        past = self.listener_end(past, end);
                    }
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
        // Inside a phrase that opens with a preposition, a verb's base or
        // -s form after a plain word is a noun: "said on the morning show
        // that …", "said on the news shows that …".
        let opens_phrase = |j: usize| {
            lower_in(
                self.word(j),
                &["in", "on", "at", "during", "after", "before"],
            )
        };
        let in_phrase = opens_phrase(a);
        // "said — on the radio, no less — that …": the phrase between dashes.
        let dashed = self.punct(a, "\u{2014}\u{2013}") && opens_phrase(a + 1);
        let aside = in_phrase || dashed;
        let noun = |j: usize| {
            aside
                && j > a
                && matches!(
                    self.toks[j].info.reporting,
                    Some(VerbForm::Base | VerbForm::Present)
                )
                && !self.opens_with_subject(j - 1)
        };
        // A year or a number may stand in such a phrase: "said in 2008 that".
        let plain = |j: usize| {
            self.outside(j)
                && (self.toks[j].kind == Kind::Word
                    && (self.toks[j].info.reporting.is_none() || noun(j))
                    || aside && self.toks[j].kind == Kind::Number
                    || dashed && self.punct(j, "\u{2014}\u{2013},"))
        };
        // "said in an interview with the paper on Monday that …"; with no
        // such phrase a "that" further on is mostly a relative pronoun: "said
        // the old blue ferry boat that crosses the bay would stop".
        let reach = if aside { 12 } else { 4 };
        if let Some(that) = (a..(a + reach).min(end))
            .take_while(|&j| plain(j))
            .find(|&j| self.is_that(j))
        {
            return Some((clause(that + 1, end)?, attr));
        }
        let mut skipped = 0;
        // "said in a statement Thursday night they …": past a short phrase
        // that opens with a preposition, up to a pronoun that opens the clause.
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
            && !self.at_least(a)
            && (self.time_word(a)
                || self.is(a, lexicon::DAY)
                || (self.toks[a].cap && skipped > 0 && !self.opens_with_subject(a))
                || (skipped > 0 && phrase_word(a)))
        {
            a += 1;
            skipped += 1;
        }
        if skipped > 0 && !self.is_that(a) && !self.opens_with_subject(a) {
            return None;
        }
        if self.is_that(a) {
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
        Some((clause(a, end)?, attr))
    }

    /// Is token `j` a word that can only open a clause: "he", "they're",
    /// "whether"?
    pub(super) fn opens_with_subject(&self, j: usize) -> bool {
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

    /// Does nothing more of the clause follow the cue at `k` (last token
    /// `e`): only a listener ("told the paper"), a time ("on Friday") and
    /// the sentence's end or ", adding …"?
    pub(super) fn clause_done(&self, k: usize, e: usize, end: usize) -> bool {
        let mut j = e + 1;
        if self.object(k) == Object::Listener {
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

    /// Does token `j` open a time after a verb ("on Monday", "last week",
    /// "this month", "earlier", "in July")? "this", "last", "late" and
    /// "early" only before a day, a word of time, a season or a month:
    /// "said this provides …" opens a clause.
    fn time_word(&self, j: usize) -> bool {
        // A day, a word of time ("week", "night"), a season, or a month
        // (that list is asked only of a capitalised word).
        let when = |j: usize| {
            self.is(j, lexicon::DAY)
                || lower_in(
                    self.word(j),
                    &["spring", "summer", "fall", "autumn", "winter"],
                )
                || (self.toks.get(j).is_some_and(|t| t.cap) && lower_in(self.word(j), MONTHS))
        };
        let before_time = ["this", "last", "late", "early"];
        if lower_in(self.word(j), &before_time) {
            // "late last year": two such words before the time.
            return when(j + 1) || (lower_in(self.word(j + 1), &before_time) && when(j + 2));
        }
        self.is(j, lexicon::DAY) || lower_in(self.word(j), CLAUSE_SKIP) || when(j)
    }

    /// The end of a listener no lexicon knows, from token `a`: "told
    /// voters", "assured the crowd", "told a rally in Ohio", at most a few
    /// plain words, stopping at a word that opens a clause.
    pub(super) fn listener_end(&self, a: usize, end: usize) -> usize {
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

    /// "reported at least 20 victims": "at least" or "at most" at token
    /// `a` opens a count, not a place or a time.
    fn at_least(&self, a: usize) -> bool {
        lower_in(self.word(a), &["at"]) && lower_in(self.word(a + 1), &["least", "most"])
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
        if self.clause_opens_infinitive(a) {
            return true;
        }
        if self.at_least(a) {
            return true;
        }
        let preposition = matches!(
            self.lower(a).as_bytes(),
            b"in"
                | b"on"
                | b"at"
                | b"of"
                | b"to"
                | b"by"
                | b"with"
                | b"for"
                | b"about"
                | b"from"
                | b"during"
                | b"after"
                | b"before"
                | b"as"
                | b"so"
                | b"yes"
                | b"no"
                | b"nothing"
                | b"something"
                | b"anything"
                | b"more"
                | b"and"
                | b"or"
                | b"but"
                | b"goodbye"
                | b"hello"
                | b"thanks"
                | b"sorry"
        );
        !(preposition || (t.cap && self.is(a, lexicon::DAY)))
    }

    /// Where the reported clause from `a` ends, at most at `end`: before ",
    /// and" or ", but" that opens a clause with a subject of its own
    /// (", and more than 4 in 10 said …").
    pub(super) fn clause_end(&self, a: usize, end: usize) -> usize {
        for j in a + 2..end.saturating_sub(2) {
            // (Both ends below follow a comma, looked for once.)
            if !self.punct(j - 1, ",") {
                continue;
            }
            // "…, according to X": X's attribution, not part of this clause.
            if is_according(self.word(j)) && self.cue_at(j).is_some() {
                return j - 1;
            }
            if lower_in(self.word(j), &["and", "but"]) {
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
        self.clause_with(a, b, false)
    }

    /// A clause after its verb, from token `a` to `b` (exclusive): like
    /// [`Para::clause`], but when a quotation comes later in the sentence
    /// the clause ends before the part that holds it.
    pub(super) fn clause_after_verb(&self, a: usize, b: usize) -> Option<Span> {
        self.clause_with(a, b, true)
    }

    fn clause_with(&self, a: usize, b: usize, after_verb: bool) -> Option<Span> {
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
            Some(q) => self
                .before_second_cue(a, q)
                .or_else(|| self.before_quoting_part(a, q).filter(|_| after_verb))
                .unwrap_or(b),
            None => b,
        };
        if b < a + 3 || first_quoted.is_some_and(|q| q < b) {
            return None;
        }
        let mut b = b;
        while b > a && self.punct(b - 1, ",;:—–-") {
            b -= 1;
        }
        // Nothing but marks: no clause.
        if b == a {
            return None;
        }
        Some(Span::new(
            self.toks[a].span.start,
            self.toks[b - 1].span.end,
        ))
    }

    /// Where a clause from `a` ends when a quotation opens at token `q`
    /// in a later part of the sentence: at the first mark or "and" + verb
    /// that closes at least five words ("he respects her and calls her
    /// “…”", "that was natural — no different, he said, from “…”").
    fn before_quoting_part(&self, a: usize, q: usize) -> Option<usize> {
        (a + 3..q).find(|&j| {
            self.punct(j, ",;:\u{2014}\u{2013}")
                || (lower_in(self.word(j), &["and", "but"])
                    && self
                        .toks
                        .get(j + 1)
                        .is_some_and(|t| t.info.verb.is_some() || t.info.reporting.is_some()))
        })
    }

    /// Where a clause from `a` ends when a quotation opens at token `q`
    /// right after a coordinated speech verb: "…, adding:", "but added,".
    pub(super) fn before_second_cue(&self, a: usize, q: usize) -> Option<usize> {
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

    /// "One in three said the toll was high and one in four said …": a
    /// reported clause ends before the next speaker of the sentence.
    pub(super) fn end_before_next_source(&self, out: &mut [Reported]) {
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
