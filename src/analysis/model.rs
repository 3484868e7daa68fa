//! The analysis result: the structure of `../shared/eval/SCHEMA.md`.

use super::Span;
use serde::{Deserialize, Serialize};

/// Who said what in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    /// The input's path, set by whoever loaded the file (absent for a bare string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The article's title: its first non-empty line.
    pub title: String,
    /// The text every offset indexes.
    pub text: String,
    /// One entry per person or organisation quoted or mentioned.
    pub speakers: Vec<Speaker>,
    /// Every quotation, direct and indirect, in text order.
    pub quotes: Vec<Quote>,
}

/// One person or organisation, all name variants merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// Stable id, `s0`, `s1`, ...
    pub id: Id,
    /// The fullest proper name the article gives.
    pub name: String,
    /// The job or description the article gives.
    pub role: Option<String>,
    /// The distinct name forms used (pronouns excluded).
    pub aliases: Vec<String>,
    /// Every span that refers to this speaker, pronouns and role nouns included.
    pub mentions: Vec<Span>,
    /// How many quotes are attributed to this speaker.
    pub quotes: usize,
}

/// Direct words in quotation marks, or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks; the span includes the marks.
    Direct,
    /// Reported speech without marks; the span is the reported clause.
    Indirect,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable id, `q0`, `q1`, ...
    pub id: Id,
    /// First byte of the quote.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker's id, or null when the article does not say who.
    pub speaker: Option<Id>,
    /// The mention next to the cue that names the speaker.
    pub source: Option<Span>,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// How the speaker was found: one of [`Evidence`]'s names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

impl Quote {
    /// The quote's byte span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A quote's or speaker's id, such as `q12` or `s3`: a letter and a
/// number, read and written as that string (JSON included). Kept inline,
/// not on the heap: an article has an id for every quote and speaker and
/// one more for every attributed quote, and a string each cost an
/// allocation to make and one to free.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Id {
    len: std::num::NonZeroU8,
    bytes: [u8; Id::MAX],
}

impl Id {
    /// The longest id in bytes: a letter and the digits of any `usize`.
    pub const MAX: usize = 21;

    /// The id made of `prefix` (an ASCII letter) and `n`: `Id::new('q', 12)` is `q12`.
    pub fn new(prefix: char, n: usize) -> Id {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let mut bytes = [0u8; Id::MAX];
        bytes[0] = if prefix.is_ascii() {
            prefix as u8
        } else {
            b'?'
        };
        let len = 1 + digits.len() - at;
        bytes[1..len].copy_from_slice(&digits[at..]);
        Id {
            len: std::num::NonZeroU8::MIN.saturating_add(len as u8 - 1),
            bytes,
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len.get())]).unwrap_or("")
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl TryFrom<&str> for Id {
    type Error = String;
    /// Any non-empty id of at most [`Id::MAX`] bytes (ids made elsewhere are kept as they are).
    fn try_from(s: &str) -> Result<Id, String> {
        let len = u8::try_from(s.len())
            .ok()
            .filter(|&n| usize::from(n) <= Id::MAX)
            .and_then(std::num::NonZeroU8::new)
            .ok_or_else(|| format!("an id of 1 to {} bytes, not {s:?}", Id::MAX))?;
        let mut bytes = [0u8; Id::MAX];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Ok(Id { len, bytes })
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Id::try_from(&*s).map_err(serde::de::Error::custom)
    }
}

/// How a quote's speaker was found, for the reader's "how we know".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// A name next to a speech verb: `"…," Ms Sanders said`.
    CueName,
    /// A pronoun next to a speech verb, resolved to an earlier person.
    Pronoun,
    /// A role noun ("the US president") resolved to the person holding it.
    RoleNoun,
    /// A quote-only paragraph continuing the previous paragraph's speaker.
    Continuation,
    /// A sentence that introduces the quote with a colon: `X said: "…"`.
    ColonIntro,
    /// `according to X`.
    According,
    /// The same sentence's earlier quote already named the speaker.
    SameSentence,
}

impl Evidence {
    /// A short human sentence for the reader.
    pub fn describe(self) -> &'static str {
        match self {
            Evidence::CueName => "named next to the speech verb",
            Evidence::Pronoun => "a pronoun next to the speech verb, resolved to this person",
            Evidence::RoleNoun => "a role noun next to the speech verb, resolved to this person",
            Evidence::Continuation => "continues the previous paragraph's quote",
            Evidence::ColonIntro => "introduced with a colon by this speaker",
            Evidence::According => "\"according to\" this speaker",
            Evidence::SameSentence => "same sentence as another quote by this speaker",
        }
    }
}

impl Analysis {
    /// The speaker with this id.
    pub fn speaker(&self, id: &str) -> Option<&Speaker> {
        self.speakers.iter().find(|s| s.id == id)
    }

    /// Each quote's speaker as an index into `speakers` (None: nobody, or an
    /// id no speaker has).
    pub fn quote_speakers(&self) -> Vec<Option<usize>> {
        let ids: std::collections::HashMap<&str, usize> = self
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let speaker = |q: &Quote| ids.get(q.speaker.as_deref()?).copied();
        self.quotes.iter().map(speaker).collect()
    }
}
