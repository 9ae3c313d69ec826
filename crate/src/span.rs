//! Byte spans into a document's text.

use std::ops::Range;

/// A half-open range of **byte offsets** into the document text, `start..end`, always on UTF-8
/// character boundaries. The core works in bytes throughout; [`crate::offsets::OffsetMap`] is the
/// one place where they become code points (CLI JSON) or UTF-16 units (the wasm boundary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte, inclusive.
    pub start: usize,
    /// Last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes, half-open).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// The span's text in `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The span's bytes in `text`: [`Span::of`] without checking that both ends are char
    /// boundaries (two tests per slice), for a loop over every word that reads its bytes only.
    #[inline]
    pub fn bytes_of<'t>(&self, text: &'t str) -> &'t [u8] {
        &text.as_bytes()[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span as a `Range`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// In `sorted` — spans in text order that do not overlap — the first that ends after byte `at`:
/// the span containing `at`, or else the next one after it. O(log n).
pub fn first_ending_after(sorted: &[Span], at: usize) -> Option<Span> {
    sorted.get(sorted.partition_point(|q| q.end <= at)).copied()
}
