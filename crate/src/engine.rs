//! The engine: one ledger, scanned against any number of pages.

use std::borrow::Cow;

use crate::attribution::attribute;
use crate::document::Document;
use crate::finding::{Finding, Kind};
use crate::ledger::Ledger;
use crate::page::PageMeta;
use crate::span::Span;
use crate::text::fold;
use crate::verdict::{trace, trace_unquoted_in};

/// Most quotations examined in one document. A page with more is hostile or not prose; the
/// first ones are reported and the rest ignored, so that a scan's cost stays linear.
pub const MAX_QUOTES: usize = 20_000;

/// Most quotations traced against the ledgers per document, and most sentences checked for
/// unquoted reuse. Each trace costs up to a few word alignments of at most 400 words; these
/// bounds keep a hostile page's ledger work under a second while no real article comes near them.
pub const MAX_TRACED: usize = 2_000;
/// See [`MAX_TRACED`].
pub const MAX_UNQUOTED_SENTENCES: usize = 5_000;

/// Bytes of article text per word of a sentence outside quotes checked against a ledger, for
/// [`Engine::expect_text`]: the PolNeAR train texts, 3.88 MB, check 396,618 such words a scan
/// (9.8 bytes a word; sentences holding a quotation, and those under 6 words, are not checked).
pub const TEXT_BYTES_PER_WORD_CHECKED: usize = 10;

/// Finds quotations, attributes them and traces them against a ledger.
///
/// ```
/// use quotetrace::{Engine, Ledger, PageMeta};
/// let engine = Engine::new(Ledger::default());
/// let text = "“We are ready,” said Jane Roe, the mayor of Springfield.";
/// let found = engine.scan(text, &PageMeta::default());
/// assert_eq!(found[0].span.of(text), "We are ready,");
/// assert_eq!(found[0].speaker.as_ref().unwrap().name, "Jane Roe");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Engine {
    ledger: Ledger,
    /// The reader's own ledger: pages learned while reading, and imported ledgers.
    personal: Ledger,
}

impl Engine {
    /// An engine tracing against `ledger` (which may be empty).
    pub fn new(ledger: Ledger) -> Engine {
        Engine {
            ledger,
            personal: Ledger::default(),
        }
    }

    /// The bundled ledger.
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// The personal ledger.
    pub fn personal(&self) -> &Ledger {
        &self.personal
    }

    /// Replaces the personal ledger.
    pub fn set_personal(&mut self, personal: Ledger) {
        self.personal = personal;
    }

    /// Records the quotations of one page in the personal ledger (the "learn as I read" switch).
    /// Returns how many quotations were recorded.
    pub fn learn(&mut self, text: &str, page: &PageMeta) -> usize {
        let found = attribute(&Document::new(text));
        crate::ledger::learn(&mut self.personal, text, page, &found)
    }

    /// Traces words against both ledgers; where both know them, the earlier first appearance
    /// wins (the bundled ledger on a tie).
    fn trace(
        &self,
        words: &str,
        folded: &[Cow<str>],
        speaker: Option<&str>,
        page: &PageMeta,
    ) -> Option<crate::Trace> {
        let a = (!self.ledger.is_empty())
            .then(|| trace(&self.ledger, words, folded, speaker, page))
            .flatten();
        let b = (!self.personal.is_empty())
            .then(|| trace(&self.personal, words, folded, speaker, page))
            .flatten();
        match (a, b) {
            (Some(a), Some(b)) => Some(if crate::ledger::earlier(&b.first, &a.first) {
                b
            } else {
                a
            }),
            (a, b) => a.or(b),
        }
    }

    /// Says that about `bytes` bytes of article text are going to be scanned, for a caller that
    /// knows its input (a batch of files): the ledgers' run filters are then built at the first
    /// sentence if that much text would pay for them ([`crate::ledger::index::RUN_FILTER_AFTER`],
    /// [`crate::ledger::index::Index::expect_words`]) instead of after a share of their words
    /// was checked the slow way. Counted as one word of a sentence outside quotes per
    /// [`TEXT_BYTES_PER_WORD_CHECKED`] bytes. Changes no finding, only when work is done; a
    /// browser, which scans pages as they come, does not call it.
    pub fn expect_text(&self, bytes: usize) {
        let words = bytes / TEXT_BYTES_PER_WORD_CHECKED;
        self.ledger.expect_words(words);
        self.personal.expect_words(words);
    }

    /// Scans `text` (a page's article text; paragraphs separated by line breaks). Never fails:
    /// a text with no quotation gives an empty list. Findings are in text order.
    pub fn scan(&self, text: &str, page: &PageMeta) -> Vec<Finding> {
        let mut doc = Document::new(text);
        doc.limit_quotes(MAX_QUOTES);
        let mut found = attribute(&doc);
        if self.ledger.is_empty() && self.personal.is_empty() {
            return found;
        }
        for f in found
            .iter_mut()
            .filter(|f| matches!(f.kind, Kind::Direct | Kind::Partial))
            .take(MAX_TRACED)
        {
            let speaker = f.speaker.as_ref().map(|s| s.name.as_str());
            let folded = folded_in(&doc, f.span);
            f.trace = self.trace(f.span.of(text), &folded, speaker, page);
            enrich_speaker(f);
        }
        // Known words without quotation marks, in any sentence that holds no quotation.
        let quoted = &doc.top_quotes;
        let mut unquoted = Vec::new();
        let mut checked = 0;
        // Reported speech in text order, to find the one in a sentence by binary search.
        let reported: Vec<&Finding> = found.iter().filter(|r| r.kind == Kind::Indirect).collect();
        for p in &doc.paragraphs {
            for &s in &p.sentences {
                if overlaps_any(quoted, s) || checked >= MAX_UNQUOTED_SENTENCES {
                    continue;
                }
                checked += 1;
                let words = doc.words(s);
                let Some(t) = trace_unquoted_in(&self.ledger, text, &words)
                    .or_else(|| trace_unquoted_in(&self.personal, text, &words))
                else {
                    continue;
                };
                let span = trim_final_punct(text, s);
                let mut f = Finding::new(span, Kind::Unquoted);
                // The attribution the sentence itself carries, if it is reported speech, or else
                // that of the sentence before it in the paragraph ("X noted that A. B.").
                let before = p
                    .sentences
                    .iter()
                    .take_while(|o| o.start < s.start)
                    .last()
                    .copied();
                let own = reported_in(&reported, s);
                if let Some(r) = own.or_else(|| before.and_then(|b| reported_in(&reported, b))) {
                    f.speaker = r.speaker.clone();
                    f.cue = r.cue;
                }
                f.trace = Some(t);
                unquoted.push(f);
            }
        }
        found.extend(unquoted);
        found.sort_by_key(|f| (f.span.start, f.kind == Kind::Unquoted));
        found
    }
}

/// The folded words of `span` (bytes) of the document: the same as
/// [`crate::ledger::index::folded`] of its text, from the document's word index.
fn folded_in<'t>(doc: &Document<'t>, span: Span) -> Vec<Cow<'t, str>> {
    doc.words(span)
        .iter()
        .map(|w| fold(w.span.of(doc.text)))
        .collect()
}

/// A page that names the speaker by surname only ("Roe said") gets the full name, role and
/// organisation the ledger knows for the same person; the mention span stays where the page
/// names them.
fn enrich_speaker(f: &mut Finding) {
    let (Some(sp), Some(t)) = (&mut f.speaker, &f.trace) else {
        return;
    };
    let Some(known) = &t.speaker else { return };
    if t.verdict == crate::Verdict::Misattributed
        || sp.name.split_whitespace().count() > 1
        || !sp.person
    {
        return;
    }
    if crate::verdict::names_agree(&sp.name, known) {
        sp.name = known.clone();
        sp.role = sp.role.take().or_else(|| t.speaker_role.clone());
        sp.org = sp.org.take().or_else(|| t.speaker_org.clone());
    }
}

/// The first reported speech (sorted by start) that overlaps sentence `s`. O(log n) to find the
/// first candidate; reported speech does not nest, so the scan stops at the first that starts
/// past the sentence.
fn reported_in<'f>(sorted: &[&'f Finding], s: Span) -> Option<&'f Finding> {
    let i = sorted.partition_point(|r| r.span.end <= s.start);
    sorted[i..]
        .iter()
        .take_while(|r| r.span.start < s.end)
        .find(|r| r.span.overlaps(s))
        .copied()
}

/// Whether `s` overlaps any of `sorted` (disjoint spans in text order). O(log n).
fn overlaps_any(sorted: &[Span], s: Span) -> bool {
    crate::span::first_ending_after(sorted, s.start).is_some_and(|q| q.start < s.end)
}

fn trim_final_punct(text: &str, s: Span) -> Span {
    let t = s.of(text).trim_end_matches(['.', '!', '?', ' ']);
    Span::new(s.start, s.start + t.len())
}
