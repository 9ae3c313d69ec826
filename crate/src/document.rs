//! A document read once: its paragraphs, sentences, quotation spans, cast of names and words.

use crate::cast::Cast;
use crate::quote::{find_quotes_in, QuoteSpan};
use crate::sentences::Sentences;
use crate::span::Span;
use crate::text::{paragraphs, sentence_breaks_into, trim, Word};
use crate::wordindex::{Cues, WordIndex};
use std::borrow::Cow;

/// One paragraph and its sentences (bytes). Sentence breaks inside a quotation are not
/// sentence breaks here: `“A. B,” said X.` is one sentence, so a tag stays with its quote.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The paragraph, trimmed.
    pub span: Span,
    /// Its sentences, trimmed, in order.
    pub sentences: Sentences,
}

/// The segmented document every later stage reads.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The text (offsets below are bytes into it).
    pub text: &'t str,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Quotation spans in order of their opening marks, nested ones after their parent.
    pub quotes: Vec<QuoteSpan>,
    /// The outer spans (marks included) of the top-level quotes, in text order; they never
    /// overlap, so a binary search finds the one at a byte ([`crate::span::first_ending_after`]).
    pub top_quotes: Vec<Span>,
    /// Full names of people, for resolving surnames.
    pub cast: Cast,
    /// Every word of the text, with its cue class: the rules slice into it.
    pub words: WordIndex,
}

impl<'t> Document<'t> {
    /// Segments `text`. O(n) in the text length.
    pub fn new(text: &'t str) -> Document<'t> {
        let paras = paragraphs(text);
        let quotes = find_quotes_in(text, &paras);
        let mut top: Vec<Span> = Vec::with_capacity(quotes.len());
        top.extend(quotes.iter().filter(|q| q.depth == 0).map(QuoteSpan::outer));
        // Top-level quotes are in order and do not overlap: one cursor walks them with the breaks.
        let mut cursor = 0;
        // One buffer for every paragraph's breaks.
        let mut breaks = Vec::new();
        let paragraphs = paras
            .into_iter()
            .map(|p| {
                breaks.clear();
                sentence_breaks_into(text, p, &mut breaks);
                let mut sentences = Sentences::new();
                let mut start = p.start;
                for &b in &breaks {
                    while cursor < top.len() && top[cursor].end <= b {
                        cursor += 1;
                    }
                    if top.get(cursor).is_some_and(|q| q.start < b && b < q.end) {
                        continue;
                    }
                    if let Some(s) = trim(text, Span::new(start, b)) {
                        sentences.push(s);
                    }
                    start = b;
                }
                if let Some(s) = trim(text, Span::new(start, p.end)) {
                    sentences.push(s);
                }
                Paragraph { span: p, sentences }
            })
            .collect();
        let words = WordIndex::new(text);
        Document {
            text,
            paragraphs,
            quotes,
            top_quotes: top,
            cast: Cast::from_words(text, words.all(), words.may_be_name()),
            words,
        }
    }

    /// The words of `range` (bytes): the same as [`crate::text::words`] of it, without reading
    /// the text again.
    pub fn words(&self, range: Span) -> Cow<'_, [Word]> {
        self.words.words(self.text, range)
    }

    /// The cues among the words of `range` (bytes): the same as [`crate::cue::find_cues`] of
    /// them.
    pub fn cues(&self, range: Span) -> Cues<'_> {
        self.words.cues(self.text, range)
    }

    /// Keeps only the first `max` quotations (a hostile page's bound). Sentences stay as
    /// segmented with every quote.
    pub fn limit_quotes(&mut self, max: usize) {
        self.quotes.truncate(max);
        let top = self.quotes.iter().filter(|q| q.depth == 0).count();
        self.top_quotes.truncate(top);
    }

    /// Index of the paragraph containing byte `at`.
    pub fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= at).then_some(i)
    }

    /// The sentence containing byte `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<Span> {
        let p = &self.paragraphs[self.paragraph_at(at)?];
        let i = p
            .sentences
            .partition_point(|s| s.end.max(s.start + 1) <= at);
        p.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= at && at < s.end.max(s.start + 1))
    }
}
