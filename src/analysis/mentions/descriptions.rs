//! Descriptions: role nouns ("the US president") and anonymous or
//! collective sources ("a spokesperson", "officials").

use super::*;
use crate::analysis::lexicon::{self, Lexicon};
use crate::analysis::tokens::{Kind, Token};
use crate::analysis::Span;

/// Can this token head a description (a source or role noun, or the first
/// word of a several-word one)?
fn may_head(t: &Token) -> bool {
    t.info.flags & (lexicon::GROUP | lexicon::PAIR) != 0 || t.info.role.is_some()
}

/// The next token at or after a point that may head a description. The
/// mention finder asks with ever later windows, so one pointer moving forward
/// answers every question of a paragraph in one pass over its tokens.
pub(super) struct Heads {
    /// The first such token at or after the last point asked about.
    next: usize,
}

impl Heads {
    pub(super) fn new(toks: &[Token]) -> Heads {
        let mut heads = Heads { next: 0 };
        heads.seek(toks, 0);
        heads
    }

    fn seek(&mut self, toks: &[Token], from: usize) {
        self.next = from;
        while self.next < toks.len() && !may_head(&toks[self.next]) {
            self.next += 1;
        }
    }

    /// May a token in `window` head a description? Windows must not start
    /// before an earlier one.
    pub(super) fn within(&mut self, toks: &[Token], window: std::ops::Range<usize>) -> bool {
        if self.next < window.start {
            self.seek(toks, window.start);
        }
        self.next < window.end
    }
}

/// A lowercase source or role noun (one or two words) at `i`, not followed by a name.
pub(super) fn noun_phrase_head(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    i: usize,
) -> Option<usize> {
    let t = toks.get(i)?;
    // Most words can head nothing: their lexicon entry says so at once.
    // "Democrats", "Republicans": capitalised collective sources.
    if !may_head(t) || t.kind != Kind::Word || (t.cap && t.info.flags & lexicon::GROUP == 0) {
        return None;
    }
    let info = t.info;
    let known_pair = || {
        lexicon::with_lower_words(&[&text[t.span], word(text, toks, i + 1)], |two| {
            lex.roles.contains_key(two) || lex.groups.contains(two)
        })
    };
    let end = if info.flags & lexicon::PAIR != 0 && is_word(toks, i + 1) && known_pair() {
        i + 2
    } else if info.flags & lexicon::GROUP != 0 || info.role.is_some() {
        i + 1
    } else {
        return None;
    };
    let name_follows = toks.get(end).is_some_and(|t| t.cap && t.kind == Kind::Word);
    (!name_follows).then_some(end)
}

/// Does the token's text end in `s` ("officials")?
fn ends_in_s(text: &str, t: &Token) -> bool {
    text.as_bytes()[t.span.end - 1] == b's'
}

/// Lowercase descriptions: role nouns ("the US president", "the company's
/// chief executive") and groups ("a spokesperson", "officials").
#[inline]
pub(super) fn description(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    i: usize,
    heads: &mut Heads,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let t = &toks[i];
    if t.kind != Kind::Word {
        return None;
    }
    let before = &text.as_bytes()[..t.span.end];
    let possessive = before.ends_with(b"'s") || before.ends_with("\u{2019}s".as_bytes());
    // "told the meeting that officers had …": "that" before a plural opens a
    // clause; it is no determiner.
    let clause_that = || {
        let next = tok_info(toks, i + 1);
        next.flags & lexicon::GROUP != 0
            && ends_in_s(text, &toks[i + 1])
            && lower_in(word(text, toks, i), &["that", "this"])
    };
    let definite = (t.info.flags & lexicon::DET != 0 && !clause_that()) || possessive;
    let indefinite = t.info.flags & lexicon::INDEF != 0;
    let start = if definite || indefinite { i + 1 } else { i };
    let window = start..(start + 5).min(toks.len());
    if !heads.within(toks, window.clone()) {
        return None;
    }
    describe(lex, text, toks, i, window, (definite, indefinite), out)
}

/// The description at `i` whose head lies in `window`, if any: the part of
/// [`description`] past its quick tests, kept out of line so the mention
/// finder's loop stays small.
#[inline(never)]
fn describe(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    i: usize,
    window: std::ops::Range<usize>,
    (definite, indefinite): (bool, bool),
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let start = window.start;
    for k in window {
        if !is_word(toks, k)
            || (tok_is(toks, k, lexicon::STOP)
                && (k == start || !tok_is(toks, k, lexicon::CONNECT)))
            || is_finite_verb(toks, k)
        {
            return None;
        }
        let group_word = tok_is(toks, k, lexicon::GROUP);
        // "Democratic strategists", "Senior officials": a capitalised word
        // right before a plural group noun is its modifier.
        let modifier = || {
            toks.get(k + 1)
                .is_some_and(|n| !n.cap && n.kind == Kind::Word)
                && tok_is(toks, k + 1, lexicon::GROUP)
                && ends_in_s(text, &toks[k + 1])
        };
        if toks[k].cap && k == start && !definite && !indefinite && !group_word && !modifier() {
            return None;
        }
        let Some(mut end) = noun_phrase_head(lex, text, toks, k) else {
            continue;
        };
        // "campaign chairman": the last of several head nouns is the head.
        while let Some(longer) = noun_phrase_head(lex, text, toks, end) {
            end = longer;
        }
        // "the Republican presidential nominee": a capitalised group word
        // before a role is an adjective; the role after it is the head.
        if toks[k].cap {
            let mut j = end;
            while j < (end + 2).min(toks.len())
                && is_word(toks, j)
                && !toks[j].cap
                && !tok_is(toks, j, lexicon::STOP)
                && !is_finite_verb(toks, j)
                && tok_info(toks, j).role.is_none()
            {
                j += 1;
            }
            if tok_info(toks, j).role.is_some() && !toks[j].cap {
                if let Some(mut longer) = noun_phrase_head(lex, text, toks, j) {
                    while let Some(more) = noun_phrase_head(lex, text, toks, longer) {
                        longer = more;
                    }
                    end = longer;
                }
            }
        }
        let plural = tok_is(toks, end - 1, lexicon::GROUP) && ends_in_s(text, &toks[end - 1]);
        // A one-word head's role is in its token's lexicon entry already.
        let role = if end == k + 1 {
            tok_info(toks, k).role
        } else {
            lexicon::with_lower(
                &text[Span::new(toks[k].span.start, toks[end - 1].span.end)],
                |r| lex.roles.get(r).copied(),
            )
            .or_else(|| tok_info(toks, end - 1).role)
        };
        let kind = if definite && role.is_some() && !plural {
            MentionKind::RoleNoun
        } else if definite || indefinite || plural {
            MentionKind::Group
        } else {
            return None;
        };
        // "Federal and state officials", "Regulators and environmental groups".
        let coordinated = !definite
            && !indefinite
            && i >= 2
            && lower_in(word(text, toks, i - 1), &["and", "or"])
            && is_word(toks, i - 2)
            && out.last().is_none_or(|p: &Mention| p.toks.1 <= i - 2);
        let first = if coordinated { i - 2 } else { i };
        let mut m = simple(
            Span::new(toks[first].span.start, toks[end - 1].span.end),
            (first, end),
            kind,
            toks[i].quote.is_some(),
        );
        m.gender = role.unwrap_or_default();
        m.plural = plural || coordinated;
        m.head = Some(Span::new(toks[k].span.start, toks[end - 1].span.end));
        out.push(m);
        return Some(end);
    }
    None
}
