//! Stage 3: mentions of people and organisations in one paragraph.
//!
//! Takes a paragraph's tokens, gives the spans that can refer to a speaker:
//! proper names (with their titles and role descriptions), pronouns, role
//! nouns ("the US president") and anonymous or collective sources ("a
//! spokesperson", "White House officials").

use super::lexicon::{self, Gender, Lexicon};
use super::tokens::{Kind, Token};
use super::Span;

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, possibly with a title: "Mr Trump", "Sarah Sanders".
    Name,
    /// he, she, they, it.
    Pronoun,
    /// A definite description by role: "the US president".
    RoleNoun,
    /// An anonymous or collective source: "a spokesperson", "officials".
    Group,
}

/// What a proper name names, as far as the article shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameClass {
    /// A title, a known given name or an initial says it is a person.
    Person,
    /// An organisation word ("House", "Post", "Department") is in it.
    Org,
    /// A place or nationality.
    Place,
    /// A bare capitalised word or two: a surname, or anything.
    Unknown,
}

/// One mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Everything the mention covers, title and determiner included.
    pub span: Span,
    /// First and one-past-last token (paragraph-local indices).
    pub toks: (usize, usize),
    /// Name, pronoun, role noun or group.
    pub kind: MentionKind,
    /// For names: the proper name without title ("Sarah Sanders").
    pub name: Span,
    /// For names: what the name looks like.
    pub class: NameClass,
    /// Gender implied by a title, given name, role or pronoun.
    pub gender: Gender,
    /// Plural (they, officials).
    pub plural: bool,
    /// The role or title the article gives here ("White House press secretary").
    pub role: Option<Span>,
    /// For role nouns: the role's head ("president").
    pub head: Option<Span>,
    /// Inside a direct quote.
    pub in_quote: bool,
}

fn word<'t>(text: &'t str, toks: &[Token], i: usize) -> &'t str {
    toks.get(i).map_or("", |t| &text[t.span])
}

fn is_word(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| t.kind == Kind::Word)
}

/// Is `w` in the word class `flag` (see [`lexicon`])?
/// What the lexicons say about token `k` (nothing past the end).
fn tok_info(toks: &[Token], k: usize) -> lexicon::Info {
    toks.get(k).map(|t| t.info).unwrap_or_default()
}

/// Is token `k` in the word class `flag`?
fn tok_is(toks: &[Token], k: usize, flag: u16) -> bool {
    tok_info(toks, k).flags & flag != 0
}

fn in_class(w: &str, flag: u16) -> bool {
    lexicon::get().is(flag, w)
}

fn lower_in(w: &str, list: &[&str]) -> bool {
    lexicon::one_of(w, list)
}

/// Find the mentions in one paragraph's tokens.
pub fn find(text: &str, toks: &[Token]) -> Vec<Mention> {
    let lex = lexicon::get();
    let mut out = Vec::new();
    // In a headline in title case every word is capitalised: only a given
    // name or a title then says "person".
    let long: Vec<&Token> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word && t.span.len() > 3)
        .collect();
    let title_case =
        long.len() >= 3 && long.iter().filter(|t| t.cap).count() * 10 >= long.len() * 7;
    let mut i = 0;
    while i < toks.len() {
        let next = pronoun(text, toks, i, &mut out)
            .or_else(|| name(lex, text, toks, i, title_case, &mut out))
            .or_else(|| description(lex, text, toks, i, &mut out));
        i = next.unwrap_or(i + 1);
    }
    out
}

fn simple(span: Span, toks: (usize, usize), kind: MentionKind, in_quote: bool) -> Mention {
    Mention {
        span,
        toks,
        kind,
        name: span,
        class: NameClass::Unknown,
        gender: Gender::Unknown,
        plural: false,
        role: None,
        head: None,
        in_quote,
    }
}

fn pronoun(text: &str, toks: &[Token], i: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let t = toks[i];
    let w = &text[t.span];
    // "He's", "they're": the pronoun before the contraction.
    let w = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
    let (gender, plural) = [
        ("he", Gender::Male, false),
        ("she", Gender::Female, false),
        ("they", Gender::Unknown, true),
        ("it", Gender::Unknown, false),
    ]
    .into_iter()
    .find(|(p, _, _)| p.eq_ignore_ascii_case(w))
    .map(|(_, g, plural)| (g, plural))?;
    let mut m = simple(t.span, (i, i + 1), MentionKind::Pronoun, t.quote.is_some());
    m.gender = gender;
    m.plural = plural;
    out.push(m);
    Some(i + 1)
}

/// The capitalised run starting at `i`: capitalised words, initials,
/// surname particles and `of` between capitalised words. Stops at quotes.
fn cap_run(text: &str, toks: &[Token], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && j - i < 8 && toks[j].quote == toks[i].quote {
        let t = toks[j];
        let w = &text[t.span];
        let joins_next = toks
            .get(j + 1)
            .is_some_and(|n| n.cap && n.kind == Kind::Word);
        let ok = t.kind == Kind::Word
            && (t.cap
                || (j > i && joins_next && (w == "of" || tok_is(toks, j, lexicon::PARTICLE))));
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
fn title_at(
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
    let mut best = None;
    let mut key = String::new();
    for j in i..end.min(i + lex.title_words) {
        if j > i {
            key.push(' ');
        }
        key.push_str(&text[toks[j].span].to_lowercase());
        if let Some(&g) = lex.titles.get(&key) {
            best = Some((j + 1, g));
        }
    }
    best
}

fn name(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    i: usize,
    title_case: bool,
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
        || (toks[i - 1].kind == Kind::Punct && ".!?:;\"“”‘'(—–-".contains(word(text, toks, i - 1)));
    let function = lexicon::STOP | lexicon::DET | lexicon::INDEF | lexicon::DAY;
    while start < end && tok_is(toks, start, lexicon::NOT_NAME) {
        let alone = start + 1 == end;
        if !(initial || alone || tok_is(toks, start, function)) {
            break;
        }
        start += 1;
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
    let (name_start, prefix_start) =
        split_prefix(lex, text, toks, name_start, end, title.is_some());
    if name_start >= end {
        return title_only(lex, text, toks, (start, end), title, out);
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
        m.gender = lex
            .first_name(word(text, toks, name_start))
            .unwrap_or_default();
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

/// Split place or party words off the front of a name: "Russia | Michael McFaul",
/// "Republican | Donald Trump". Returns (name start, role-prefix start).
fn split_prefix(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    start: usize,
    end: usize,
    titled: bool,
) -> (usize, usize) {
    let mut k = start;
    // Split only when a full name remains: "Russia | Michael McFaul", not "Port | Wendell".
    while k + 2 < end {
        let w = word(text, toks, k);
        let place = lex.is(lexicon::PLACE | lexicon::ORG | lexicon::NOT_NAME, bare(w));
        let first_follows = tok_info(toks, k + 1).first_name.is_some() || titled;
        if !(place && first_follows) {
            break;
        }
        k += 1;
    }
    (k, start)
}

/// The word without a possessive `'s`.
pub fn bare(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

/// A word in capitals, four letters or more, not an abbreviation: "WASHINGTON".
fn is_shouting(w: &str) -> bool {
    let w = bare(w);
    !w.contains('.')
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !w.chars().any(char::is_lowercase)
}

/// All capitals, two letters or more: "FBI", "WASHINGTON".
fn is_caps(w: &str) -> bool {
    let w = bare(w);
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

fn classify(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    (start, end): (usize, usize),
    titled: bool,
    title_case: bool,
) -> NameClass {
    let words = || (start..end).map(|k| bare(word(text, toks, k)));
    if end - start == 1 && is_caps(word(text, toks, start)) {
        return NameClass::Org;
    }
    if (start..end).any(|k| tok_is(toks, k, lexicon::ORG)) {
        return NameClass::Org;
    }
    let first = word(text, toks, start);
    let place = if end - start == 1 {
        tok_is(toks, start, lexicon::PLACE)
    } else {
        lex.is(lexicon::MULTI, first) && {
            let whole = &text[Span::new(toks[start].span.start, toks[end - 1].span.end)];
            lex.places.contains(&whole.to_lowercase())
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
    if titled || first_known || (several && (initial || (plain() && !title_case))) {
        return NameClass::Person;
    }
    NameClass::Unknown
}

/// A run that is only a title: "The President said" is a role noun.
fn title_only(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    (start, end): (usize, usize),
    title: Option<(usize, Gender)>,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let (t, g) = title?;
    let w = word(text, toks, t);
    if in_class(w, lexicon::HONORIFIC) {
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
    let _ = lex;
    out.push(m);
    Some(end)
}

/// An organisation or place name followed by a source noun is a group
/// mention ("a Homeland Security Department official", "Clinton aides");
/// A name followed by a source or role noun is a description, not the name:
/// "a Homeland Security Department official", "Clinton aides", "the Clinton
/// campaign", "Connecticut's tax commissioner".
fn group_after(lex: &Lexicon, text: &str, toks: &[Token], m: &Mention) -> Option<Mention> {
    let (s, e) = m.toks;
    let mut found = None;
    for k in e..(e + 3).min(toks.len()) {
        if let Some(end) = noun_phrase_head(lex, text, toks, k) {
            found = Some((k, end));
            break;
        }

        if !is_word(toks, k)
            || toks[k].cap
            || tok_is(toks, k, lexicon::STOP)
            || tok_info(toks, k).verb.is_some()
        {
            return None;
        }
    }
    let (k, mut end) = found?;
    while let Some(longer) = noun_phrase_head(lex, text, toks, end) {
        end = longer;
    }
    let before = if s > 0 { word(text, toks, s - 1) } else { "" };
    let det = in_class(before, lexicon::INDEF) || in_class(before, lexicon::DET);
    let first = if det { s - 1 } else { s };
    let last = word(text, toks, e - 1);
    let definite =
        last.ends_with("'s") || last.ends_with("\u{2019}s") || in_class(before, lexicon::DET);
    let head = word(text, toks, end - 1);
    let role = lex.role(head);
    let plural = lex.is(lexicon::GROUP, head) && head.ends_with('s');
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
fn push_org(text: &str, toks: &[Token], mut m: Mention, out: &mut Vec<Mention>) -> Option<usize> {
    let (s, e) = m.toks;
    if s > 0 && lower_in(word(text, toks, s - 1), &["the"]) {
        m.span.start = toks[s - 1].span.start;
        m.toks.0 = s - 1;
    }
    out.push(m);
    Some(e)
}

/// A lowercase source or role noun (one or two words) at `i`, not followed by a name.
fn noun_phrase_head(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> Option<usize> {
    // "Democrats", "Republicans": capitalised collective sources.
    if !is_word(toks, i) || (toks[i].cap && !tok_is(toks, i, lexicon::GROUP)) {
        return None;
    }
    let one = word(text, toks, i);
    let info = lex.info(one);
    let two = || format!("{} {}", one, word(text, toks, i + 1)).to_lowercase();
    let end = if info.flags & lexicon::MULTI != 0
        && is_word(toks, i + 1)
        && (lex.roles.contains_key(&two()) || lex.groups.contains(&two()))
    {
        i + 2
    } else if info.flags & lexicon::GROUP != 0 || info.role.is_some() {
        i + 1
    } else {
        return None;
    };
    let name_follows = toks.get(end).is_some_and(|t| t.cap && t.kind == Kind::Word);
    (!name_follows).then_some(end)
}

/// Is there a role head (one or two words) ending at token `k`?
fn role_ends_at(lex: &Lexicon, text: &str, toks: &[Token], k: usize) -> bool {
    if !is_word(toks, k) {
        return false;
    }
    let w = word(text, toks, k);
    if lex.role(w).is_some() {
        return true;
    }
    k > 0
        && tok_is(toks, k - 1, lexicon::MULTI)
        && lex
            .roles
            .contains_key(&format!("{} {}", word(text, toks, k - 1), w).to_lowercase())
}

/// A role phrase ending just before token `end`: "White House press secretary",
/// "former US ambassador to Russia". Returns its first token.
fn role_before(lex: &Lexicon, text: &str, toks: &[Token], end: usize) -> Option<usize> {
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
            after_to = lower_in(word(text, toks, k), &["to"]);
        } else if !connected || (after_to && !toks[k].cap) {
            return None;
        }
    }
    // Before the head: capitalised words and the words roles are made of
    // ("White House press secretary", "former US ambassador").
    let mut first = head;
    while first > 0 && first + 7 > end {
        let k = first - 1;
        let w = word(text, toks, k);
        let modifier = lower_in(
            w,
            &[
                "former", "acting", "retired", "longtime", "then", "top", "senior", "deputy",
                "interim",
            ],
        );
        let ok = is_word(toks, k)
            && !tok_is(toks, k, lexicon::STOP | lexicon::DET | lexicon::CONNECT)
            && !is_finite_verb(lex, w)
            && (toks[k].cap || modifier || tok_is(toks, k, lexicon::ROLE_WORD));
        if !ok {
            break;
        }
        first -= 1;
    }
    Some(first)
}

fn is_finite_verb(lex: &Lexicon, w: &str) -> bool {
    matches!(lex.verb(w), Some(v) if v != lexicon::VerbForm::Base)
}

/// An appositive role after a name: "Dan Coats, the US director of national
/// intelligence, said". Returns the role's token range.
fn role_after(lex: &Lexicon, text: &str, toks: &[Token], e: usize) -> Option<(usize, usize)> {
    if !toks.get(e).is_some_and(|t| t.is(text, ',')) {
        return None;
    }
    let mut k = e + 1;
    while toks.get(k).is_some_and(|t| t.kind == Kind::Number)
        || toks.get(k).is_some_and(|t| t.is(text, ','))
    {
        k += 1;
    }
    if lower_in(word(text, toks, k), &["the", "a", "an"]) {
        k += 1;
    }
    let start = k;
    let mut has_head = false;
    while k < toks.len() && k < start + 12 {
        let t = toks[k];
        let w = word(text, toks, k);
        if t.kind != Kind::Word
            || lower_in(w, &["who", "which", "that", "and", "said", "says", "told"])
            || t.quote.is_some()
        {
            break;
        }
        has_head |= role_ends_at(lex, text, toks, k);
        k += 1;
    }
    (has_head && k > start).then_some((start, k))
}

/// Attach the role phrase written around a person's name. Returns the token
/// after an appositive role, so it is not read again as a mention of its own.
fn extend_role(lex: &Lexicon, text: &str, toks: &[Token], m: &mut Mention) -> usize {
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

/// Lowercase descriptions: role nouns ("the US president", "the company's
/// chief executive") and groups ("a spokesperson", "officials").
fn description(
    lex: &Lexicon,
    text: &str,
    toks: &[Token],
    i: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let w = word(text, toks, i);
    if !is_word(toks, i) {
        return None;
    }
    let definite = tok_is(toks, i, lexicon::DET) || (w.ends_with("'s") || w.ends_with("\u{2019}s"));
    let indefinite = tok_is(toks, i, lexicon::INDEF);
    let start = if definite || indefinite { i + 1 } else { i };
    let window = start..(start + 5).min(toks.len());
    let may_head =
        |t: &Token| t.info.flags & (lexicon::GROUP | lexicon::MULTI) != 0 || t.info.role.is_some();
    if !toks[window.clone()].iter().any(may_head) {
        return None;
    }
    for k in window {
        let kw = word(text, toks, k);
        if !is_word(toks, k)
            || (tok_is(toks, k, lexicon::STOP)
                && (k == start || !tok_is(toks, k, lexicon::CONNECT)))
            || is_finite_verb(lex, kw)
        {
            return None;
        }
        let group_word = tok_is(toks, k, lexicon::GROUP);
        if toks[k].cap && k == start && !definite && !indefinite && !group_word {
            return None;
        }
        let Some(mut end) = noun_phrase_head(lex, text, toks, k) else {
            continue;
        };
        // "campaign chairman": the last of several head nouns is the head.
        while let Some(longer) = noun_phrase_head(lex, text, toks, end) {
            end = longer;
        }
        let head = word(text, toks, end - 1);
        let plural = tok_is(toks, end - 1, lexicon::GROUP) && head.ends_with('s');
        let role = lexicon::with_lower(
            &text[Span::new(toks[k].span.start, toks[end - 1].span.end)],
            |r| lex.roles.get(r).copied(),
        )
        .or_else(|| tok_info(toks, end - 1).role);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn mentions(text: &str) -> Vec<(MentionKind, String, Option<String>)> {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[], &mut toks);
        find(text, &toks)
            .into_iter()
            .map(|m| {
                let shown = if m.kind == MentionKind::Name {
                    m.name
                } else {
                    m.span
                };
                (
                    m.kind,
                    text[shown].to_string(),
                    m.role.map(|r| text[r].to_string()),
                )
            })
            .collect()
    }

    fn name(n: &str, role: Option<&str>) -> (MentionKind, String, Option<String>) {
        (MentionKind::Name, n.to_string(), role.map(str::to_string))
    }

    #[test]
    fn names_with_titles_and_roles() {
        type Case = (&'static str, Vec<(MentionKind, String, Option<String>)>);
        let cases: &[Case] = &[
            (
                "White House press secretary Sarah Sanders said",
                vec![name("Sarah Sanders", Some("White House press secretary"))],
            ),
            (
                "Secretary of State Mike Pompeo said",
                vec![name("Mike Pompeo", Some("Secretary of State"))],
            ),
            (
                "Mr Trump met Ms. Sanders",
                vec![name("Trump", None), name("Sanders", None)],
            ),
            (
                "former US ambassador to Russia Michael McFaul",
                vec![name(
                    "Michael McFaul",
                    Some("former US ambassador to Russia"),
                )],
            ),
            (
                "Dan Coats, the US director of national intelligence, said",
                vec![name(
                    "Dan Coats",
                    Some("US director of national intelligence"),
                )],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&mentions(text), want, "{text}");
        }
    }

    #[test]
    fn descriptions() {
        let m = mentions("the US president said");
        assert_eq!(m[0].0, MentionKind::RoleNoun);
        assert_eq!(m[0].1, "the US president");
        let m = mentions("a Homeland Security Department official said");
        assert_eq!(m[0].0, MentionKind::Group);
        assert_eq!(m[0].1, "a Homeland Security Department official");
        let m = mentions("the company's chief executive added");
        assert_eq!(
            (m[0].0, m[0].1.as_str()),
            (MentionKind::RoleNoun, "the company's chief executive")
        );
        let m = mentions("She added");
        assert_eq!(m[0].0, MentionKind::Pronoun);
    }
}
