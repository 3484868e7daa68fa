//! Proper names: capitalised runs, titles before them, what they name.

use super::descriptions::noun_phrase_head;
use super::roles::extend_role;
use super::*;
use crate::analysis::lexicon::{self, Gender, Lexicon};
use crate::analysis::tokens::{Kind, Token};
use crate::analysis::Span;

/// The capitalised run starting at `i`: capitalised words, initials,
/// surname particles and `of` between capitalised words. Stops at quotes.
pub(super) fn cap_run(text: &str, toks: &[Token], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && j - i < 8 && toks[j].quote == toks[i].quote {
        let t = toks[j];
        let joins_next = toks
            .get(j + 1)
            .is_some_and(|n| n.cap && n.kind == Kind::Word);
        // "of" is a connector: the flag settles other words without their text.
        let joins = |t: Token| {
            t.info.flags & lexicon::PARTICLE != 0
                || (t.info.flags & lexicon::CONNECT != 0 && &text[t.span] == "of")
        };
        let ok = t.kind == Kind::Word && (t.cap || (j > i && joins_next && joins(t)));
        // Title-case headlines: "Clinton Goes After Trump", "Trump Says He …".
        let breaks =
            j > i && t.cap && (t.info.flags & lexicon::NOT_NAME != 0 || t.info.verb.is_some());
        if breaks {
            break;
        }
        if !ok {
            break;
        }
        j += 1;
    }
    j
}

/// The longest title starting at token `i`, as (end token, gender).
pub(super) fn title_at(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    i: usize,
    end: usize,
) -> Option<(usize, Gender)> {
    // Every title's first word is marked MULTI: most words need no key built.
    if !tok_is(toks, i, lexicon::MULTI) {
        return None;
    }
    let last = end.min(i + lex.title_words);
    let mut best = None;
    // The key is built on the stack for short ASCII words.
    let mut buf = [0u8; 64];
    let mut len = 0;
    let fits = toks[i..last].iter().all(|t| text[t.span].is_ascii())
        && toks[i..last]
            .iter()
            .map(|t| t.span.len() + 1)
            .sum::<usize>()
            <= buf.len();
    if fits {
        // The words joined and checked as text once; each shorter key is a
        // prefix of the longest.
        for (n, t) in toks[i..last].iter().enumerate() {
            if n > 0 {
                buf[len] = b' ';
                len += 1;
            }
            let w = &text.as_bytes()[t.span.start..t.span.end];
            buf[len..len + w.len()].copy_from_slice(w);
            len += w.len();
        }
        buf[..len].make_ascii_lowercase();
        let key = std::str::from_utf8(&buf[..len]).unwrap_or("");
        let mut end = 0;
        for (n, t) in toks[i..last].iter().enumerate() {
            end += usize::from(n > 0) + t.span.len();
            if let Some(&g) = key.get(..end).and_then(|k| lex.titles.get(k)) {
                best = Some((i + n + 1, g));
            }
        }
        return best;
    }
    let mut key = String::new();
    for j in i..last {
        if j > i {
            key.push(' ');
        }
        key.extend(text[toks[j].span].chars().flat_map(char::to_lowercase));
        if let Some(&g) = lex.titles.get(&key) {
            best = Some((j + 1, g));
        }
    }
    best
}

pub(super) fn name(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    i: usize,
    title_case: &OnceCell<bool>,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    if !toks[i].cap || toks[i].kind != Kind::Word {
        return None;
    }
    let end = cap_run(text, toks, i);
    let mut start = i;
    // A common word opening a sentence ("But", "Earlier") is no name; inside a
    // sentence, a capitalised common word before another one is part of a
    // name ("Port Wendell"), unless it is a function word or a day.
    let initial = i == 0
        || toks[i - 1].quote != toks[i].quote
        || (toks[i - 1].kind == Kind::Punct && opens_sentence(text, toks[i - 1]));
    let function = lexicon::STOP | lexicon::DET | lexicon::INDEF | lexicon::DAY;
    while start < end && tok_is(toks, start, lexicon::NOT_NAME) {
        let alone = start + 1 == end;
        if !(initial || alone || tok_is(toks, start, function)) {
            break;
        }
        start += 1;
    }
    // "Residents of Mill Lane": the source noun heads the phrase; the name
    // after "of" is found from there.
    if start > i && tok_is(toks, i, lexicon::GROUP) && word(text, toks, i + 1) == "of" {
        return None;
    }
    // Headlines and datelines in capitals ("WASHINGTON —") are not names;
    // a lone acronym ("FBI") names an organisation.
    let shouting = (start..end)
        .filter(|&k| is_shouting(word(text, toks, k)))
        .count();
    if shouting > 1 || (shouting == 1 && end - start > 1) {
        return Some(end);
    }
    if start == end {
        // "The", "But": let the description rules read on from here.
        return None;
    }
    // The last title in the run separates the role from the name:
    // "Secretary of State | Mike Pompeo", "Russian President | Vladimir Putin".
    let mut name_start = start;
    let mut title: Option<(usize, Gender)> = None;
    let mut k = start;
    while k < end {
        if let Some((e, g)) = title_at(lex, text, toks, k, end) {
            title = Some((k, g));
            name_start = e;
            k = e;
        } else {
            k += 1;
        }
    }
    let (name_start, prefix_start) = split_prefix(toks, name_start, end, title.is_some());
    if name_start >= end {
        return title_only(toks, (start, end), title, out);
    }
    let mut m = simple(
        Span::new(toks[start].span.start, toks[end - 1].span.end),
        (start, end),
        MentionKind::Name,
        toks[i].quote.is_some(),
    );
    m.name = Span::new(toks[name_start].span.start, toks[end - 1].span.end);
    m.class = classify(
        lex,
        text,
        toks,
        (name_start, end),
        title.is_some(),
        title_case,
    );
    m.gender = title.map(|(_, g)| g).unwrap_or_default();
    if m.gender == Gender::Unknown && m.class == NameClass::Person {
        // The token's lexicon entry is the word's, unless a possessive `'s`
        // was taken off for it.
        let w = word(text, toks, name_start);
        let first = if bare(w).len() == w.len() {
            toks[name_start].info.first_name
        } else {
            lex.first_name(w)
        };
        m.gender = first.unwrap_or_default();
    }
    let honorific = title.is_some_and(|(t, _)| tok_is(toks, t, lexicon::HONORIFIC));
    if let Some(g) = group_after(lex, text, toks, &m) {
        let next = g.toks.1;
        out.push(g);
        return Some(next);
    }
    if m.class != NameClass::Person && m.class != NameClass::Unknown {
        return push_org(text, toks, m, out);
    }
    if let (Some((t, _)), false) = (title, honorific) {
        m.role = Some(Span::new(
            toks[prefix_start.min(t)].span.start,
            toks[name_start - 1].span.end,
        ));
    } else if prefix_start < name_start {
        m.role = Some(Span::new(
            toks[prefix_start].span.start,
            toks[name_start - 1].span.end,
        ));
    }
    let resume = extend_role(lex, text, toks, &mut m).max(end);
    // A role phrase that swallowed an organisation's name: "White House press secretary X".
    while out
        .last()
        .is_some_and(|p: &Mention| p.span.start >= m.span.start)
    {
        out.pop();
    }
    out.push(m);
    Some(resume)
}

/// Does the punctuation token `t` (one character) end a sentence or open a
/// quote or aside, so that a capitalised word after it may be a common word?
fn opens_sentence(text: &str, t: Token) -> bool {
    let c = text[t.span.start..].chars().next();
    matches!(
        c,
        Some('.' | '!' | '?' | ':' | ';' | '"' | '“' | '”' | '‘' | '\'' | '(' | '—' | '–' | '-')
    )
}

/// Split place or party words off the front of a name: "Russia | Michael McFaul",
/// "Republican | Donald Trump". Returns (name start, role-prefix start).
pub(super) fn split_prefix(
    toks: &[Token],
    start: usize,
    end: usize,
    titled: bool,
) -> (usize, usize) {
    let mut k = start;
    // Split only when a full name remains: "Russia | Michael McFaul", not "Port | Wendell".
    while k + 2 < end {
        let place = tok_is(toks, k, lexicon::PLACE | lexicon::ORG | lexicon::NOT_NAME);
        let first_follows = tok_info(toks, k + 1).first_name.is_some() || titled;
        if !(place && first_follows) {
            break;
        }
        k += 1;
    }
    (k, start)
}

/// A word in capitals, four letters or more, not an abbreviation: "WASHINGTON".
pub(super) fn is_shouting(w: &str) -> bool {
    let w = bare(w);
    capitals(w) >= 4 && !w.contains('.')
}

/// All capitals, two letters or more: "FBI", "WASHINGTON".
pub(super) fn is_caps(w: &str) -> bool {
    capitals(bare(w)) >= 2
}

/// The number of letters in `w`, or 0 when one of them is lowercase.
fn capitals(w: &str) -> usize {
    let b = w.as_bytes();
    // Most names have a lowercase ASCII letter second ("Trump"): that
    // settles them without decoding any character.
    if b.get(1).is_some_and(u8::is_ascii_lowercase) {
        return 0;
    }
    if w.is_ascii() {
        if b.iter().any(u8::is_ascii_lowercase) {
            return 0;
        }
        return b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    }
    if w.chars().any(char::is_lowercase) {
        return 0;
    }
    w.chars().filter(|c| c.is_alphabetic()).count()
}

pub(super) fn classify(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    (start, end): (usize, usize),
    titled: bool,
    title_case: &OnceCell<bool>,
) -> NameClass {
    let words = || (start..end).map(|k| bare(word(text, toks, k)));
    if end - start == 1 && is_caps(word(text, toks, start)) {
        return NameClass::Org;
    }
    if (start..end).any(|k| tok_is(toks, k, lexicon::ORG)) {
        return NameClass::Org;
    }
    let place = if end - start == 1 {
        tok_is(toks, start, lexicon::PLACE)
    } else {
        tok_is(toks, start, lexicon::MULTI) && {
            let whole = &text[Span::new(toks[start].span.start, toks[end - 1].span.end)];
            lexicon::with_lower(whole, |w| lex.places.contains(w))
        }
    };
    if place {
        return NameClass::Place;
    }
    let first_known = tok_info(toks, start).first_name.is_some();
    let initial = words().skip(1).any(|w| w.len() == 2 && w.ends_with('.'));
    let plain = || (start..end).all(|k| !tok_is(toks, k, lexicon::PLACE | lexicon::NOT_NAME));
    // In a title-case headline every word is capitalised: only a given
    // name, an initial or a title says "person" there.
    let several = end - start >= 2;
    if titled
        || first_known
        || (several && (initial || (plain() && !*title_case.get_or_init(|| is_title_case(toks)))))
    {
        return NameClass::Person;
    }
    NameClass::Unknown
}

/// A run that is only a title: "The President said" is a role noun.
pub(super) fn title_only(
    toks: &[Token],
    (start, end): (usize, usize),
    title: Option<(usize, Gender)>,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let (t, g) = title?;
    if tok_is(toks, t, lexicon::HONORIFIC) {
        return Some(end);
    }
    let det = start > 0 && tok_is(toks, start - 1, lexicon::DET);
    let first = if det { start - 1 } else { start };
    let span = Span::new(toks[first].span.start, toks[end - 1].span.end);
    let mut m = simple(
        span,
        (first, end),
        MentionKind::RoleNoun,
        toks[t].quote.is_some(),
    );
    m.gender = g;
    m.head = Some(Span::new(toks[t].span.start, toks[end - 1].span.end));
    out.push(m);
    Some(end)
}

/// An organisation or place name followed by a source noun is a group
/// mention ("a Homeland Security Department official", "Clinton aides");
/// A name followed by a source or role noun is a description, not the name:
/// "a Homeland Security Department official", "Clinton aides", "the Clinton
/// campaign", "Connecticut's tax commissioner".
pub(super) fn group_after(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    m: &Mention,
) -> Option<Mention> {
    let (s, e) = m.toks;
    // "Mr. Jones' campaign": the apostrophe of a name ending in s, a token of
    // its own, makes it a possessive.
    let apostrophe = e > s
        && toks.get(e).is_some_and(|t| {
            t.kind == Kind::Punct
                && matches!(&text[t.span], "'" | "\u{2019}")
                && t.span.start == toks[e - 1].span.end
        })
        && word(text, toks, e - 1).ends_with('s');
    let after = e + usize::from(apostrophe);
    let mut found = None;
    for k in after..(after + 3).min(toks.len()) {
        if let Some(end) = noun_phrase_head(lex, text, toks, k) {
            found = Some((k, end));
            break;
        }

        // Lowercase modifiers may stand between ("Clinton campaign aides"),
        // a determiner may not: "told Harbour Radio her office …" names two things.
        if !is_word(toks, k)
            || toks[k].cap
            || tok_is(toks, k, lexicon::STOP | lexicon::DET)
            || tok_info(toks, k).verb.is_some()
        {
            return None;
        }
    }
    let (k, mut end) = found?;
    while let Some(longer) = noun_phrase_head(lex, text, toks, end) {
        end = longer;
    }
    let det_before = |flag| s > 0 && tok_is(toks, s - 1, flag);
    let first = if det_before(lexicon::INDEF | lexicon::DET) {
        s - 1
    } else {
        s
    };
    let last = word(text, toks, e - 1);
    let definite = apostrophe
        || last.ends_with("'s")
        || last.ends_with("\u{2019}s")
        || det_before(lexicon::DET);
    let head = word(text, toks, end - 1);
    let role = tok_info(toks, end - 1).role;
    let plural = tok_is(toks, end - 1, lexicon::GROUP) && head.ends_with('s');
    let kind = if definite && role.is_some() && !plural {
        MentionKind::RoleNoun
    } else {
        MentionKind::Group
    };
    let span = Span::new(toks[first].span.start, toks[end - 1].span.end);
    let mut g = simple(span, (first, end), kind, m.in_quote);
    g.plural = plural;
    g.gender = role.unwrap_or_default();
    g.head = Some(Span::new(toks[k].span.start, toks[end - 1].span.end));
    Some(g)
}

/// Push an organisation or place name, with its article ("the Senate").
pub(super) fn push_org(
    text: &str,
    toks: &[Token],
    mut m: Mention,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let (s, e) = m.toks;
    if s > 0 && word(text, toks, s - 1).eq_ignore_ascii_case("the") {
        m.span.start = toks[s - 1].span.start;
        m.toks.0 = s - 1;
    }
    out.push(m);
    Some(e)
}
