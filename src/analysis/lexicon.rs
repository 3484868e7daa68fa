//! Word lists from `assets/`: speech verbs, titles, roles, names, places.
//!
//! Data, not code: one entry a line, `#` comments, so the lists can be
//! extended without touching Rust. Parsed once, on first use.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Grammatical gender the article lets us infer for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Gender {
    /// Not known.
    #[default]
    Unknown,
    /// He.
    Male,
    /// She.
    Female,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s.trim() {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }

    /// True when the two do not contradict each other.
    pub fn fits(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// A small, fast hasher for short word keys (multiply-rotate, eight bytes at a time).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: words are short, and this is the one hash
        // every token pays for.
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        // The last one to seven bytes in one number, without a loop: two
        // overlapping reads (a hash needs every byte, not each exactly once).
        let tail = match *chunks.remainder() {
            [] => 0,
            [a] => u64::from(a),
            [a, b] => u64::from(a) | u64::from(b) << 8,
            [a, b, c] => u64::from(a) | u64::from(b) << 8 | u64::from(c) << 16,
            ref r => {
                let lo = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
                let n = r.len();
                let hi = u32::from_le_bytes([r[n - 4], r[n - 3], r[n - 2], r[n - 1]]);
                u64::from(lo) | u64::from(hi) << 32
            }
        };
        self.0 = (h.rotate_left(5) ^ tail ^ bytes.len() as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u8(&mut self, b: u8) {
        // The end mark `str` hashes after its bytes: one mixing step, not a
        // second pass of `write`.
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u64(&mut self, v: u64) {
        self.write_u128(u128::from(v));
    }
    fn write_u128(&mut self, v: u128) {
        // A packed word: one folded multiply mixes every byte into every bit,
        // so words sharing a first letter do not crowd the same buckets.
        let m = u128::from((v as u64) ^ 0x243f_6a88_85a3_08d3)
            * u128::from(((v >> 64) as u64) ^ 0x1319_8a2e_0370_7344);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
}

/// A word of at most 16 bytes packed in two numbers: aligned to 8 bytes, so
/// a table slot with its [`Info`] takes 24 bytes, not the 32 a `u128` needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Packed(u64, u64);

impl From<u128> for Packed {
    fn from(v: u128) -> Packed {
        Packed(v as u64, (v >> 64) as u64)
    }
}

impl std::hash::Hash for Packed {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u128(u128::from(self.0) | (u128::from(self.1) << 64));
    }
}

/// A hash map keyed by short strings.
pub type Map<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;
/// A hash set of short strings.
pub type Set = HashSet<String, BuildHasherDefault<Fnv>>;

/// The form of a speech verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    /// say, tell
    Base,
    /// says, tells
    Present,
    /// said, told
    Past,
    /// saying, telling
    Gerund,
}

/// What the word lists say about one word (all single-word entries merged).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Info {
    /// A speech verb form.
    pub verb: Option<VerbForm>,
    /// A speech, thought or stance verb form.
    pub reporting: Option<VerbForm>,
    /// A role noun, with its gender.
    pub role: Option<Gender>,
    /// A given name, with its gender.
    pub first_name: Option<Gender>,
    /// Set membership bits: [`NOT_NAME`], [`GROUP`], [`PLACE`], [`ORG`], [`MULTI`].
    pub flags: u16,
}

/// A capitalised word that is not a name.
pub const NOT_NAME: u16 = 1;
/// An anonymous or collective source noun.
pub const GROUP: u16 = 2;
/// A place or nationality.
pub const PLACE: u16 = 4;
/// An organisation word.
pub const ORG: u16 = 8;
/// The first word of a several-word title, role, group or place.
pub const MULTI: u16 = 16;

/// Words that end a role phrase when walking back from a name.
pub const ROLE_STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "with", "by", "from", "in", "on", "at", "as", "that",
    "which", "who", "when", "while", "after", "before", "said", "says", "told", "is", "was", "are",
    "were", "has", "had", "have", "be", "been", "will", "would", "to", "if", "than", "then",
    "also", "not",
];
/// Definite determiners and possessives before a role noun.
pub const DETERMINERS: &[&str] = &[
    "the", "this", "that", "its", "his", "her", "their", "our", "my", "your",
];
/// Indefinite determiners and quantifiers before an anonymous source.
pub const INDEFINITE: &[&str] = &[
    "a",
    "an",
    "another",
    "one",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "senior",
    "top",
    "unnamed",
    "anonymous",
    "former",
    "current",
    "most",
    "few",
    "numerous",
    "multiple",
];
/// Prepositions inside role phrases: "ambassador to Russia".
pub const CONNECTORS: &[&str] = &["of", "to", "for", "at", "on"];
/// Auxiliaries and adverbs between a subject and its verb.
pub const AUX_WORDS: &[&str] = &[
    "has",
    "had",
    "have",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "also",
    "then",
    "later",
    "again",
    "once",
    "previously",
    "first",
    "recently",
    "not",
    "did",
    "does",
    "do",
    "could",
    "should",
    "can",
    "may",
    "might",
    "just",
    "further",
    "earlier",
    "has",
    "been",
    "even",
    "still",
    "now",
    "today",
    "yesterday",
    "tonight",
    "already",
    "never",
    "often",
    "often",
    "must",
    "'s",
    "\u{2019}s",
];
/// Time words in "said Friday", "on Monday".
pub const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
];
/// Honorifics: they say "person" but are no role.
pub const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "sir", "dame",
    "madam",
];
/// Lowercase particles inside surnames: "Charles de Gaulle".
pub const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "da", "di", "la", "le", "bin", "al", "du", "del", "dos", "ibn",
];
/// Words before a role that are no part of it: "former US ambassador",
/// "said retired Army Col. X".
pub const ROLE_MODIFIERS: &[&str] = &[
    "former", "acting", "retired", "longtime", "then", "top", "senior", "deputy", "interim",
    "outgoing", "incoming",
];
/// Cue words that are no speech verb on their own: "according" (to), "put"
/// (it: "as X put it"), and the intent adjectives of reported speech ("is
/// willing to …").
pub const PHRASE_CUES: &[&str] = &["according", "put", "puts"];
/// Polls and surveys: "in a poll released Monday" names the source of
/// the figures around it.
pub const POLLS: &[&str] = &["poll", "polls", "survey", "surveys"];
/// Adjectives that report an intent after "be": "is willing to …".
pub const INTENT: &[&str] = &[
    "willing",
    "eager",
    "ready",
    "determined",
    "reluctant",
    "unwilling",
    "prepared",
    "keen",
];
/// Word class bit: a word of [`PHRASE_CUES`], [`POLLS`] or [`INTENT`].
pub const PHRASE_CUE: u16 = 16384;
/// The first word of a several-word role or source noun ("press secretary",
/// "White House officials"): unlike [`MULTI`], not set by places and titles,
/// so "the" and "new" do not look like the start of a description.
pub const PAIR: u16 = 32768;
/// A word of some role in roles.txt ("press", "security", "adviser").
pub const ROLE_WORD: u16 = 8192;
/// Word class bit: see the list of the same name.
pub const STOP: u16 = 32;
/// Word class bit: see the list of the same name.
pub const DET: u16 = 64;
/// Word class bit: see the list of the same name.
pub const INDEF: u16 = 128;
/// Word class bit: see the list of the same name.
pub const CONNECT: u16 = 256;
/// Word class bit: see the list of the same name.
pub const AUX: u16 = 512;
/// Word class bit: see the list of the same name.
pub const DAY: u16 = 1024;
/// Word class bit: see the list of the same name.
pub const HONORIFIC: u16 = 2048;
/// Word class bit: see the list of the same name.
pub const PARTICLE: u16 = 4096;

/// All the word lists.
pub struct Lexicon {
    /// Everything known about single words (lowercase bytes), for one lookup per word.
    pub words: HashMap<Vec<u8>, Info, BuildHasherDefault<Fnv>>,
    /// The longest single word in `words`, in bytes.
    pub longest: usize,
    /// The words of up to 16 bytes, keyed by their bytes packed in a number:
    /// no pointer to follow on a look-up, which every token makes.
    pub short: HashMap<Packed, Info, BuildHasherDefault<Fnv>>,
    /// The words of at most 8 bytes, the commonest, each in a slot of its own.
    pub tiny: Tiny,
    /// Speech verb forms (lowercase) with their form.
    pub verbs: Map<VerbForm>,
    /// Verbs of thought and stance, for reported speech only.
    pub stance: Map<VerbForm>,
    /// Titles before names, lowercase (several words allowed), with gender.
    pub titles: Map<Gender>,
    /// The longest title in words.
    pub title_words: usize,
    /// Role nouns, lowercase (several words allowed), with gender.
    pub roles: Map<Gender>,
    /// Anonymous and collective source nouns.
    pub groups: Set,
    /// Capitalised words that are not names.
    pub not_names: Set,
    /// Places and nationalities, lowercase.
    pub places: Set,
    /// Words that mark an organisation's name, lowercase.
    pub org_words: Set,
    /// Given names with their gender.
    pub first_names: Map<Gender>,
}

fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn gendered(src: &'static str) -> Map<Gender> {
    entries(src)
        .map(|l| {
            let (word, g) = l.split_once('\t').unwrap_or((l, "-"));
            (word.trim().to_lowercase(), Gender::parse(g))
        })
        .collect()
}

fn set(src: &'static str) -> Set {
    entries(src).map(str::to_lowercase).collect()
}

fn verbs(src: &'static str) -> Map<VerbForm> {
    let mut out = Map::default();
    for line in entries(src) {
        for (n, form) in line.split_whitespace().enumerate() {
            let form = form.to_lowercase();
            let kind = if n == 0 {
                VerbForm::Base
            } else if form.ends_with("ing") {
                VerbForm::Gerund
            } else if form.ends_with('s') && !form.ends_with("ss") {
                VerbForm::Present
            } else {
                VerbForm::Past
            };
            out.entry(form).or_insert(kind);
        }
    }
    out
}

fn names() -> Map<Gender> {
    let mut out = Map::default();
    for (src, g) in [
        (
            include_str!("../../assets/names_female.txt"),
            Gender::Female,
        ),
        (include_str!("../../assets/names_male.txt"), Gender::Male),
    ] {
        for name in entries(src) {
            let key = name.to_lowercase();
            match out.get(&key) {
                Some(&other) if other != g => out.insert(key, Gender::Unknown),
                _ => out.insert(key, g),
            };
        }
    }
    out
}

/// The lexicon, parsed on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let titles = gendered(include_str!("../../assets/titles.txt"));
        let title_words = titles
            .keys()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut lex = Lexicon {
            words: HashMap::default(),
            longest: 0,
            short: HashMap::default(),
            tiny: Tiny::new(Vec::new()),
            verbs: verbs(include_str!("../../assets/speech_verbs.txt")),
            stance: verbs(include_str!("../../assets/stance_verbs.txt")),
            title_words,
            titles,
            roles: gendered(include_str!("../../assets/roles.txt")),
            groups: set(include_str!("../../assets/group_sources.txt")),
            not_names: set(include_str!("../../assets/not_names.txt")),
            places: set(include_str!("../../assets/places.txt")),
            org_words: set(include_str!("../../assets/org_words.txt")),
            first_names: names(),
        };
        let words = merge(&lex);
        lex.longest = words.keys().map(String::len).max().unwrap_or(0);
        lex.short = words
            .iter()
            .filter(|(k, _)| k.len() > 8)
            .filter_map(|(k, v)| Some((Packed::from(pack(k.as_bytes())?), *v)))
            .collect();
        lex.tiny = Tiny::new(
            words
                .iter()
                .filter(|(k, _)| k.len() <= 8)
                .filter_map(|(k, v)| Some((pack(k.as_bytes())? as u64, *v)))
                .collect(),
        );
        lex.words = words
            .into_iter()
            .map(|(k, v)| (k.into_bytes(), v))
            .collect();
        lex
    })
}

/// One [`Info`] per single word, from every list.
fn merge(lex: &Lexicon) -> Map<Info> {
    let mut words: Map<Info> = Map::default();
    fn at<'a>(words: &'a mut Map<Info>, w: &str) -> &'a mut Info {
        let w = w.split(' ').next().unwrap_or(w);
        words.entry(w.to_string()).or_default()
    }
    for (w, &f) in &lex.verbs {
        at(&mut words, w).verb = Some(f);
        at(&mut words, w).reporting = Some(f);
    }
    for (w, &f) in &lex.stance {
        at(&mut words, w).reporting.get_or_insert(f);
    }
    for (w, &g) in &lex.roles {
        if !w.contains(' ') {
            at(&mut words, w).role = Some(g);
            // The plural of a role is a collective source: "economists say".
            let plural = match w.strip_suffix('y') {
                Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
                _ if w.ends_with('s') || w.ends_with("man") => String::new(),
                _ => format!("{w}s"),
            };
            if !plural.is_empty() {
                at(&mut words, &plural).flags |= GROUP;
            }
        }
        for part in w.split(' ') {
            words.entry(part.to_string()).or_default().flags |= ROLE_WORD;
        }
    }
    for (w, &g) in &lex.first_names {
        at(&mut words, w).first_name = Some(g);
    }
    for (set, flag) in [
        (&lex.not_names, NOT_NAME),
        (&lex.groups, GROUP),
        (&lex.places, PLACE),
        (&lex.org_words, ORG),
    ] {
        for w in set {
            if !w.contains(' ') {
                at(&mut words, w).flags |= flag;
            }
        }
    }
    let classes = [
        (ROLE_STOP, STOP),
        (DETERMINERS, DET),
        (INDEFINITE, INDEF),
        (CONNECTORS, CONNECT),
        (AUX_WORDS, AUX),
        (DAYS, DAY),
        (HONORIFICS, HONORIFIC),
        (PARTICLES, PARTICLE),
        (PHRASE_CUES, PHRASE_CUE),
        (INTENT, PHRASE_CUE),
        (POLLS, PHRASE_CUE),
    ];
    for (list, flag) in classes {
        for w in list {
            at(&mut words, w).flags |= flag;
        }
    }
    let multi = lex
        .titles
        .keys()
        .chain(lex.roles.keys())
        .chain(lex.groups.iter())
        .chain(lex.places.iter());
    for w in multi.filter(|w| w.contains(' ')) {
        at(&mut words, w).flags |= MULTI;
    }
    let pairs = lex.roles.keys().chain(lex.groups.iter());
    for w in pairs.filter(|w| w.contains(' ')) {
        at(&mut words, w).flags |= PAIR;
    }
    for w in lex.titles.keys() {
        at(&mut words, w).flags |= MULTI;
    }
    words
}

/// Call `f` with the lowercase form of `s`, without allocating for short ASCII words.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if s.len() <= buf.len() && s.is_ascii() {
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        f(std::str::from_utf8(b).unwrap_or(""))
    } else {
        f(&s.to_lowercase())
    }
}

/// Call `f` with `words` joined by single spaces, lowercased, without
/// allocating when they are short ASCII words.
pub fn with_lower_words<R>(words: &[&str], f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    let mut len = 0;
    for (n, w) in words.iter().enumerate() {
        let sep = usize::from(n > 0);
        if !w.is_ascii() || len + sep + w.len() > buf.len() {
            return f(&words.join(" ").to_lowercase());
        }
        if sep == 1 {
            buf[len] = b' ';
        }
        buf[len + sep..len + sep + w.len()].copy_from_slice(w.as_bytes());
        len += sep + w.len();
    }
    let b = &mut buf[..len];
    b.make_ascii_lowercase();
    f(std::str::from_utf8(b).unwrap_or(""))
}

impl Lexicon {
    /// Everything the lists say about `word` (any case): one hash look-up.
    pub fn info(&self, word: &str) -> Info {
        self.info_within(word, word.as_bytes())
    }

    /// [`Lexicon::info`] for a `word` that `rest` begins with (the text from
    /// the word on): a word of at most 16 ASCII bytes is then read, masked and
    /// lowercased as one number, with no loop over its letters.
    #[inline]
    pub fn info_within(&self, word: &str, rest: &[u8]) -> Info {
        self.packed(word.len(), rest)
            .unwrap_or_else(|| self.lookup(word))
    }

    /// [`Lexicon::info_within`] for the word at `start..end` in `text`: the
    /// text is sliced only for a word the fast path cannot read (non-ASCII or
    /// over 16 bytes), which saves the tokenizer a slice per word.
    #[inline]
    pub fn info_at(&self, text: &str, start: usize, end: usize) -> Info {
        let rest = text.as_bytes().get(start..).unwrap_or_default();
        self.packed(end - start, rest)
            .unwrap_or_else(|| self.lookup(&text[start..end]))
    }

    /// The look-up of a word of `len` bytes that `rest` begins with, read as
    /// one number; `None` when it is not ASCII or is over 16 bytes.
    #[inline(always)]
    fn packed(&self, len: usize, rest: &[u8]) -> Option<Info> {
        const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
        const ONES: u128 = HIGH >> 7;
        if !(1..=16).contains(&len) || rest.len() < len {
            return None;
        }
        if len <= 8 {
            return self.packed_tiny(len, rest);
        }
        let bytes = match rest.first_chunk::<16>() {
            Some(&chunk) => chunk,
            None => {
                let mut short = [0u8; 16];
                short[..rest.len()].copy_from_slice(rest);
                short
            }
        };
        let keep = u128::MAX >> (8 * (16 - len));
        let v = u128::from_le_bytes(bytes) & keep;
        if v & HIGH != 0 {
            return None;
        }
        if !rest[0].is_ascii_alphabetic() {
            return Some(Info::default());
        }
        // Bytes in A..=Z get 0x20 added: each byte is below 0x80, so
        // the sums cannot carry into the next byte.
        let at_least_a = v + ONES * 0x3f;
        let above_z = v + ONES * 0x25;
        let upper = at_least_a & !above_z & HIGH;
        let key = v | (upper >> 2);
        let found = self.short.get(&Packed::from(key));
        Some(found.copied().unwrap_or_default())
    }

    /// [`Lexicon::packed`] for a word of one to eight bytes (most words), in
    /// one 64-bit number instead of two.
    #[inline(always)]
    fn packed_tiny(&self, len: usize, rest: &[u8]) -> Option<Info> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const ONES: u64 = HIGH >> 7;
        let bytes = match rest.first_chunk::<8>() {
            Some(&chunk) => chunk,
            None => {
                let mut short = [0u8; 8];
                short[..rest.len()].copy_from_slice(rest);
                short
            }
        };
        let v = u64::from_le_bytes(bytes) & (u64::MAX >> (8 * (8 - len)));
        if v & HIGH != 0 {
            return None;
        }
        if !rest[0].is_ascii_alphabetic() {
            return Some(Info::default());
        }
        // As in `packed`: bytes in A..=Z get 0x20 added, without carries.
        let upper = (v + ONES * 0x3f) & !(v + ONES * 0x25) & HIGH;
        let key = v | (upper >> 2);
        Some(self.tiny.get(key))
    }

    /// The look-up of a long or non-ASCII word: kept out of line so the
    /// common path stays small.
    #[cold]
    #[inline(never)]
    fn lookup(&self, word: &str) -> Info {
        let starts_word = word.chars().next().is_some_and(char::is_alphabetic);
        if !starts_word || word.len() > self.longest {
            return Info::default();
        }
        let mut buf = [0u8; 64];
        if word.is_ascii() && word.len() <= buf.len() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            if let Some(key) = pack(b) {
                if b.len() <= 8 {
                    return self.tiny.get(key as u64);
                }
                return self
                    .short
                    .get(&Packed::from(key))
                    .copied()
                    .unwrap_or_default();
            }
            return self.words.get(&b[..]).copied().unwrap_or_default();
        }
        let lower = word.to_lowercase();
        self.words
            .get(lower.as_bytes())
            .copied()
            .unwrap_or_default()
    }

    /// The gender of `word` as a given name.
    pub fn first_name(&self, word: &str) -> Option<Gender> {
        self.info(word).first_name
    }
}

/// Words of at most eight bytes (packed in a number, never 0) with what the
/// lists say of them, placed by a perfect hash: a look-up reads one seed
/// and one slot and compares once, with no probing and no branch on whether
/// the word is there (three words in four of PolNeAR train are, and a branch
/// on it was mispredicted on the others).
///
/// The keys are split into groups by one hash; each group gets the first
/// seed of a second hash that puts all its keys in slots still free,
/// largest groups first ("hash, displace and compress", without the
/// compression).
#[derive(Debug)]
pub struct Tiny {
    seeds: Box<[u32]>,
    slots: Box<[(u64, Info)]>,
}

impl Tiny {
    /// The table of `entries` (a key given twice keeps its first info).
    /// About four keys to a group and a fifth of the slots left empty: the
    /// 5,226 words of the lists are placed in 0.6 ms, no group needing more
    /// than a few hundred seeds. Should a group need more than [`SEED_TRIES`],
    /// the table grows and is placed again.
    fn new(mut entries: Vec<(u64, Info)>) -> Tiny {
        entries.sort_by_key(|&(key, _)| key);
        entries.dedup_by_key(|&mut (key, _)| key);
        let mut slots = entries.len() * 5 / 4 + 1;
        loop {
            if let Some(table) = Tiny::place(&entries, slots) {
                return table;
            }
            slots = slots * 5 / 4 + 1;
        }
    }

    /// `entries` placed in `slots` slots, unless a group finds no seed.
    fn place(entries: &[(u64, Info)], slots: usize) -> Option<Tiny> {
        let groups = entries.len().div_ceil(4).max(1);
        let mut members: Vec<Vec<(u64, Info)>> = vec![Vec::new(); groups];
        for &(key, info) in entries {
            members[reduce(mix(key, 0), groups)].push((key, info));
        }
        let mut order: Vec<usize> = (0..groups).collect();
        // Largest first; ties by group number, so the build is deterministic.
        order.sort_by_key(|&g| (std::cmp::Reverse(members[g].len()), g));
        let mut table = Tiny {
            seeds: vec![0; groups].into_boxed_slice(),
            slots: vec![(0, Info::default()); slots].into_boxed_slice(),
        };
        let mut taken = vec![false; slots];
        let mut at = Vec::new();
        for g in order {
            let seed = (1..=SEED_TRIES).find(|&seed| {
                at.clear();
                at.extend(members[g].iter().map(|&(k, _)| reduce(mix(k, seed), slots)));
                at.iter()
                    .enumerate()
                    .all(|(n, &s)| !taken[s] && !at[..n].contains(&s))
            })?;
            table.seeds[g] = seed;
            for (&(key, info), &s) in members[g].iter().zip(&at) {
                taken[s] = true;
                table.slots[s] = (key, info);
            }
        }
        Some(table)
    }

    /// What the lists say of the word packed as `key`: nothing when absent.
    #[inline(always)]
    fn get(&self, key: u64) -> Info {
        let seed = self.seeds[reduce(mix(key, 0), self.seeds.len())];
        let (k, info) = self.slots[reduce(mix(key, seed), self.slots.len())];
        std::hint::select_unpredictable(k == key, info, Info::default())
    }
}

/// The most seeds [`Tiny::place`] tries for one group.
const SEED_TRIES: u32 = 1 << 16;

/// `key` mixed with `seed`: the seed spread over every bit, then one folded
/// multiply.
#[inline(always)]
fn mix(key: u64, seed: u32) -> u64 {
    let x = key ^ u64::from(seed).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x243f_6a88_85a3_08d3;
    let m = u128::from(x) * 0x1319_8a2e_0370_7344;
    (m as u64) ^ ((m >> 64) as u64)
}

/// `h` mapped onto `0..n` by a multiply, not a division.
#[inline(always)]
fn reduce(h: u64, n: usize) -> usize {
    ((u128::from(h) * n as u128) >> 64) as usize
}

/// A word of at most 16 bytes as one number (zero-padded: words hold no NUL).
fn pack(b: &[u8]) -> Option<u128> {
    if b.len() > 16 {
        return None;
    }
    let mut bytes = [0u8; 16];
    bytes[..b.len()].copy_from_slice(b);
    Some(u128::from_le_bytes(bytes))
}

/// Is `w` one of `list` (lowercase ASCII words), ignoring case?
#[inline]
pub fn one_of(w: &str, list: &[&str]) -> bool {
    // Length and first letter settle most entries before any full
    // comparison (the list's words are lowercase, so `| 0x20` suffices).
    let w = w.as_bytes();
    let first = w.first().map(|b| b | 0x20);
    list.iter().any(|l| {
        let l = l.as_bytes();
        l.len() == w.len() && l.first().copied() == first && l.eq_ignore_ascii_case(w)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_lowercase_words_match_the_lists_however_long() {
        let join = |words: &[&str]| with_lower_words(words, str::to_string);
        assert_eq!(join(&["Press", "SECRETARY"]), "press secretary");
        assert_eq!(join(&["Économie", "Ministre"]), "économie ministre");
        let long = ["Extraordinarily"; 4];
        assert_eq!(join(&long), ["extraordinarily"; 4].join(" "));
        assert!(with_lower_words(&["press", "Secretary"], |k| get()
            .roles
            .contains_key(k)));
    }

    #[test]
    fn packed_words_of_every_length_are_found() {
        let lex = get();
        for w in ["said", "Spokesperson", "ACCORDING", "administration"] {
            assert_ne!(lex.info(w), Info::default(), "{w}");
        }
        assert_eq!(lex.info("zzqxj"), Info::default());
    }

    #[test]
    fn every_listed_word_is_found_with_what_the_lists_say_of_it() {
        let lex = get();
        let mut short = 0;
        for (w, &info) in &lex.words {
            let w = std::str::from_utf8(w).unwrap();
            // (A token that opens with a mark, "’s", is no word to look up.)
            if !w.starts_with(char::is_alphabetic) {
                continue;
            }
            // Every case of the word, in the fast look-up and the slow one.
            for form in [w.to_string(), w.to_uppercase()] {
                assert_eq!(lex.info(&form), info, "{form}");
            }
            short += usize::from(w.len() <= 8);
        }
        assert!(short > 4000, "{short}");
    }

    proptest::proptest! {
        /// Any keys, some given twice: each is found with the info it was
        /// first given, and a key not among them finds nothing.
        #[test]
        fn the_perfect_hash_holds_any_keys(
            keys in proptest::collection::vec(1u64..400, 0..300),
            others in proptest::collection::vec(1u64.., 50),
        ) {
            let info = |n: usize| Info { flags: n as u16 | 1, ..Info::default() };
            let entries: Vec<(u64, Info)> = keys.iter().enumerate().map(|(n, &k)| (k, info(n))).collect();
            let table = Tiny::new(entries);
            for (n, &k) in keys.iter().enumerate() {
                let first = keys.iter().position(|&x| x == k).unwrap_or(n);
                proptest::prop_assert_eq!(table.get(k), info(first));
            }
            for k in others.into_iter().filter(|k| !keys.contains(k)) {
                proptest::prop_assert_eq!(table.get(k), Info::default());
            }
        }
    }

    #[test]
    fn a_word_read_from_running_text_means_what_the_word_alone_means() {
        let lex = get();
        let text = "SAID Spokesperson administrations according Zürich x";
        let mut at = 0;
        for word in text.split(' ') {
            let rest = &text.as_bytes()[at..];
            assert_eq!(lex.info_within(word, rest), lex.info(word), "{word}");
            at += word.len() + 1;
        }
        // The last word, with fewer than 16 bytes left in the text.
        assert_eq!(lex.info_within("said", b"said"), lex.info("said"));
        assert_ne!(lex.info_within("said", b"said."), Info::default());
    }
}
