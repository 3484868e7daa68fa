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

/// A small, fast hasher for short word keys (FNV-1a).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
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

/// All the word lists.
pub struct Lexicon {
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
        Lexicon {
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
        }
    })
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

impl Lexicon {
    /// The form of `word` if it is a speech verb.
    pub fn verb(&self, word: &str) -> Option<VerbForm> {
        with_lower(word, |w| self.verbs.get(w).copied())
    }

    /// The form of `word` if it is a speech or stance verb.
    pub fn reporting_verb(&self, word: &str) -> Option<VerbForm> {
        with_lower(word, |w| {
            self.verbs.get(w).or_else(|| self.stance.get(w)).copied()
        })
    }

    /// The gender of `word` as a given name.
    pub fn first_name(&self, word: &str) -> Option<Gender> {
        with_lower(word, |w| self.first_names.get(w).copied())
    }

    /// Is `word` (any case) in `set`?
    pub fn has(set: &Set, word: &str) -> bool {
        with_lower(word, |w| set.contains(w))
    }

    /// The gender of `word` as a role noun.
    pub fn role(&self, word: &str) -> Option<Gender> {
        with_lower(word, |w| self.roles.get(w).copied())
    }
}
