//! The words of a document found once, and the cues among them: the rules slice into this index
//! instead of re-reading the text of every window they look at.
//!
//! Offsets are bytes into the document text, half-open.

use std::borrow::Cow;

use crate::cast::may_open_part;
use crate::cue::{cue_at_passed, cue_keys, find_cues, may_be_cue_bare, Cue};
use crate::span::Span;
use crate::text::{for_each_word, words, Word};

/// Every word of a text, in order, with its cue class.
///
/// [`WordIndex::words`] of a range is exactly what [`crate::text::words`] finds in that range, and
/// [`WordIndex::cues`] exactly what [`crate::cue::find_cues`] finds among those words: a word
/// wholly inside the range is the same word read either way (words are read left to right, and
/// whether a word goes on depends only on the characters after it), so only a word cut by an end
/// of the range is read again, from the text.
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    /// The words of the whole text, in order (byte spans).
    words: Vec<Word>,
    /// The cues of the whole text with the index of their word, in order: each word's cue read
    /// with its neighbours in the whole text. A word's cue depends only on the words before and
    /// after it, so this holds for any word that is not the first or last of a slice. (About one
    /// word in twenty is a cue: a slice finds its own by their count before its ends,
    /// [`WordIndex::cue_rank`], instead of visiting every word.)
    cues: Vec<(usize, Cue)>,
    /// How many of [`WordIndex::cues`] stand before each word: [`CueRank`].
    cue_rank: CueRank,
    /// One bit per word, set where [`may_be_cue_at`] holds: a word whose bit is clear is no cue
    /// whatever its neighbours, so a slice's end words (read again with the slice's neighbours)
    /// are read only when their bit is set (about one word in ten).
    may_be_cue: Vec<u64>,
    /// The indices of the words that may be part of a person's name by their first byte
    /// ([`crate::cast::may_open_part`]), in order: about one word in five, the only ones
    /// [`crate::cast::Cast`] reads.
    may_be_name: Vec<u32>,
    /// For each [`BLOCK_BYTES`] bytes of the text, the index of the first word that ends past the
    /// block's first byte: where a look-up of a byte offset starts, a few words from the answer
    /// (a binary search over a page's thousand words cost ten dependent steps per end of every
    /// range the rules slice).
    blocks: Vec<u32>,
}

/// Bytes of text per entry of [`WordIndex::blocks`]: about two and a half words of prose, so
/// that [`step_while`]'s first count of four words almost always holds the answer. Trade-off:
/// the table is 4 bytes per block (25% of the text). Measured on 200 PolNeAR train articles
/// (callgrind): 32 bytes read 0.5 M fewer instructions than 64; with the count of four, 16 bytes
/// read 0.28 M fewer than 32 and 22k fewer simulated mispredicted branches (a block of 32 bytes,
/// about five words, needed a second count about once a look-up in four, unpredictably).
const BLOCK_BYTES: usize = 16;

/// The first index from `k` on whose word fails `before` (which holds of a prefix of the
/// words from `k`, as a test of a word's start or end against one offset does): a walk from a
/// block entry, a few words. Counted four words at a time, the count the step: a walk's exit
/// depended on each word and was mispredicted about once a look-up (71k branches on 200 train
/// articles; 36k fewer counted); a count has one exit, mostly after the first four. Trade-off:
/// four compares where the walk made two or three (+0.14 M instructions; eight at a time took
/// 74k mispredicted branches off, for +2.3 M).
#[inline]
fn step_while(ws: &[Word], mut k: usize, before: impl Fn(&Word) -> bool) -> usize {
    while let Some(run) = ws.get(k..k + 4) {
        let n = run.iter().map(|w| usize::from(before(w))).sum::<usize>();
        k += n;
        if n < 4 {
            return k;
        }
    }
    while k < ws.len() && before(&ws[k]) {
        k += 1;
    }
    k
}

/// How many cues stand before a word, in a few instructions: one bit per word, set where the word
/// is a cue, and the count before each 64 words. For [`WordIndex::cues`], which found the cues
/// of a range by two binary searches of the cue list (200 PolNeAR train articles in callgrind:
/// about 0.75 M instructions; this table costs about 8 bytes per 64 words).
#[derive(Debug, Clone, Default)]
struct CueRank {
    /// One bit per word (bit `k % 64` of entry `k / 64`), set where the word is a cue.
    bits: Vec<u64>,
    /// The number of cues before each 64 words.
    before: Vec<u32>,
    /// The number of words.
    words: usize,
}

impl CueRank {
    /// The number of cues among words `0..k` (all of them when `k` is past the last word).
    #[inline]
    fn before(&self, k: usize) -> usize {
        if k >= self.words {
            return self.before.last().map_or(0, |&n| n as usize)
                + self.bits.last().map_or(0, |b| b.count_ones() as usize);
        }
        let below = self.bits[k / 64] & ((1u64 << (k % 64)) - 1);
        self.before[k / 64] as usize + below.count_ones() as usize
    }
}

/// Where a range's words are: a run of the index, or (when an end of the range cuts a word)
/// words read again.
enum Slice {
    Run(usize, usize),
    Read(Vec<Word>),
}

impl WordIndex {
    /// Reads the words of `text` once. O(n) in the text length.
    pub fn new(text: &str) -> WordIndex {
        let bytes = text.as_bytes();
        // One pass finds the words, asks the cue prefilter of each (with the end of its text
        // known, not looked for) and fills the block table; a second reads the cues of the words
        // that pass, which look at their neighbours on both sides.
        let mut words = Vec::with_capacity(text.len() / 5 + 1);
        let mut may_be_cue = Vec::with_capacity(text.len() / (5 * 64) + 1);
        let mut bits = 0u64;
        // The block table, filled in place: `filled` entries are final. Each word stores its
        // index at the first entry not yet final, and makes it final when the word ends past
        // the block's start: the first such word is the entry's answer. One store and a
        // compare a word instead of a loop whose exit depended on the word (a word ends in a
        // new block unpredictably, with 32-byte blocks once in five: 25k mispredicted branches
        // on 200 train articles); a word that ends more than one block on fills the others in
        // a loop.
        // (One entry of slack: the store at `filled` when every entry is final.)
        let table_len = text.len() / BLOCK_BYTES + 1;
        let mut blocks = vec![0u32; table_len + 1];
        let mut filled = 0;
        let mut may_be_name = Vec::with_capacity(text.len() / 24 + 1);
        let keys = cue_keys();
        for_each_word(text, Span::new(0, text.len()), |w, bare_end| {
            let i = words.len();
            // Each block not yet given a word: this one, the first that ends past its start.
            // (`filled <= table_len`: no word ends past the text.)
            blocks[filled] = i as u32;
            let ends_past = |k: usize| k * BLOCK_BYTES < w.span.end;
            filled += usize::from(ends_past(filled));
            while ends_past(filled) {
                blocks[filled] = i as u32;
                filled += 1;
            }
            if may_be_cue_bare(bytes, Span::new(w.span.start, bare_end), keys) {
                bits |= 1 << (i % 64);
            }
            if may_open_part(bytes, w.span) {
                may_be_name.push(i as u32);
            }
            if i % 64 == 63 {
                may_be_cue.push(std::mem::take(&mut bits));
            }
            words.push(w);
        });
        if words.len() % 64 != 0 {
            may_be_cue.push(bits);
        }
        blocks[filled..].fill(words.len() as u32);
        blocks.truncate(table_len);
        // About one word in twenty is a cue: one allocation for most pages.
        let mut cues = Vec::with_capacity(words.len() / 16 + 1);
        let mut cue_rank = CueRank {
            bits: vec![0; may_be_cue.len()],
            before: Vec::with_capacity(may_be_cue.len()),
            words: words.len(),
        };
        for (k, &set) in may_be_cue.iter().enumerate() {
            cue_rank.before.push(cues.len() as u32);
            let mut set = set;
            while set != 0 {
                let i = k * 64 + set.trailing_zeros() as usize;
                set &= set - 1;
                if let Some(c) = cue_at_passed(text, &words, i) {
                    cues.push((i, c));
                    cue_rank.bits[k] |= 1 << (i % 64);
                }
            }
        }
        WordIndex {
            words,
            cues,
            cue_rank,
            may_be_cue,
            may_be_name,
            blocks,
        }
    }

    /// The index of the first word that ends after byte `at`: `partition_point(|w| w.span.end
    /// <= at)`, walked from `at`'s block.
    fn first_ending_after(&self, at: usize) -> usize {
        let ws = &self.words;
        let k = self
            .blocks
            .get(at / BLOCK_BYTES)
            .map_or(ws.len(), |&k| k as usize);
        step_while(ws, k, |w| w.span.end <= at)
    }

    /// The index of the first word from `from` on that starts at or after byte `at`.
    fn first_starting_from(&self, from: usize, at: usize) -> usize {
        let ws = &self.words;
        // Every word before `at`'s block entry ends (so starts) before `at`.
        let floor = self
            .blocks
            .get(at / BLOCK_BYTES)
            .map_or(ws.len(), |&k| k as usize);
        step_while(ws, from.max(floor), |w| w.span.start < at)
    }

    /// Every word of the text, in order.
    pub fn all(&self) -> &[Word] {
        &self.words
    }

    /// The indices of the words that may be part of a name by their first byte
    /// ([`crate::cast::may_open_part`]), in order.
    pub fn may_be_name(&self) -> &[u32] {
        &self.may_be_name
    }

    fn slice(&self, text: &str, range: Span) -> Slice {
        let ws = &self.words;
        // Words that share a byte with the range: `lo..hi`.
        let lo = self.first_ending_after(range.start);
        let hi = self.first_starting_from(lo, range.end);
        let cut_start = lo < hi && ws[lo].span.start < range.start;
        let cut_end = lo < hi && ws[hi - 1].span.end > range.end;
        if !cut_start && !cut_end {
            return Slice::Run(lo, hi);
        }
        Slice::Read(self.read_cut(text, range, (lo, hi), cut_start, cut_end))
    }

    /// The words of `range`, given the index's words that share a byte with it, `lo..hi`, and
    /// which ends of it cut a word (`cut_start`, `cut_end`; one at least): the cut words read
    /// again. Out of line: one slice in fifty is cut, and inlined, its vector and calls made
    /// every call of [`WordIndex::slice`] save and restore registers (200 PolNeAR train articles
    /// in callgrind: about 0.4 M instructions).
    #[cold]
    #[inline(never)]
    fn read_cut(
        &self,
        text: &str,
        range: Span,
        (lo, hi): (usize, usize),
        cut_start: bool,
        cut_end: bool,
    ) -> Vec<Word> {
        let ws = &self.words;
        // Words wholly inside: `a..b`.
        let a = lo + usize::from(cut_start);
        let b = hi - usize::from(cut_end);
        if a >= b {
            return words(text, range);
        }
        let mut out = Vec::with_capacity(b - a + 2);
        if cut_start {
            out.extend(words(text, Span::new(range.start, ws[a].span.start)));
        }
        out.extend_from_slice(&ws[a..b]);
        if cut_end {
            out.extend(words(text, Span::new(ws[b - 1].span.end, range.end)));
        }
        out
    }

    /// The words of `text[range]`, in order: the same as [`crate::text::words`] of the range.
    pub fn words<'a>(&'a self, text: &str, range: Span) -> Cow<'a, [Word]> {
        match self.slice(text, range) {
            Slice::Run(lo, hi) => Cow::Borrowed(&self.words[lo..hi]),
            Slice::Read(ws) => Cow::Owned(ws),
        }
    }

    /// The cues among the words of `text[range]`, in order: the same as
    /// [`crate::cue::find_cues`] of those words. Iterated in place, so that the rules' loop over
    /// a sentence's cues allocates nothing (only a range whose ends cut a word is read into a
    /// vector); the end words of a run, whose cues are read again with the run's neighbours, are
    /// read when the iteration reaches them, and only if they may be cues at all.
    pub fn cues<'a>(&'a self, text: &'a str, range: Span) -> Cues<'a> {
        Cues(match self.slice(text, range) {
            Slice::Run(lo, hi) => {
                // An end word has fewer neighbours here: read again; the inner words' cues are
                // the index's.
                // The cues of words `lo + 1..hi - 1`.
                let a = self.cue_rank.before(lo + 1);
                let b = a.max(self.cue_rank.before(hi.saturating_sub(1)));
                let may = |k: usize| self.may_be_cue[k / 64] & (1 << (k % 64)) != 0;
                CueIter::Run {
                    text,
                    run: &self.words[lo..hi],
                    first: lo < hi && may(lo),
                    inner: self.cues[a..b].iter(),
                    last: hi > lo + 1 && may(hi - 1),
                }
            }
            Slice::Read(ws) => CueIter::Read(find_cues(text, &ws).into_iter()),
        })
    }
}

/// The cues of a range ([`WordIndex::cues`]): `for cue in doc.cues(s)`, or
/// `.into_iter().rev()` for the last first.
pub struct Cues<'a>(CueIter<'a>);

impl<'a> IntoIterator for Cues<'a> {
    type Item = Cue;
    type IntoIter = CueIter<'a>;

    fn into_iter(self) -> CueIter<'a> {
        self.0
    }
}

/// The iterator of [`Cues`], in text order (and back).
pub enum CueIter<'a> {
    /// The cues of a run of the index's words: its first word's and its last word's read with
    /// the neighbours the run gives them, when reached, the inner ones the index's.
    Run {
        text: &'a str,
        run: &'a [Word],
        /// Whether the first word is still to be read (and may be a cue).
        first: bool,
        inner: std::slice::Iter<'a, (usize, Cue)>,
        /// Whether the last word, not the first, is still to be read (and may be a cue).
        last: bool,
    },
    /// The cues of words read again.
    Read(std::vec::IntoIter<Cue>),
}

impl Iterator for CueIter<'_> {
    type Item = Cue;

    fn next(&mut self) -> Option<Cue> {
        match self {
            CueIter::Run {
                text,
                run,
                first,
                inner,
                last,
            } => {
                if std::mem::take(first) {
                    if let Some(c) = cue_at_passed(text, run, 0) {
                        return Some(c);
                    }
                }
                if let Some(&(_, c)) = inner.next() {
                    return Some(c);
                }
                if std::mem::take(last) {
                    return cue_at_passed(text, run, run.len() - 1);
                }
                None
            }
            CueIter::Read(it) => it.next(),
        }
    }
}

impl DoubleEndedIterator for CueIter<'_> {
    fn next_back(&mut self) -> Option<Cue> {
        match self {
            CueIter::Run {
                text,
                run,
                first,
                inner,
                last,
            } => {
                if std::mem::take(last) {
                    if let Some(c) = cue_at_passed(text, run, run.len() - 1) {
                        return Some(c);
                    }
                }
                if let Some(&(_, c)) = inner.next_back() {
                    return Some(c);
                }
                if std::mem::take(first) {
                    return cue_at_passed(text, run, 0);
                }
                None
            }
            CueIter::Read(it) => it.next_back(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every range of a text with initials, acronyms, joiners, abbreviations and cues, against
    /// the naive reading of that range.
    #[test]
    fn wordindex010_slices_read_as_the_text() {
        for t in [
            "Sen. Tom Cotton said, “U.S. ISIS-K’s AT&T,” according to Colin P. Clarke. He told Mr. Byman.",
            "the group said by phone it was a go... went on; “A.B.C.” so-called U.K.-based—said 24.75%.",
            "é“b”c said… Über-ALLES points out, the being said",
            // Several of the index's blocks, their ends inside words and chars.
            "Sen. Tom Cotton said, “U.S. ISIS-K’s AT&T,” according to Colin P. Clarke. He told Mr. \
             Byman. the group said by phone it was a go... went on; “A.B.C.” so-called \
             U.K.-based—said 24.75%. é“b”c said… Über-ALLES points out, the being said",
        ] {
            let ix = WordIndex::new(t);
            for i in (0..=t.len()).filter(|&i| t.is_char_boundary(i)) {
                for j in (i..=t.len()).filter(|&j| t.is_char_boundary(j)) {
                    let r = Span::new(i, j);
                    let naive = words(t, r);
                    assert_eq!(&*ix.words(t, r), &naive[..], "{i}..{j}");
                    let want = find_cues(t, &naive);
                    assert_eq!(ix.cues(t, r).into_iter().collect::<Vec<_>>(), want, "{i}..{j}");
                    let mut back: Vec<Cue> = ix.cues(t, r).into_iter().rev().collect();
                    back.reverse();
                    assert_eq!(back, want, "{i}..{j}");
                    // From both ends in turn: the front's in order, then the back's reversed.
                    let mut it = ix.cues(t, r).into_iter();
                    let (mut front, mut back) = (Vec::new(), Vec::new());
                    while let Some(c) = it.next() {
                        front.push(c);
                        let Some(c) = it.next_back() else { break };
                        back.push(c);
                    }
                    front.extend(back.into_iter().rev());
                    assert_eq!(front, want, "{i}..{j}");
                }
            }
        }
    }
}
