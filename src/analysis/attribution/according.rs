//! Sources named before or after what they report, with no verb: "according
//! to X" and "in a poll": the clause each reports and where it ends.

use super::*;

/// Words that open a sentence by linking it to the one before: "But,
/// according to X, …" still opens with its attribution.
const SENTENCE_LINKS: &[&str] = &[
    "but",
    "and",
    "yet",
    "so",
    "still",
    "now",
    "however",
    "also",
    "meanwhile",
    "instead",
    "indeed",
    "overall",
    "then",
    "moreover",
    "further",
    "plus",
    "today",
    "yesterday",
];

impl Para<'_> {
    /// What "according to X" (or "in a poll", the poll's noun at `k`) at
    /// the cue `cue`, its last token `e`, reports: after it when it opens
    /// the sentence, the whole sentence when it is an aside after a short
    /// opening phrase, else what comes before it.
    pub(super) fn reported_by_source(&self, k: usize, cue: Span, e: usize) -> Option<Reported> {
        if is_in(&self.text[cue]) {
            // The cue is the "in" before the poll noun at `k`.
            let i = self.toks.partition_point(|t| t.span.start < cue.start);
            let attr = self.poll_source(i, k, cue);
            return self.reported_by_poll(i, attr);
        }
        let attr = self.according(cue, e, false)?;
        let start = self.sentence_start(k);
        let source_end = attr.source.map_or(e + 1, |s| {
            self.toks.partition_point(|t| t.span.end <= s.end)
        });
        // "But, according to X, …": a connective before it leaves it first.
        // "The vote was close: According to early returns, …": after a
        // colon or a semicolon a new clause opens as a sentence does.
        let opening = start == k
            || start + 1 == k
            || (start + 2 == k
                && self.punct(start + 1, ",")
                && lower_in(self.word(start), SENTENCE_LINKS))
            || (k > start && self.punct(k - 1, ":;"));
        if opening {
            let mut a = source_end.max(e + 1);
            if self.punct(a, ",") {
                a += 1;
            } else if let Some(comma) = self.comma_after_source(a) {
                // "According to a poll by X/Y out Thursday, the …": the
                // source runs on to its comma.
                a = comma + 1;
            }
            // "According to the harbour master, Ruth Lindqvist, the
            // ferry …": a name set off by commas that is the source's
            // own belongs to the source, not to the clause.
            if let Some(m) = self.mention_starting(a) {
                let end = self.mentions[m].toks.1;
                let same = attr.entity.is_some() && self.ents[m] == attr.entity;
                if same && a > e + 1 && self.punct(a - 1, ",") && self.punct(end, ",") {
                    a = end + 1;
                }
            }
            return Some((
                self.clause(a, self.sentence_end(a.min(self.toks.len() - 1)))?,
                attr,
            ));
        }
        // "Since May, according to the agency, prices have …": an aside
        // inside the sentence, which all of it reports.
        // Only after a short opening phrase or before a conjunction: a
        // whole clause before it is what it reports, and what follows
        // the source's comma is more about the source ("…, according to
        // X, a former aide, …").
        let end = self.sentence_end(k);
        let next = source_end + 1;
        let aside = k > start
            && self.punct(k - 1, ",")
            && self.punct(source_end, ",")
            && next + 2 < end
            && (k <= start + 8
                || lower_in(
                    self.word(next),
                    &["and", "but", "although", "though", "while"],
                ));
        if aside && (start..end).all(|j| self.outside(j)) {
            let span = Span::new(self.toks[start].span.start, self.toks[end - 1].span.end);
            return Some((span, attr));
        }
        Some((self.clause(start, k)?, attr))
    }

    /// The "in" a few words before the poll noun at token `k`: "in a
    /// CBS News poll", "In the latest Post-ABC survey".
    pub(super) fn poll_in(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while j > 0 && j + 9 > k {
            j -= 1;
            let t = &self.toks[j];
            let joined = t.kind == Kind::Punct && self.punct(j, "/-");
            if t.quote.is_some() || self.sentence[j] != self.sentence[k] {
                return None;
            }
            if t.kind == Kind::Punct && !joined {
                return None;
            }
            if t.info.verb.is_some() && !t.cap {
                return None;
            }
            if is_in(self.word(j)) {
                // Not "in which the polls …".
                let relative = lower_in(self.word(j + 1), &["which", "whose", "what"]);
                return (!relative).then_some(j);
            }
        }
        None
    }

    /// The poll named after "in" at token `i`, its noun at `k`: up to the
    /// next mark ("in a poll released Monday, …"), at most a few words on.
    pub(super) fn poll_source(&self, i: usize, k: usize, cue: Span) -> Attribution {
        // "released Monday", "by the Pew Research Center": what tells
        // which poll; "over Cruz in Indiana" is no more of its name.
        let told = lower_in(
            self.word(k + 1),
            &[
                "released",
                "conducted",
                "taken",
                "published",
                "out",
                "last",
                "this",
                "from",
                "by",
                "of",
            ],
        );
        let stop = if told {
            (k + 8).min(self.sentence_end(k))
        } else {
            k + 1
        };
        let mut end = k + 1;
        while end < stop && self.outside(end) && self.toks[end].kind == Kind::Word {
            end += 1;
        }
        Attribution {
            entity: None,
            source: Some(Span::new(
                self.toks[i + 1].span.start,
                self.toks[end - 1].span.end,
            )),
            cue: Some(cue),
            evidence: Evidence::According,
        }
    }

    /// What "in a poll" at token `i` reports: after "In a poll released
    /// Monday," the rest of the sentence; before "in the latest poll" at
    /// its end, the sentence up to it.
    fn reported_by_poll(&self, i: usize, attr: Attribution) -> Option<Reported> {
        let source_end = attr.source.map_or(i + 1, |s| {
            self.toks.partition_point(|t| t.span.end <= s.end)
        });
        let start = self.sentence_start(i);
        let end = self.sentence_end(i);
        if start == i {
            if !self.punct(source_end, ",") {
                return None;
            }
            return Some((self.clause(source_end + 1, end)?, attr));
        }
        // Only at the end of its sentence or clause: "Mr. Lopez leads in
        // the polls" is the finding, "the lead in the polls has grown" not.
        let last = source_end >= end || self.punct(source_end, ",;");
        if !last {
            return None;
        }
        Some((self.clause(start, i)?, attr))
    }

    /// The comma that ends an "according to" source at token `a` the
    /// source's mention stopped short of, a few plain words on.
    fn comma_after_source(&self, a: usize) -> Option<usize> {
        let stop = (a + 12).min(self.toks.len());
        (a..stop)
            .take_while(|&j| self.outside(j) && self.sentence[j] == self.sentence[a])
            .find(|&j| {
                self.punct(j, ",") || (self.toks[j].info.reporting.is_some() && !self.toks[j].cap)
            })
            .filter(|&j| self.punct(j, ","))
    }
}
