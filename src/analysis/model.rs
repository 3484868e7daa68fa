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
    pub id: String,
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
    pub id: String,
    /// First byte of the quote.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speaker's id, or null when the article does not say who.
    pub speaker: Option<String>,
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
