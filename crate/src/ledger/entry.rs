//! A ledger entry: one quotation, who said it, and every place it appeared.

use serde::{Deserialize, Serialize};

/// Who said an entry's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct EntrySpeaker {
    /// The fullest name the corpus gives: "Colin P. Clarke".
    pub name: String,
    /// Other names the corpus used for the same speaker: "Clarke", "Colin Clarke".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Role, if known: "counterterrorism analyst".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Organisation, if known: "Soufan Group".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
}

/// One published appearance of an entry's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Appearance {
    /// The corpus document's id ("001_a7fab11564c02453"), if the ledger was built from a corpus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// The outlet: "The New York Times". `None` when unknown.
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`, or a full timestamp). `None` when unknown: an
    /// unknown date is kept unknown, never guessed.
    pub published: Option<String>,
    /// The page's address, when known.
    pub url: Option<String>,
    /// The article's title, when known.
    pub title: Option<String>,
    /// The words as this appearance printed them (absent for the first appearance, whose
    /// words are the entry's `text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// How this appearance relates to the first: `verbatim`, `excerpt`, `altered`, … (absent for
    /// the first appearance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// The speaker this appearance named, when it differs from the entry's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

impl Appearance {
    /// The optional fields in the order the compiled forms store them.
    pub(crate) fn stored_fields(&self) -> [&Option<String>; 8] {
        [
            &self.doc,
            &self.outlet,
            &self.published,
            &self.url,
            &self.title,
            &self.text,
            &self.verdict,
            &self.speaker,
        ]
    }
}

/// One quotation the ledger knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id: a hash of the words and speaker, 16 hex digits.
    pub id: String,
    /// The canonical words: as the first appearance printed them, without the quotation marks.
    pub text: String,
    /// Who said them, when known.
    pub speaker: Option<EntrySpeaker>,
    /// Where the words first appeared (the earliest dated appearance in the corpus).
    pub first: Appearance,
    /// Every later appearance, in date order (unknown dates last).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appearances: Vec<Appearance>,
}
