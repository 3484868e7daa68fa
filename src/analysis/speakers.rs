//! Stage 4: speakers. Merges mentions into one entity per person or organisation.
//!
//! Takes each paragraph's mentions in text order, gives each mention the
//! entity it refers to: name variants merge ("Donald Trump", "Mr Trump",
//! "Trump"), different people who share a surname do not ("Bill Clinton",
//! "Hillary Clinton", "Donald Trump Jr."), pronouns go to the most salient
//! compatible person, role nouns to the person the article gave that role,
//! and each anonymous source ("a spokesperson") is an entity of its own.

use super::lexicon::{self, Fnv, Gender, Lexicon};
use super::mentions::{self, Mention, MentionKind, NameClass};
use super::Span;
use smallvec::SmallVec;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, BuildHasherDefault};

/// Index of an entity in the registry.
pub type Eid = usize;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A person, shown even when only mentioned.
    Person,
    /// An organisation, place or anonymous source: shown only when quoted.
    Other,
    /// A bare capitalised word nobody has shown to be a person yet.
    Unknown,
}

/// One person or organisation. Its names and keys point into the text and
/// into the registry's key store, so a new entity copies no strings.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest name seen.
    pub name: Shown,
    /// Lowercase given name, when known.
    first: Option<Key>,
    /// Lowercase surname (with suffix: "trump jr."), or the whole name for organisations.
    surname: Key,
    /// Person, other or unknown.
    pub class: Class,
    /// Inferred gender.
    pub gender: Gender,
    /// The role the article gives.
    pub role: Option<String>,
    /// Lowercase roles and titles, for matching role nouns.
    pub roles: Vec<String>,
    /// Distinct name forms, as they stand in the text.
    pub aliases: SmallVec<[Span; 2]>,
    /// Name mentions seen.
    pub count: usize,
    /// Plural group ("officials").
    pub plural: bool,
    /// Seen capitalised inside a sentence, so a proper name, not a sentence opener.
    pub proper: bool,
    /// A place or nationality ("Russia", "Americans").
    pub place: bool,
}

/// An entity's name as the text gives it.
#[derive(Debug, Clone, Copy)]
pub struct Shown {
    /// Where it stands, trimmed.
    span: Span,
    /// A proper name, shown with its words joined by single spaces and a
    /// possessive removed; else a description, shown as it stands.
    proper: bool,
    /// Its length as shown.
    len: usize,
}

impl Shown {
    /// The name as the reader shows it.
    pub fn text(&self, text: &str) -> String {
        if self.proper {
            let mut joined = String::with_capacity(self.len);
            for w in name_words(&text[self.span]) {
                if !joined.is_empty() {
                    joined.push(' ');
                }
                joined.push_str(w);
            }
            joined
        } else {
            text[self.span].to_string()
        }
    }
}

/// A lowercase key in the registry's key store.
#[derive(Debug, Clone, Copy)]
struct Key {
    at: usize,
    len: usize,
}

/// The key `k` in the key store.
fn key_in(store: &str, k: Key) -> &str {
    &store[k.at..k.at + k.len]
}

/// The entities under one index key: most keys have one or two, kept
/// inline.
type Ids = SmallVec<[Eid; 2]>;

/// Entities by the hash of a lowercase key. Nothing is copied to index a
/// name; a look-up checks each entity's own key, so two keys with the same
/// hash never mix.
type Index = HashMap<u64, Ids, BuildHasherDefault<Fnv>>;

/// The hash a key is indexed under.
fn key_hash(key: &str) -> u64 {
    BuildHasherDefault::<Fnv>::default().hash_one(key)
}

/// How many of the latest mentions a pronoun may refer to.
const PRONOUN_WINDOW: usize = 300;

/// A mention seen, for pronoun resolution.
#[derive(Debug, Clone, Copy)]
struct Seen {
    pos: usize,
    sentence: usize,
    entity: Eid,
    /// The object of a preposition ("to La Raza"): less likely to be what a
    /// later pronoun refers to than the sentence's subject.
    object: bool,
}

/// Where a mention stands in its sentence.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// The sentence's number in the article.
    pub sentence: usize,
    /// It opens the sentence.
    pub initial: bool,
    /// It follows a preposition ("in Salem", "to the council").
    pub object: bool,
}

/// The entities of one article, built mention by mention.
#[derive(Debug, Default)]
pub struct Registry {
    /// All entities, in order of first mention.
    pub entities: Vec<Entity>,
    /// Every span that refers to an entity, with the entity, in the order
    /// resolved: one list for the article, not one per entity, so a
    /// mention costs no allocation.
    pub refs: Vec<(Eid, Span)>,
    /// The last [`PRONOUN_WINDOW`] mentions outside quotes, oldest first:
    /// all a pronoun looks back at, so memory stays the same however long
    /// the article.
    history: VecDeque<Seen>,
    /// Entities by surname key, so a lookup never scans every entity.
    by_surname: Index,
    /// People by given name.
    by_first: Index,
    /// People by each word of their roles.
    by_role: Index,
    /// Reused buffers for lowercase look-up keys.
    keys: Keys,
    /// Every entity's lowercase keys, one after another.
    store: String,
}

/// Lowercase look-up keys, built in place for each mention.
#[derive(Debug, Default)]
struct Keys {
    first: String,
    surname: String,
    role: String,
}

const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// The words of a name, possessive `'s` removed.
fn name_words(name: &str) -> impl Iterator<Item = &str> + Clone {
    // The possessive ends the last word, so it is cut from the whole name;
    // a word left empty ("Jones '") then splits into nothing.
    let name = name.trim_end();
    let name = ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name);
    Words(name)
}

/// The words of a string between runs of whitespace. ASCII is tested
/// byte by byte (a name is split at every mention); only a multi-byte
/// character is decoded, to ask whether it is a space.
#[derive(Clone)]
struct Words<'a>(&'a str);

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.0;
        let start = run(s, 0, true);
        if start == s.len() {
            self.0 = "";
            return None;
        }
        let end = run(s, start, false);
        self.0 = &s[end..];
        Some(&s[start..end])
    }
}

/// Where the run of spaces (or of non-spaces) from byte `i` of `s` ends.
#[inline(always)]
fn run(s: &str, mut i: usize, spaces: bool) -> usize {
    let b = s.as_bytes();
    while let Some(&c) = b.get(i) {
        let (space, len) = if c < 0x80 {
            (matches!(c, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            (ch.is_whitespace(), ch.len_utf8())
        };
        if space != spaces {
            break;
        }
        i += len;
    }
    i
}

impl Registry {
    /// An empty registry with room for the entities an article of `bytes`
    /// bytes usually names (about one per 80 bytes over PolNeAR train, at
    /// most a few thousand up front), so neither the entities nor their
    /// indexes are copied as they grow in an article of ordinary length.
    ///
    /// The indexes get room for at most a few hundred keys: a long text
    /// repeats its names, and an index made for thousands of keys but
    /// holding a few hundred spreads them over more memory than the caches
    /// keep (1 MB of capitalised words was 4% slower per byte than 100 KB of
    /// them with room for 4096 keys, and no slower with room for 256).
    ///
    /// The list of references gets room for one per 12 bytes, more than
    /// prose has (one per 25 to 80): it is read in order, so room never
    /// used costs no cache, and a text dense with names (a chain of short
    /// quotes has one per 15 bytes) would otherwise copy it as it grows,
    /// the more often the longer the text. Room not written to is not
    /// memory the process holds (peak RSS for a 50 MB article did not rise).
    pub fn with_room(bytes: usize) -> Registry {
        let n = (bytes / 100).clamp(16, 4096);
        let keys = n.min(256);
        Registry {
            entities: Vec::with_capacity((bytes / 50).clamp(16, 4096)),
            refs: Vec::with_capacity(bytes / 12 + 16),
            history: VecDeque::with_capacity(PRONOUN_WINDOW),
            by_surname: Index::with_capacity_and_hasher(keys, Default::default()),
            by_first: Index::with_capacity_and_hasher(keys / 2, Default::default()),
            by_role: Index::with_capacity_and_hasher(keys / 2, Default::default()),
            keys: Keys::default(),
            store: String::with_capacity(16 * n),
        }
    }

    /// Resolve one paragraph's mentions, in order. `places` says where each
    /// mention stands in its sentence. Puts the entity of each mention, or
    /// None, into `out`.
    pub fn resolve(
        &mut self,
        text: &str,
        mentions: &[Mention],
        places: &[Place],
        out: &mut Vec<Option<Eid>>,
    ) {
        let lex = lexicon::get();
        out.clear();
        // "the harbour master, Ruth Lindqvist,": the description is the name's.
        let mut appositive: Option<Eid> = None;
        for (n, (m, place)) in mentions.iter().zip(places).enumerate() {
            let Place {
                sentence,
                initial,
                object,
            } = *place;
            let id = match m.kind {
                MentionKind::Name => {
                    let e = appositive.take().unwrap_or_else(|| self.name(lex, text, m));
                    // A capitalised word inside a sentence is a proper name.
                    self.entities[e].proper |= !initial;
                    Some(e)
                }
                MentionKind::Pronoun if m.in_quote => None,
                MentionKind::Pronoun => self.pronoun(m, sentence),
                MentionKind::RoleNoun | MentionKind::Group => {
                    match mentions.get(n + 1).filter(|next| names_it(text, m, next)) {
                        Some(next) => {
                            let e = self.name(lex, text, next);
                            appositive = Some(e);
                            Some(e)
                        }
                        None if m.kind == MentionKind::RoleNoun => self.role_noun(text, m),
                        None => Some(self.group(text, m)),
                    }
                }
            };
            if let Some(e) = id {
                self.refs.push((e, m.span));
                if !m.in_quote {
                    if self.history.len() == PRONOUN_WINDOW {
                        self.history.pop_front();
                    }
                    self.history.push_back(Seen {
                        pos: m.span.start,
                        sentence,
                        entity: e,
                        object,
                    });
                }
            }
            out.push(id);
        }
    }

    /// Add an entity with the lowercase keys `first` and `surname`.
    fn add(&mut self, first: Option<&str>, surname: &str, e: Entity) -> Eid {
        let id = self.entities.len();
        let mut e = e;
        e.surname = self.keep(surname);
        index(&mut self.by_surname, surname, id);
        if let Some(f) = first {
            e.first = Some(self.keep(f));
            index(&mut self.by_first, f, id);
        }
        self.entities.push(e);
        id
    }

    /// Put `key` in the key store.
    fn keep(&mut self, key: &str) -> Key {
        let at = self.store.len();
        self.store.push_str(key);
        Key { at, len: key.len() }
    }

    /// An entity's given-name key.
    fn first_of(&self, id: Eid) -> Option<&str> {
        self.entities[id].first.map(|k| key_in(&self.store, k))
    }

    fn ids<'a>(map: &'a Index, key: &str) -> &'a [Eid] {
        map.get(&key_hash(key)).map_or(&[], SmallVec::as_slice)
    }

    /// Entities with surname key `key`, oldest first.
    fn surnamed<'a>(&'a self, key: &'a str) -> impl DoubleEndedIterator<Item = Eid> + Clone + 'a {
        Self::ids(&self.by_surname, key)
            .iter()
            .copied()
            .filter(move |&id| key_in(&self.store, self.entities[id].surname) == key)
    }

    fn name(&mut self, lex: &Lexicon, text: &str, m: &Mention) -> Eid {
        let words = name_words(&text[m.name]);
        let class = match m.class {
            NameClass::Person => Class::Person,
            NameClass::Org | NameClass::Place => Class::Other,
            NameClass::Unknown => Class::Unknown,
        };
        // The lowercase keys go into reused buffers: a name the article
        // repeats costs no allocation.
        let mut keys = std::mem::take(&mut self.keys);
        let (has_first, full_len) = split_name(words, class, &mut keys);
        let first = has_first.then_some(keys.first.as_str());
        let titled = m.span.start < m.name.start;
        let id = self.find_name(first, &keys.surname, m.gender, class, titled);
        // The name as shown, joined only when it is needed.
        let shown = Shown {
            span: m.name,
            proper: true,
            len: full_len,
        };
        let id = id.unwrap_or_else(|| {
            let e = Entity::new(shown, class, m.class == NameClass::Place);
            self.add(first, &keys.surname, e)
        });
        if let (None, Some(f)) = (&self.entities[id].first, first) {
            index(&mut self.by_first, f, id);
            self.entities[id].first = Some(self.keep(f));
            self.entities[id].name = shown;
        }
        // A role is indexed once per entity, however often the article repeats it.
        let role = m.role.map(|r| text[r].trim());
        let new_role = role.is_some_and(|r| {
            keys.role.clear();
            push_lower(&mut keys.role, r);
            !self.entities[id].roles.contains(&keys.role)
        });
        if new_role {
            for w in keys.role.split_whitespace() {
                index(&mut self.by_role, w, id);
            }
        }
        let e = &mut self.entities[id];
        e.count += 1;
        if full_len > e.name.len && class != Class::Other && e.first.is_some() {
            e.name = shown;
        }
        if class == Class::Person || (e.class == Class::Unknown && class != Class::Unknown) {
            e.class = class;
        }
        if e.gender == Gender::Unknown {
            e.gender = m.gender;
        }
        if e.gender == Gender::Unknown {
            if let Some(f) = e.first {
                e.gender = lex.first_name(key_in(&self.store, f)).unwrap_or_default();
            }
        }
        if new_role {
            e.roles.push(keys.role.clone());
        }
        if let (None, Some(role)) = (&e.role, role) {
            e.role = Some(role.to_string());
        }
        let alias = trimmed(text, m.span);
        if !e.aliases.iter().any(|&a| text[a] == text[alias]) {
            e.aliases.push(alias);
        }
        self.keys = keys;
        id
    }

    /// The entity a name refers to. For an organisation or place `surname`
    /// is its whole lowercase name.
    fn find_name(
        &self,
        first: Option<&str>,
        surname: &str,
        gender: Gender,
        class: Class,
        titled: bool,
    ) -> Option<Eid> {
        let candidates = || {
            self.surnamed(surname)
                .rev()
                .map(|id| (id, &self.entities[id]))
                .filter(|(_, e)| !e.plural)
        };
        if let Some((id, _)) =
            candidates().find(|&(id, e)| e.class != Class::Other && self.first_of(id) == first)
        {
            return Some(id);
        }
        if class == Class::Other {
            return self
                .surnamed(surname)
                .find(|&id| self.entities[id].class == Class::Other);
        }
        if let Some(first) = first {
            // "Donald Trump" after a bare "Trump": the same person, unless another
            // first name was already given to that surname.
            return candidates()
                .find(|&(id, _)| self.first_of(id).is_none_or(|f| initial_of(f, first)))
                .map(|(id, _)| id);
        }
        // A bare surname: the most mentioned compatible person with it, else a
        // person known by that first name ("Hillary").
        let best = candidates()
            .filter(|(_, e)| e.gender.fits(gender))
            .max_by_key(|(id, e)| (e.count, *id))
            .map(|(id, _)| id);
        best.or_else(|| {
            if titled || lexicon::get().first_name(surname).is_none() {
                return None;
            }
            Self::ids(&self.by_first, surname)
                .iter()
                .copied()
                .find(|&id| {
                    let e = &self.entities[id];
                    self.first_of(id) == Some(surname)
                        && e.class == Class::Person
                        && e.gender.fits(gender)
                })
        })
    }

    fn pronoun(&mut self, m: &Mention, sentence: usize) -> Option<Eid> {
        // 2: a known person; 1: a bare proper name that may be one; 0: no.
        let tier = |e: &Entity| -> u8 {
            match (m.plural, m.gender) {
                (true, _) => u8::from(e.plural || (e.class == Class::Other && !e.place)) * 2,
                (false, Gender::Unknown) => u8::from(e.class == Class::Other && !e.plural) * 2,
                (false, g) if e.plural || !e.gender.fits(g) => 0,
                (false, _) if e.class == Class::Person => 2,
                (false, _) => u8::from(e.class == Class::Unknown && e.proper),
            }
        };
        // The nearest sentence with a compatible mention wins; within a
        // sentence a known person before a bare name, a mention that is no
        // preposition's object before one that is ("In his speech to La Raza,
        // Graham said he …"), then the first one (usually the subject), not
        // the nearest.
        let window = self
            .history
            .iter()
            .rev()
            .take_while(|h| h.sentence + 4 >= sentence);
        let mut pick: Option<(Seen, u8)> = None;
        for h in window {
            let t = tier(&self.entities[h.entity]);
            if h.pos >= m.span.start || t == 0 {
                continue;
            }
            let t = 2 * t + u8::from(!h.object);
            match pick {
                Some((p, _)) if p.sentence > h.sentence => break,
                Some((_, pt)) if pt > t => {}
                _ => pick = Some((*h, t)),
            }
        }
        let pick = pick.map(|(h, _)| h);
        let e = pick?.entity;
        let ent = &mut self.entities[e];
        if ent.gender == Gender::Unknown && ent.class != Class::Other {
            ent.gender = m.gender;
            ent.class = Class::Person;
        }
        Some(e)
    }

    fn role_noun(&mut self, text: &str, m: &Mention) -> Option<Eid> {
        let head = text[m.head.unwrap_or(m.span)].to_lowercase();
        let phrase = text[m.span].to_lowercase();
        let mut holders: Vec<Eid> = head
            .split_whitespace()
            .flat_map(|w| self.role_holders(w))
            .filter(|&id| {
                let e = &self.entities[id];
                e.class == Class::Person && e.gender.fits(m.gender)
            })
            .collect();
        holders.sort_unstable();
        holders.dedup();
        if !holders.is_empty() {
            self.keep_proper_modifiers(text, m, &head, &phrase, &mut holders);
        }
        // The holder whose role shares most words with the phrase ("the US
        // president"), then the most mentioned.
        let best = holders.into_iter().max_by_key(|&id| {
            let e = &self.entities[id];
            let modifiers = phrase
                .split_whitespace()
                .filter(|w| e.roles.iter().any(|r| r.contains(w)))
                .count();
            (modifiers, e.count, id)
        });
        best.or_else(|| Some(self.group(text, m)))
    }

    /// "the Marlow governor", "the CNN president": keep only the `holders`
    /// whose roles have each capitalised modifier of the role noun `m`
    /// (`head` and `phrase` its head and itself, lowercase), places and
    /// nationalities aside; the others hold the role somewhere else.
    #[inline(never)]
    fn keep_proper_modifiers(
        &self,
        text: &str,
        m: &Mention,
        head: &str,
        phrase: &str,
        holders: &mut Vec<Eid>,
    ) {
        let words = text[m.span]
            .split_whitespace()
            .zip(phrase.split_whitespace());
        let modifiers = words.skip(1).filter_map(|(w, lower)| {
            let bare = mentions::bare(lower);
            let proper = w.starts_with(|c: char| c.is_uppercase());
            (proper && !bare.is_empty() && !head.contains(bare)).then_some(bare)
        });
        // A country or nationality ("the US president") is seldom given
        // with the role, so it rules nobody out.
        let lex = lexicon::get();
        let modifiers = modifiers.filter(|w| lex.info(w).flags & lexicon::PLACE == 0);
        for w in modifiers {
            holders.retain(|&id| self.entities[id].roles.iter().any(|r| r.contains(w)));
        }
    }

    /// Entities with a role that has the lowercase word `w` in it.
    fn role_holders<'a>(&'a self, w: &'a str) -> impl Iterator<Item = Eid> + 'a {
        Self::ids(&self.by_role, w)
            .iter()
            .copied()
            .filter(move |&id| {
                let roles = &self.entities[id].roles;
                roles.iter().any(|r| r.split_whitespace().any(|x| x == w))
            })
    }

    fn group(&mut self, text: &str, m: &Mention) -> Eid {
        self.source(text, m.span, m.plural, m.gender)
    }

    /// The entity for a source the article names only by description
    /// ("a spokesperson", "early results of the exit poll"): one per
    /// description, and the same one for a repeated definite description.
    pub fn source(&mut self, text: &str, span: Span, plural: bool, gender: Gender) -> Eid {
        let span = trimmed(text, span);
        let mut key = std::mem::take(&mut self.keys.surname);
        key.clear();
        push_lower(&mut key, &text[span]);
        let id = self.source_keyed(&key, span, plural, gender);
        self.keys.surname = key;
        id
    }

    fn source_keyed(&mut self, key: &str, span: Span, plural: bool, gender: Gender) -> Eid {
        // "a spokesperson" twice may be two people; "officials" or "the
        // campaign" twice are the same source.
        let indefinite = ["a ", "an ", "another ", "one "]
            .iter()
            .any(|d| key.starts_with(d));
        if !indefinite {
            if let Some(id) = self
                .surnamed(key)
                .find(|&id| self.entities[id].class == Class::Other)
            {
                return id;
            }
        }
        let shown = Shown {
            span,
            proper: false,
            len: span.len(),
        };
        let mut e = Entity::new(shown, Class::Other, false);
        e.gender = gender;
        e.aliases.push(span);
        e.count = 1;
        e.plural = plural;
        self.add(None, key, e)
    }
}

impl Entity {
    /// Is the entity known by a proper name, or by a description with a
    /// capitalised word in it ("the Democrats", "GOP primary voters"), not
    /// only by common nouns ("the officials", "a spokesperson")?
    pub fn named(&self, text: &str) -> bool {
        let lex = lexicon::get();
        let capital = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
        self.name.proper
            || name_words(&text[self.name.span])
                .filter(capital)
                .any(|w| lex.info(w).flags & (lexicon::DET | lexicon::INDEF) == 0)
    }

    /// A new entity known by `name`, with no keys yet.
    fn new(name: Shown, class: Class, place: bool) -> Entity {
        Entity {
            name,
            first: None,
            surname: Key { at: 0, len: 0 },
            class,
            gender: Gender::Unknown,
            role: None,
            roles: Vec::new(),
            aliases: SmallVec::new(),
            count: 0,
            plural: false,
            proper: false,
            place,
        }
    }
}

/// `span` without the whitespace around it.
fn trimmed(text: &str, span: Span) -> Span {
    let s = &text[span];
    // A mention starts and ends on a token, so almost never on a space: an
    // ASCII character that is none settles it without the Unicode trim.
    let solid = |b: Option<&u8>| b.is_some_and(|&b| b < 0x80 && !matches!(b, b' ' | b'\t'..=b'\r'));
    if solid(s.as_bytes().first()) && solid(s.as_bytes().last()) {
        return span;
    }
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    Span::new(start, end.max(start))
}

/// Add `id` under `key`.
fn index(map: &mut Index, key: &str, id: Eid) {
    map.entry(key_hash(key)).or_default().push(id);
}

/// Is `next` a person's name set off by a comma right after the description
/// `m`: "Its chief executive, Marcus Bell"?
fn names_it(text: &str, m: &Mention, next: &Mention) -> bool {
    next.kind == MentionKind::Name
        && next.class == NameClass::Person
        && m.span.end <= next.span.start
        && text[m.span.end..next.span.start].trim() == ","
}

/// Does `initial` ("j." or "j") abbreviate `name`, or equal it?
fn initial_of(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let short = |s: &str| s.trim_end_matches('.').len() == 1;
    (short(a) || short(b)) && a.chars().next() == b.chars().next()
}

/// Split name words into lowercase keys: the surname (or, for an
/// organisation, the whole name) into `keys.surname`, the given name into
/// `keys.first`. Gives whether there is a given name, and the length of
/// the name shown with its words joined by single spaces.
fn split_name<'a>(
    words: impl Iterator<Item = &'a str>,
    class: Class,
    keys: &mut Keys,
) -> (bool, usize) {
    keys.first.clear();
    keys.surname.clear();
    // One pass over the words, which also measures them.
    let mut joined = 0;
    let mut words = words.inspect(|w| joined += w.len() + 1);
    let given = split_words(&mut words, class, keys);
    drop(words);
    (given, joined.saturating_sub(1))
}

/// [`split_name`] of `words`, read to their end.
fn split_words<'a>(
    mut words: impl Iterator<Item = &'a str>,
    class: Class,
    keys: &mut Keys,
) -> bool {
    if class == Class::Other {
        for (n, w) in words.enumerate() {
            if n > 0 {
                keys.surname.push(' ');
            }
            push_lower(&mut keys.surname, w);
        }
        return false;
    }
    let Some(first) = words.next() else {
        return false;
    };
    // Only the first word and the last two matter.
    let (mut before_last, mut last, mut count) = (None, first, 1);
    for w in words {
        before_last = Some(last);
        last = w;
        count += 1;
    }
    let Some(before_last) = before_last else {
        push_lower(&mut keys.surname, last);
        return false;
    };
    // "Donald Trump Jr.": the surname keeps its suffix.
    let suffixed = SUFFIXES.iter().any(|x| x.eq_ignore_ascii_case(last));
    if suffixed {
        push_lower(&mut keys.surname, before_last);
        keys.surname.push(' ');
        push_lower(&mut keys.surname, last.trim_end_matches('.'));
    } else {
        push_lower(&mut keys.surname, last);
    }
    // "Trump Jr." alone has no given name.
    let given = count > 2 || !suffixed;
    if given {
        push_lower(&mut keys.first, first);
    }
    given
}

/// Append `s` lowercased to `out`.
fn push_lower(out: &mut String, s: &str) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&s.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::{name_words, Words};

    proptest::proptest! {
        #[test]
        fn words_are_split_at_whitespace_like_the_standard_library(
            s in "([a-zA-Z.'-]|[ \t\n\u{b}\u{c}\r]|\u{a0}|\u{2003}|\u{3000}|é|’|[\\PC]){0,40}",
        ) {
            let std: Vec<&str> = s.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(Words(&s).collect::<Vec<_>>(), std);
        }
    }

    #[test]
    fn a_name_loses_its_possessive_and_extra_spaces() {
        let words = |s| name_words(s).collect::<Vec<_>>();
        assert_eq!(
            words("  Donald\u{a0} J.  Trump's "),
            ["Donald", "J.", "Trump"]
        );
        assert_eq!(words("Jones '"), ["Jones"]);
        assert_eq!(words("Charles’"), ["Charles"]);
    }
}
