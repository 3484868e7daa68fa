//! Role phrases around a name: "White House press secretary Sarah Sanders",
//! "Dan Coats, the US director of national intelligence,".

use super::*;
use crate::analysis::lexicon::{self, Lexicon};
use crate::analysis::tokens::{Kind, Token};
use crate::analysis::Span;

/// Is there a role head (one or two words) ending at token `k`?
pub(super) fn role_ends_at(lex: &Lexicon, text: &str, toks: &[Token], k: usize) -> bool {
    if !is_word(toks, k) {
        return false;
    }
    if tok_info(toks, k).role.is_some() {
        return true;
    }
    let w = word(text, toks, k);
    k > 0
        && tok_is(toks, k - 1, lexicon::PAIR)
        && lexicon::with_lower_words(&[word(text, toks, k - 1), w], |pair| {
            lex.roles.contains_key(pair)
        })
}

/// A role phrase ending just before token `end`: "White House press secretary",
/// "former US ambassador to Russia". Returns its first token.
pub(super) fn role_before(lex: &Lexicon, text: &str, toks: &[Token], end: usize) -> Option<usize> {
    let mut head = None;
    for k in (end.saturating_sub(6)..end).rev() {
        if !is_word(toks, k)
            || (tok_is(toks, k, lexicon::STOP) && !tok_is(toks, k, lexicon::CONNECT))
        {
            break;
        }
        if role_ends_at(lex, text, toks, k) {
            head = Some(k);
            break;
        }
    }
    let head = head?;
    // Between the role and the name only a prepositional tail may stand:
    // "ambassador to Russia", "director of national intelligence" (after
    // "to" only names: "adviser to invite Putin" is no role).
    let mut connected = false;
    let mut after_to = false;
    for k in head + 1..end {
        if tok_is(toks, k, lexicon::CONNECT) {
            connected = true;
            after_to = word(text, toks, k).eq_ignore_ascii_case("to");
        } else if !connected || (after_to && !toks[k].cap) {
            return None;
        }
    }
    // Before the head: capitalised words and the words roles are made of
    // ("White House press secretary", "former US ambassador").
    let mut first = head;
    while first > 0 && first + 7 > end {
        let k = first - 1;
        let modifier = || lower_in(word(text, toks, k), lexicon::ROLE_MODIFIERS);
        let ok = is_word(toks, k)
            && !tok_is(toks, k, lexicon::STOP | lexicon::DET | lexicon::CONNECT)
            && !is_finite_verb(toks, k)
            && (toks[k].cap || tok_is(toks, k, lexicon::ROLE_WORD) || modifier());
        if !ok {
            break;
        }
        first -= 1;
    }
    Some(first)
}

/// An appositive role after a name: "Dan Coats, the US director of national
/// intelligence, said". Returns the role's token range.
pub(super) fn role_after(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    e: usize,
) -> Option<(usize, usize)> {
    if !toks.get(e).is_some_and(|t| t.is(text, ',')) {
        return None;
    }
    let mut k = e + 1;
    while toks.get(k).is_some_and(|t| t.kind == Kind::Number)
        || toks.get(k).is_some_and(|t| t.is(text, ','))
    {
        k += 1;
    }
    // "the" is a determiner, "a" and "an" indefinite: the flags rule out
    // other words without their text.
    if tok_is(toks, k, lexicon::DET | lexicon::INDEF)
        && lower_in(word(text, toks, k), &["the", "a", "an"])
    {
        k += 1;
    }
    let start = k;
    let mut has_head = false;
    while k < toks.len() && k < start + 12 {
        let t = toks[k];
        // Every one of these words is a stop word in the lexicon.
        let ends = || {
            t.info.flags & lexicon::STOP != 0
                && lower_in(
                    word(text, toks, k),
                    &["who", "which", "that", "and", "said", "says", "told"],
                )
        };
        if t.kind != Kind::Word || t.quote.is_some() || ends() {
            break;
        }
        has_head |= role_ends_at(lex, text, toks, k);
        k += 1;
    }
    (has_head && k > start).then_some((start, k))
}

/// Attach the role phrase written around a person's name. Returns the token
/// after an appositive role, so it is not read again as a mention of its own.
pub(super) fn extend_role(lex: &Lexicon, text: &str, toks: &[Token], m: &mut Mention) -> usize {
    let (s, e) = m.toks;
    let span = |a: usize, b: usize| Span::new(toks[a].span.start, toks[b - 1].span.end);
    let prefix_end = s;
    if let Some(first) = role_before(lex, text, toks, prefix_end) {
        let end = m.role.map_or(prefix_end, |_| e.min(m.toks.1));
        let role_end = m.role.map_or(span(first, prefix_end).end, |r| {
            r.end.max(toks[prefix_end - 1].span.end)
        });
        let _ = end;
        m.role = Some(Span::new(toks[first].span.start, role_end));
        m.span.start = toks[first].span.start;
        m.toks.0 = first;
        return e;
    }
    if let Some((a, b)) = role_after(lex, text, toks, e) {
        m.role = Some(span(a, b));
        return b;
    }
    // "Its chief executive, Marcus Bell,"
    if s >= 2 && toks[s - 1].is(text, ',') && role_ends_at(lex, text, toks, s - 2) {
        if let Some(first) = role_before(lex, text, toks, s - 1) {
            m.role = Some(span(first, s - 1));
        }
    }
    e
}
