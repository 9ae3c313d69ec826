//! The findings as the contracts give them (CLI JSON, wasm objects), in a chosen offset unit.
//!
//! This is where byte offsets leave the core: every span goes through one [`OffsetMap`].

use serde::Serialize;

use crate::finding::Finding;
use crate::offsets::{OffsetMap, Unit};

/// One quotation, as DESIGN.md's contract gives it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteReport {
    /// Start of the words, in the report's unit.
    pub start: usize,
    /// End of the words (exclusive), in the report's unit.
    pub end: usize,
    /// The words.
    pub text: String,
    /// `direct`, `partial`, `indirect` or `unquoted`.
    pub kind: &'static str,
    /// Who said it.
    pub speaker: Option<SpeakerReport>,
    /// The cue.
    pub cue: Option<CueReport>,
    /// The relaying outlet.
    pub via: Option<String>,
    /// The ledger's verdict.
    pub ledger: Option<LedgerReport>,
    /// For a partial quote inside reported speech, the whole reported clause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<SpanReport>,
}

/// A bare span in the report's unit.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpanReport {
    /// Start.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
}

/// The speaker of a quotation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpeakerReport {
    /// Resolved full name.
    pub name: String,
    /// Where the speaker is named for this quote.
    pub start: usize,
    /// End of that mention, exclusive.
    pub end: usize,
    /// Role, if given.
    pub role: Option<String>,
    /// Organisation, if given.
    pub org: Option<String>,
}

/// The cue of a quotation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CueReport {
    /// The cue's words.
    pub text: String,
    /// Start.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
}

/// The first appearance of a ledger entry.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FirstReport {
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
}

/// One later appearance, for the timeline.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AppearanceReport {
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// How its words relate to the first appearance's.
    pub verdict: Option<String>,
}

/// What the ledger says of a quotation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LedgerReport {
    /// The verdict's name.
    pub verdict: &'static str,
    /// The entry id.
    pub entry: String,
    /// Where the words first appeared.
    pub first: FirstReport,
    /// The changed words, for `altered`.
    pub changes: Vec<crate::verdict::Change>,
    /// The later appearances the ledger knows, in date order (the popup's timeline).
    pub appearances: Vec<AppearanceReport>,
    /// The speaker the ledger knows, when this page names another (`misattributed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// One document's report.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// The document's id.
    pub id: String,
    /// Its quotations in text order.
    pub quotes: Vec<QuoteReport>,
}

/// Converts findings on `text` to reports with offsets in `unit`.
pub fn quotes(text: &str, findings: &[Finding], unit: Unit) -> Vec<QuoteReport> {
    let map = OffsetMap::new(text);
    let at = |b: usize| map.convert(b, Unit::Byte, unit);
    findings
        .iter()
        .map(|f| QuoteReport {
            start: at(f.span.start),
            end: at(f.span.end),
            text: f.span.of(text).to_string(),
            kind: f.kind.as_str(),
            speaker: f.speaker.as_ref().map(|s| SpeakerReport {
                name: s.name.clone(),
                start: at(s.span.start),
                end: at(s.span.end),
                role: s.role.clone(),
                org: s.org.clone(),
            }),
            cue: f.cue.map(|c| CueReport {
                text: c.of(text).to_string(),
                start: at(c.start),
                end: at(c.end),
            }),
            via: f.via.clone(),
            ledger: f.trace.as_ref().map(|t| LedgerReport {
                verdict: t.verdict.as_str(),
                entry: t.id.clone(),
                first: FirstReport {
                    outlet: t.first.outlet.clone(),
                    published: t.first.published.clone(),
                    url: t.first.url.clone(),
                    title: t.first.title.clone(),
                },
                changes: t.changes.clone(),
                appearances: t
                    .appearances
                    .iter()
                    .map(|a| AppearanceReport {
                        outlet: a.outlet.clone(),
                        published: a.published.clone(),
                        url: a.url.clone(),
                        title: a.title.clone(),
                        verdict: a.verdict.clone(),
                    })
                    .collect(),
                speaker: t
                    .speaker
                    .clone()
                    .filter(|_| t.verdict == crate::verdict::Verdict::Misattributed),
            }),
            clause: f.clause.map(|c| SpanReport {
                start: at(c.start),
                end: at(c.end),
            }),
        })
        .collect()
}
