//! Subjects that are no single mention: a share of a group ("Six in 10
//! voters said …", "About 9 percent said …", "Most of the candidates say
//! …"), whose speaker is the share, not the group; and a poll or report
//! described after its noun ("New polls released Sunday showed …").

use super::*;

/// Words that may come before the share itself: "about half", "more than
/// six in 10", "a large majority".
const SHARE_PREFIX: &[&str] = &[
    "about",
    "nearly",
    "almost",
    "roughly",
    "around",
    "approximately",
    "more",
    "less",
    "fewer",
    "than",
    "only",
    "just",
    "over",
    "under",
    "a",
    "the",
    "large",
    "vast",
    "slim",
    "narrow",
    "strong",
    "clear",
    "solid",
    "bare",
    "overwhelming",
];

/// Words that are a share on their own: "half said", "a majority of …".
const SHARE_WORDS: &[&str] = &[
    "half",
    "most",
    "majority",
    "majorities",
    "percent",
    "third",
    "thirds",
    "quarter",
    "quarters",
];

/// Numbers written as words: a share only when a count follows ("six in
/// 10", "one of three") or they stand alone before the verb ("Six said").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

impl Para<'_> {
    /// The first of up to two auxiliaries right before the verb at
    /// `verb_at` ("have said", "had also found"), or the verb itself.
    pub(super) fn before_auxiliaries(&self, verb_at: usize) -> usize {
        let mut v = verb_at;
        while v > 0 && v + 3 > verb_at && self.outside(v - 1) && self.is(v - 1, lexicon::AUX) {
            v -= 1;
        }
        v
    }

    /// The share of a group that is the subject of the verb at `verb_at`:
    /// "Six in 10 voters", "About 9 percent", "Two-thirds of insiders",
    /// opening its sentence or clause. A number or share word must lead
    /// it, after at most a few words such as "about" or "more than".
    pub(super) fn share_subject(&self, verb_at: usize) -> Option<Span> {
        let v = self.before_auxiliaries(verb_at);
        // A name or a pronoun right before the verb is its subject: most
        // verbs are ruled out here, before any look at the words.
        let named = |m: usize| {
            matches!(
                self.mentions[m].kind,
                MentionKind::Name | MentionKind::Pronoun
            )
        };
        if v == 0 || mention_of(self.ends_at[v - 1]).is_some_and(named) {
            return None;
        }
        // The phrase ends in a plural, a number or the share itself:
        // "… voters", "six in 10", "about half".
        let head = self.word(v - 1);
        let plural = self.toks[v - 1].kind == Kind::Number
            || head.ends_with('s')
            || lower_in(head, SHARE_WORDS);
        if !plural {
            return None;
        }
        // Back to the phrase's start: plain words of the same sentence.
        let link = |l: &[u8]| matches!(l, b"and" | b"but" | b"while" | b"as" | b"when");
        let mut k = v;
        while k > 0 && k + 14 > v {
            let j = k - 1;
            let t = &self.toks[j];
            if t.quote.is_some() || t.kind == Kind::Punct || self.sentence[j] != self.sentence[v] {
                break;
            }
            // (Every word looked for is short.)
            let lower = if t.span.len() <= 5 {
                self.lower(j)
            } else {
                Lower::default()
            };
            let l = lower.as_bytes();
            if link(l) {
                break;
            }
            // Another verb, or a relative clause ("those who said"): no
            // plain noun phrase.
            let relative = matches!(l, b"who" | b"that" | b"which" | b"whose");
            let aux = j + 1 < v && t.info.flags & lexicon::AUX != 0;
            if t.info.verb.is_some() || t.info.reporting.is_some() || relative || aux {
                return None;
            }
            k = j;
        }
        let opens = k == 0
            || self.sentence[k - 1] != self.sentence[v]
            || self.toks[k - 1].kind == Kind::Punct
            || link(self.lower(k - 1).as_bytes());
        if k == v || !opens {
            return None;
        }
        // The share leads: past its prefix words, a number or share word.
        let mut s = k;
        while s < v && s < k + 3 && lower_in(self.word(s), SHARE_PREFIX) {
            s += 1;
        }
        if s == v {
            return None;
        }
        let w = self.word(s);
        let last = w.rsplit_once('-').map_or(w, |(_, last)| last);
        let next = self.word(s + 1);
        // "One of the staffers" is one person; "two of three voters" a share.
        let of_count = lower_in(next, &["of"])
            && (self.toks.get(s + 2).is_some_and(|t| t.kind == Kind::Number)
                || lower_in(self.word(s + 2), NUMBER_WORDS));
        let counted = s + 1 == v || lower_in(next, &["in", "percent"]) || next == "%" || of_count;
        let number = self.toks[s].kind == Kind::Number || lower_in(last, NUMBER_WORDS);
        // "the most", "at most": a superlative, not a share.
        let most = lower_in(w, &["most"]);
        let share = (lower_in(last, SHARE_WORDS) && !(most && s > k)) || (number && counted);
        share.then(|| Span::new(self.toks[k].span.start, self.toks[v - 1].span.end))
    }

    /// "New polls released Sunday showed …", "Exit polls taken in the
    /// state found …": a group or document mention with a participle
    /// phrase after it, opening its sentence, is the subject of the verb
    /// at `verb_at`; the source is the whole phrase.
    pub(super) fn described_subject(&self, verb_at: usize) -> Option<Span> {
        let v = self.before_auxiliaries(verb_at);
        // "The Texas Republican worked two decades in banking and says …": after
        // "and" the -ed word was a verb of its own, not a participle.
        if v > 0 && lower_in(self.word(v - 1), &["and", "but", "or"]) {
            return None;
        }
        let mut j = v;
        let mut described = None;
        while j > 1 && j + 12 > v {
            j -= 1;
            let t = &self.toks[j];
            if t.quote.is_some() || self.sentence[j] != self.sentence[v] {
                return None;
            }
            if t.kind == Kind::Punct && !self.punct(j, "/-") {
                return None;
            }
            // (Most words follow no mention: that is looked at first.)
            let Some(m) = mention_of(self.ends_at[j - 1]) else {
                continue;
            };
            let w = self.word(j);
            let participle = t.kind == Kind::Word
                && !t.cap
                && (w.ends_with("ed") || lower_in(w, &["taken", "made", "written", "given"]));
            if participle && self.mentions[m].kind == MentionKind::Group {
                described = Some(j - 1);
                break;
            }
        }
        let m = mention_of(self.ends_at[described?])?;
        // Back from the mention to where its phrase opens the sentence.
        let mut k = self.mentions[m].toks.0;
        while k > 0 && k + 4 > self.mentions[m].toks.0 {
            let t = &self.toks[k - 1];
            let plain = t.kind == Kind::Word
                && t.quote.is_none()
                && t.info.verb.is_none()
                && t.info.reporting.is_none()
                && !self.is(k - 1, lexicon::STOP | lexicon::AUX);
            if !plain || self.sentence[k - 1] != self.sentence[v] {
                break;
            }
            k -= 1;
        }
        let opens = k == 0
            || self.sentence[k - 1] != self.sentence[v]
            || self.toks[k - 1].kind == Kind::Punct;
        opens.then(|| Span::new(self.toks[k].span.start, self.toks[v - 1].span.end))
    }
}
