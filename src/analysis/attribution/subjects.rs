//! Who is speaking: the subject before a cue, across auxiliaries, asides and
//! relative clauses; the phrase after "according to"; the sentence's subject.

use super::*;

/// Modal verbs: the subject before one is not read across it.
const MODALS: &[&str] = &[
    "will", "would", "could", "can", "should", "may", "might", "must",
];

/// Numbers written as words, as in "one in four say".
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Words that join one clause to the next: a subject can follow them.
const CLAUSE_LINKS: &[&str] = &[
    "and", "but", "while", "although", "though", "because", "since", "as", "when", "if", "so",
    "yet", "whereas",
];

/// Plural nouns and quantifiers that do not end in "s": "people say", "most say".
const PLURAL_NOUNS: &[&str] = &[
    "people", "men", "women", "children", "percent", "most", "many", "some", "others", "few",
    "both", "all", "half", "third", "quarter", "majority", "data", "media", "police", "staff",
    "public",
];

impl Para<'_> {
    /// Can a clause of the sentence holding token `j` start at token `k`:
    /// the sentence's start, or after a comma, colon, bracket, dash or a
    /// word that joins clauses ("and", "while")?
    fn clause_starts_at(&self, k: usize, j: usize) -> bool {
        k == 0
            || self.sentence[k - 1] != self.sentence[j]
            || self.punct(k - 1, ",;:(—–")
            || lower_in(self.word(k - 1), CLAUSE_LINKS)
    }

    /// The mention (not a possessive) ending at token `k`.
    pub(super) fn mention_ending(&self, k: usize) -> Option<usize> {
        let m = mention_of(self.ends_at.get(k).copied().flatten())?;
        let last = self.word(self.mentions[m].toks.1 - 1);
        let possessive = self.mentions[m].kind != MentionKind::Pronoun
            && (last.ends_with("'s") || last.ends_with("\u{2019}s"));
        (!possessive).then_some(m)
    }

    /// The head of the noun phrase mention `m` ends: in "residents of Mill
    /// Lane" or "the mayor of Fenby" the speakers are the residents and the
    /// mayor, not the place after "of".
    fn head_of(&self, m: usize) -> usize {
        let start = self.mentions[m].toks.0;
        let head = (start >= 2 && self.word(start - 1) == "of")
            .then(|| self.mention_ending(start - 2))
            .flatten();
        head.unwrap_or(m)
    }

    /// "Mr. Xi and other leaders said": the named first of two coordinated
    /// subjects rather than the unnamed second.
    pub(super) fn first_conjunct(&self, m: usize) -> usize {
        let start = self.mentions[m].toks.0;
        if self.mentions[m].kind == MentionKind::Name
            || start < 2
            || !lower_in(self.word(start - 1), &["and"])
        {
            return m;
        }
        self.mention_ending(start - 2)
            .filter(|&f| self.mentions[f].kind == MentionKind::Name)
            .unwrap_or(m)
    }

    /// Does mention `m` follow "of" or "for" after a plural noun no lexicon
    /// knows ("advocates for cyclists")? Then the speakers are that noun's,
    /// not the mention's.
    pub(super) fn inside_unknown_head(&self, m: usize) -> bool {
        let start = self.mentions[m].toks.0;
        start >= 2
            && lower_in(self.word(start - 1), &["of", "for"])
            && self.ends_at[start - 2].is_none()
            && self.plural_word(start - 2)
    }

    /// "…, Ms Lopez said Friday, adding …" / "…, said Ms Lopez, adding …":
    /// the speaker of the cue right before the comma at token `k - 1`.
    pub(super) fn earlier_cue_subject(&self, k: usize) -> Option<usize> {
        let mut j = k.checked_sub(2)?;
        let stop = j.saturating_sub(3);
        while j > stop && (self.is(j, lexicon::DAY) || lower_in(self.word(j), &["on", "last"])) {
            j -= 1;
        }
        if self.toks[j].info.verb.is_some() && self.cue_at(j).is_some() {
            return self.subject_before(j);
        }
        // "…, said Ms Lopez, adding": the verb before the speaker follows a
        // comma or a quotation; in "has praised Ms Lopez, saying" the
        // mention is the verb's object.
        let m = self.mention_ending(j)?;
        let before = self.mentions[m].toks.0.checked_sub(1)?;
        let inverted = before > 0 && (self.punct(before - 1, ",") || !self.outside(before - 1));
        (inverted && self.toks[before].info.verb.is_some() && self.cue_at(before).is_some())
            .then_some(m)
    }

    /// The subject of the verb at token `v`: the mention just before it,
    /// across auxiliaries, adverbs, a time phrase, or an appositive in commas.
    pub fn subject_before(&self, v: usize) -> Option<usize> {
        self.subject_mention_before(v).map(|m| self.head_of(m))
    }

    fn subject_mention_before(&self, v: usize) -> Option<usize> {
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
            // "Ruth Cole went on to call the plan \"…\"": the subject of
            // "went on to" says the words.
            if skipped < 5
                && k >= 3
                && lower_in(w, &["to"])
                && lower_in(self.word(k - 1), &["on"])
                && lower_in(self.word(k - 2), &["went", "go", "goes"])
                && (k - 2..=k).all(|j| self.outside(j))
            {
                skipped += 1;
                k -= 3;
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
    pub(super) fn across_aside(&self, k: usize) -> Option<usize> {
        let close = self.word(k);
        let open = if close == ")" { "(" } else { "," };
        // "The state's campaign chairman, Phil Lovas, said": the name itself.
        if let Some(m) = k.checked_sub(1).and_then(|j| self.mention_ending(j)) {
            let mention = &self.mentions[m];
            let after_comma = mention.toks.0 > 0 && self.punct(mention.toks.0 - 1, ",");
            if close == ","
                && after_comma
                && mention.class == crate::analysis::mentions::NameClass::Person
            {
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
            if let Some(m) = self.mention_ending(j - 1).filter(|&m| !self.initial(m)) {
                let mention = &self.mentions[m];
                let person = matches!(mention.kind, MentionKind::Pronoun | MentionKind::RoleNoun)
                    || mention.class == crate::analysis::mentions::NameClass::Person;
                if person || open == "(" {
                    return Some(m);
                }
                fallback = fallback.or(Some(m));
            }
        }
        fallback
    }

    /// Is mention `m` a lone initial such as "C." (as in a party tag
    /// "R-S.C."), no name on its own?
    fn initial(&self, m: usize) -> bool {
        let b = self.text[self.mentions[m].span].as_bytes();
        b.len() <= 2 && b.last() == Some(&b'.')
    }

    /// A mention starting at token `k` (the speaker after an inverted cue).
    pub(super) fn mention_starting(&self, k: usize) -> Option<usize> {
        mention_of(self.starts_at.get(k).copied().flatten())
    }

    /// "according to X": X's attribution, X a mention or, failing that, the
    /// noun phrase up to the next comma ("according to early results of the
    /// exit poll"), left for the caller to make an entity of.
    pub(super) fn according(&self, cue: Span, e: usize, colon: bool) -> Option<Attribution> {
        if let Some(m) = self.mention_starting(e + 1) {
            // "according to an analysis by …", "a survey of …": the whole
            // phrase names the source, not its first noun.
            let mention = &self.mentions[m];
            let described = matches!(mention.kind, MentionKind::Group | MentionKind::RoleNoun)
                && lower_in(
                    self.word(mention.toks.1),
                    &[
                        "by",
                        "from",
                        "of",
                        "in",
                        "at",
                        "for",
                        "with",
                        "compiled",
                        "conducted",
                        "released",
                        "published",
                        "obtained",
                        "provided",
                        "available",
                    ],
                );
            if !described {
                return Some(self.attribution(m, cue, colon));
            }
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
    pub(super) fn subject_phrase(&self, verb_at: usize) -> Option<Span> {
        // "Judicial Watch has questioned", "Recent polling is showing": the
        // phrase ends before the auxiliaries.
        // Not across "be" (a passive: "the shift was expected") nor a modal
        // ("the bloc would try"), only "has", "also", "is showing".
        let mut v = verb_at;
        let gerund = self.toks[verb_at].info.reporting == Some(VerbForm::Gerund);
        while v > 0
            && v + 3 > verb_at
            && self.outside(v - 1)
            && self.is(v - 1, lexicon::AUX)
            && (gerund || !self.is_be(v - 1))
            && !lower_in(self.word(v - 1), MODALS)
        {
            v -= 1;
        }
        let end = v;
        // "a series of tweets" is a noun phrase, not "a series of" tweeting;
        // with an unknown subject only a past tense or "says" is taken as a verb.
        let verb = self.word(verb_at);
        // "Video shows that …", "Polls suggest …", "Judicial Watch has …": a
        // few capitalised words opening the sentence, right before the verb.
        let name_like = |j: usize| {
            let w = self.word(j);
            self.toks[j].cap
                && !w.ends_with("'s")
                && !w.ends_with("\u{2019}s")
                && !lower_in(
                    self.word(j),
                    &[
                        "there", "here", "all", "both", "why", "how", "i", "we", "you",
                    ],
                )
                && self.toks[j].kind == Kind::Word
                && self.outside(j)
                && !self.is(
                    j,
                    lexicon::STOP | lexicon::DET | lexicon::INDEF | lexicon::AUX,
                )
        };
        let mut first = v;
        while first > 0 && first + 3 > v && self.sentence[first - 1] == self.sentence[v] {
            first -= 1;
        }
        let opener = first < v
            && (first == 0 || self.sentence[first - 1] != self.sentence[v])
            && (first..v).all(name_like);
        if opener {
            return Some(Span::new(
                self.toks[first].span.start,
                self.toks[v - 1].span.end,
            ));
        }
        let tense_ok = self.toks[verb_at].info.reporting != Some(VerbForm::Present)
            || lower_in(verb, &["says", "say"]);
        let before = v.checked_sub(1)?;
        if !tense_ok {
            return None;
        }
        if self.is(before, lexicon::CONNECT | lexicon::DET | lexicon::INDEF) {
            // "many said": a quantifier alone.
            return self.bare_phrase(v);
        }
        let mut k = v;
        while k > 0 && k + 5 > v {
            k -= 1;
            let t = self.toks[k];
            let w = self.word(k);
            if !self.outside(k) || t.kind != Kind::Word {
                return self.bare_phrase(v);
            }
            if self.is(k, lexicon::DET | lexicon::INDEF) {
                let conjunction = lower_in(w, &["that", "this"]);
                if k + 1 == end && !conjunction {
                    return self.bare_phrase(v);
                }
                // "Current and former officials": both modifiers.
                let paired = k >= 2
                    && lower_in(self.word(k - 1), &["and", "or"])
                    && self.is(k - 2, lexicon::INDEF);
                let first = if paired {
                    self.toks[k - 2].span
                } else {
                    t.span
                };
                return (!conjunction).then(|| Span::new(first.start, self.toks[end - 1].span.end));
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
                return self.bare_phrase(v);
            }
        }
        self.bare_phrase(v)
    }

    /// A speaker no lexicon names, right after an inverted cue ending at
    /// token `e`: "say some Democrats", "said a spokesman for the council".
    /// The attribution to that phrase (its entity is made later) and the
    /// token after the phrase.
    pub(super) fn phrase_after(&self, cue: Span, e: usize) -> Option<(Attribution, usize)> {
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
        Some((Attribution::unnamed(source, cue), b))
    }

    /// A noun phrase with no determiner that opens its clause, right before
    /// the verb at `v`: "Critics say", "Six in 10 say", ", and many said",
    /// "Organizers of both events insist".
    fn bare_phrase(&self, v: usize) -> Option<Span> {
        // Most verbs follow no such phrase: without a plural or group word
        // right before the verb, or a preposition a few words back, stop.
        let noun = |j: usize| self.plural_word(j) || self.is(j, lexicon::GROUP);
        let inner =
            |j: usize| self.is(j, lexicon::CONNECT) || lower_in(self.word(j), &["in", "from"]);
        if v == 0 || !(noun(v - 1) || (v.saturating_sub(5)..v - 1).any(inner)) {
            return None;
        }
        let mut k = v;
        let mut listed = false;
        while k > 0 && k + 8 > v {
            let j = k - 1;
            let t = self.toks[j];
            // "Drivers, cyclists and walkers say": a list of plurals is one subject.
            let plural_before = j > 0 && self.ends_at[j - 1].is_none() && self.plural_word(j - 1);
            let w = self.word(j);
            let and = k < v && lower_in(w, &["and", "or"]);
            if (and || (listed && self.punct(j, ","))) && plural_before {
                listed = true;
                k = j;
                continue;
            }
            if !self.outside(j) || self.sentence[j] != self.sentence[v] || t.kind == Kind::Punct {
                break;
            }
            // "Ms Lopez and others said": not the others alone.
            if and && j > 0 && self.ends_at[j - 1].is_some() {
                return None;
            }
            if k < v && lower_in(w, CLAUSE_LINKS) {
                break;
            }
            let inner = k < v && lower_in(w, &["of", "in", "from", "at", "for"]);
            let open = !self.is(
                j,
                lexicon::STOP | lexicon::AUX | lexicon::DET | lexicon::CONNECT,
            ) && t.info.verb.is_none()
                && t.info.reporting.is_none();
            if !(inner || open) {
                return None;
            }
            k = j;
        }
        let boundary = self.clause_starts_at(k, v);
        // The phrase ends in its head noun (or has it before "of", "for"):
        // a plural, a number, a group word.
        let head = (k..v)
            .find(|&j| j > k && lower_in(self.word(j), &["of", "for", "in", "from", "at"]))
            .map_or(v - 1, |j| j - 1);
        let nounish = k < v && (noun(v - 1) || noun(head));
        let negated =
            (k..v).any(|j| self.word(j).ends_with("n't") || self.word(j).ends_with("n\u{2019}t"));
        if k == v || !nounish || negated {
            return None;
        }
        let edge = |j: usize| {
            self.toks[j].kind != Kind::Word || !self.is(j, lexicon::STOP | lexicon::CONNECT)
        };
        (k < v && boundary && edge(k) && edge(v - 1))
            .then(|| Span::new(self.toks[k].span.start, self.toks[v - 1].span.end))
    }

    /// "One employee at the ferry firm said", "Staff for the committee
    /// said", "Aides to Mayor Hale said": when mention `m` right before the
    /// verb is a preposition's object, the speaker is the whole noun phrase
    /// it ends, from its clause's start: where that phrase opens and where
    /// its preposition stands, both token numbers. `None` when `m` follows
    /// no preposition, or what comes before it is a clause ("officials who
    /// spoke with …", "she met the crowd in …") or has no clear start.
    pub(super) fn phrase_opening(&self, m: usize) -> Option<(usize, usize)> {
        let mut j = self.mentions[m].toks.0;
        while j > 0 && self.is(j - 1, lexicon::DET) {
            j -= 1;
        }
        let prep = j.checked_sub(1)?;
        let prepositions = ["in", "at", "on", "from", "for", "with", "by", "among", "to"];
        if !self.is(prep, lexicon::STOP | lexicon::CONNECT)
            || !lower_in(self.word(prep), &prepositions)
        {
            return None;
        }
        let mut k = prep;
        while k > 0 && k + 12 > prep {
            if self.clause_starts_at(k, prep) {
                break;
            }
            let b = k - 1;
            let w = self.word(b);
            // A speech verb or a relative word: a clause, not a phrase.
            let clause = self.toks[b].info.reporting.is_some()
                || lower_in(w, &["who", "which", "where", "when", "whose", "that"]);
            if !self.outside(b) || self.toks[b].kind == Kind::Punct || clause {
                return None;
            }
            k = b;
        }
        // The phrase opens its clause, with neither a verb nor a pronoun.
        let opens = self.clause_starts_at(k, prep);
        let first = self.word(k);
        let pronoun = self
            .mention_starting(k)
            .is_some_and(|p| self.mentions[p].kind == MentionKind::Pronoun);
        let head_ok = k < prep
            && !pronoun
            && self.toks[k].info.verb.is_none()
            && self.toks[k].info.reporting.is_none()
            && !lower_in(first, &["it", "there"])
            // A phrase that opens with a preposition is no subject: "In
            // response to …", "According to three people …".
            && !lower_in(
                first,
                &[
                    "according", "in", "on", "at", "with", "by", "from", "as", "after", "before",
                ],
            )
            && !self.is(k, lexicon::AUX | lexicon::CONNECT);
        (opens && head_ok).then_some((k, prep))
    }

    /// "Mark Hale from the Harbour Trust said": when a phrase around a
    /// preposition's object (see [`Para::phrase_opening`]) opens at token
    /// `first` with a person's name that ends right before the preposition
    /// at `prep`, that name.
    pub(super) fn person_opening(&self, first: usize, prep: usize) -> Option<usize> {
        let p = self.mention_starting(first)?;
        (self.mentions[p].toks.1 == prep && self.people[p]).then_some(p)
    }

    /// "A person familiar with the talks said", "sources close to the
    /// campaign say", "an official with knowledge of the plan said": an
    /// anonymous source and the phrase that tells how it knows, right
    /// before the verb at `verb_at`. The source is the whole phrase.
    pub(super) fn familiar_phrase(&self, verb_at: usize) -> Option<Span> {
        let v = self.before_auxiliaries(verb_at);
        let mut j = v;
        while j > 1 && j + 10 > v {
            j -= 1;
            let t = &self.toks[j];
            // (A verb of stance here is a noun: "familiar with the plan".)
            if !self.outside(j) || t.kind != Kind::Word {
                return None;
            }
            let (w, next) = (self.word(j), self.word(j + 1));
            let opens = (lower_in(w, &["familiar", "close"]) && lower_in(next, &["with", "to"]))
                || (lower_in(w, &["with"]) && lower_in(next, &["knowledge"]))
                || (lower_in(w, &["briefed"]) && lower_in(next, &["on"]));
            if opens {
                let m = self.mention_ending(j - 1)?;
                let group = self.mentions[m].kind == MentionKind::Group;
                return group
                    .then(|| Span::new(self.mentions[m].span.start, self.toks[v - 1].span.end));
            }
        }
        None
    }

    /// "X continued to call for …": the subject of the verb before "to".
    pub(super) fn infinitive_subject(&self, k: usize) -> Option<usize> {
        let to = k.checked_sub(1)?;
        let verb = to.checked_sub(1)?;
        let ok = lower_in(self.word(to), &["to"])
            && self.toks[verb].kind == Kind::Word
            && !self.toks[verb].cap;
        ok.then(|| self.subject_before(verb)).flatten()
    }

    /// The first person-like mention of the sentence, before token `k`
    /// (the subject a participle such as "saying" refers to).
    pub(super) fn sentence_subject(&self, k: usize) -> Option<usize> {
        self.subject[self.sentence[k]].filter(|&m| self.mentions[m].toks.1 <= k)
    }

    /// Is mention `m` plural: "officials", "they", "X and Y"?
    pub(super) fn plural(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        let coordinated = mention.toks.0 > 0 && lower_in(self.word(mention.toks.0 - 1), &["and"]);
        mention.plural || coordinated || lower_in(&self.text[mention.span], &["we", "i", "you"])
    }

    /// "Polls show", "most voters say", "six in 10 say": a plural noun or a
    /// number, no known mention, right before the verb at `v` (across an
    /// adverb), so a bare verb form there is a plural present.
    pub(super) fn plural_noun_before(&self, v: usize) -> bool {
        let mut k = v;
        while k > 0 && k + 2 > v && self.is(k - 1, lexicon::AUX) && !self.is_be(k - 1) {
            k -= 1;
        }
        let Some(n) = k.checked_sub(1) else {
            return false;
        };
        let t = self.toks[n];
        if t.quote.is_some() || self.ends_at[n].is_some() {
            return false;
        }
        self.plural_word(n)
    }

    /// Is token `n` a plural noun, a quantifier or a number ("voters",
    /// "people", "most", "10")?
    fn plural_word(&self, n: usize) -> bool {
        let t = self.toks[n];
        if t.kind == Kind::Number {
            // "six in 10", "seven of 10"; a bare count is more often a modifier.
            return n > 0 && lower_in(self.word(n - 1), &["in", "of"]);
        }
        if t.kind != Kind::Word {
            return false;
        }
        let w = self.word(n);
        let b = w.as_bytes();
        // "those surveyed", "those polled": a participle standing for people.
        if n > 0 && w.ends_with("ed") && lower_in(self.word(n - 1), &["those"]) {
            return true;
        }
        // (The byte and class tests first: the lists are longer to go through.)
        let regular = b.len() > 3
            && b[b.len() - 1] == b's'
            && !matches!(b[b.len() - 2], b's' | b'u' | b'i' | b'\'' | b'\x99')
            && t.info.verb.is_none()
            && t.info.reporting.is_none()
            && !self.is(
                n,
                lexicon::STOP | lexicon::DET | lexicon::AUX | lexicon::CONNECT,
            );
        // "one in four", "two of three".
        let count =
            || n > 1 && lower_in(self.word(n - 1), &["in", "of"]) && lower_in(w, NUMBER_WORDS);
        regular || count() || lower_in(w, PLURAL_NOUNS)
    }

    /// "Aides to the mayor say": mention `m`, right before the verb at `v`
    /// (auxiliaries aside), is a preposition's object in a phrase (see
    /// [`Para::phrase_opening`]) with a plural noun before the preposition.
    pub(super) fn in_plural_phrase(&self, m: usize, v: usize) -> bool {
        if !(self.mentions[m].toks.1..v).all(|j| self.is(j, lexicon::AUX)) {
            return false;
        }
        self.phrase_opening(m)
            .is_some_and(|(first, prep)| (first..prep).any(|j| self.plural_word(j)))
    }

    /// Is mention `m` a name that reads as a plural: one capitalised word in
    /// -s ("Associates say", "Americans say") or a family ("the Lopezes")?
    /// Before a bare verb form a singular name would be ungrammatical.
    pub(super) fn plural_name(&self, m: usize) -> bool {
        let (a, b) = self.mentions[m].toks;
        let family = a > 0 && lower_in(self.word(a - 1), &["the"]);
        (b == a + 1 || family) && self.plural_word(b - 1)
    }

    /// Is mention `m` the pronoun "it"? Only next to a quote does "it" name
    /// a speaker (`"…," it said`); elsewhere it is usually a clause's subject.
    pub(super) fn is_it(&self, m: usize) -> bool {
        let mention = &self.mentions[m];
        mention.kind == MentionKind::Pronoun && self.text[mention.span].eq_ignore_ascii_case("it")
    }
}
