//! What a scan reports: one [`Finding`] per quotation or reported speech, in byte offsets.

use crate::span::Span;
use crate::verdict::Trace;

/// How the words are presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A full quotation: it opens its sentence, or follows a colon or "said,".
    Direct,
    /// A quoted fragment inside the writer's own sentence ("rejected the advice as “provocative.”"),
    /// a nested quote, a scare quote or a quoted title.
    Partial,
    /// Reported speech without quotation marks ("X said that …").
    Indirect,
    /// Words known from a ledger, reused without quotation marks.
    Unquoted,
}

impl Kind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Partial => "partial",
            Kind::Indirect => "indirect",
            Kind::Unquoted => "unquoted",
        }
    }
}

/// Who said the words, as this document names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Where the speaker is named *for this quote* (bytes): the pronoun or surname if that is
    /// what the text says there.
    pub span: Span,
    /// The resolved name: "Daniel Byman" for a mention "Byman".
    pub name: String,
    /// Role, if the text gives one: "counterterrorism analyst".
    pub role: Option<String>,
    /// Organisation, if the text gives one: "Soufan Group".
    pub org: Option<String>,
    /// Whether the speaker is a person (as opposed to an institution or a description).
    pub person: bool,
}

/// One quotation or reported speech found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The words (bytes): inside the marks for a quote, the reported content for indirect speech.
    pub span: Span,
    /// Direct, partial, indirect or unquoted.
    pub kind: Kind,
    /// Who said it, when the text says.
    pub speaker: Option<Speaker>,
    /// The cue that ties speaker and words ("said", "according to"), bytes.
    pub cue: Option<Span>,
    /// The outlet that relayed the words ("as quoted by Reuters").
    pub via: Option<String>,
    /// For a partial quote inside reported speech: the whole reported clause (bytes), which is
    /// what annotators of attribution mark as the content ("said the plan was “a disaster”").
    pub clause: Option<Span>,
    /// The ledger's verdict on the words, when a ledger knows them.
    pub trace: Option<Trace>,
}

impl Finding {
    /// A finding with only its span and kind.
    pub fn new(span: Span, kind: Kind) -> Finding {
        Finding {
            span,
            kind,
            speaker: None,
            cue: None,
            via: None,
            clause: None,
            trace: None,
        }
    }
}
