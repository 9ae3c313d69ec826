//! Which runs of [`RUN`] consecutive words some entry may hold: a blocked Bloom filter over the
//! hashes of every entry's [`GRAM`]-word windows.
//!
//! It answers "may any entry hold [`RUN`] of these words in a row?" with no false "no": a
//! sentence whose windows all miss cannot share a run of [`RUN`] or more words with any entry,
//! which is what an `unquoted` verdict needs, so it is dropped with a memory read per two
//! windows instead of a posting-list lookup per word pair ([`super::index::Index::has_run`]). A
//! "yes" may be wrong (about 0.3% of windows at the sizes below); the posting lists decide then.
//!
//! A window is one word shorter than a run, so that a shared run holds two consecutive shared
//! windows, one of them starting at an even word: a question reads only the windows that start
//! at even words ([`STRIDE`]). Half the reads (each a cache miss against a large ledger, where
//! they were a tenth of a steady scan pass at a million entries), for windows a little more
//! often held by chance than windows of a whole run.
//!
//! A window is hashed over its words' [`word_hash`]es, not their term ids: a page's sentence is
//! asked about straight from its text ([`RunFilter::may_hold_text`]), one hash of each word's
//! bytes, with no folding, no allocation and no vocabulary look-up (which cost more than the
//! filter itself, for the 97–99% of sentences that stop here). The hash of a word as written is
//! the hash of its folded form, so a word the ledger holds hashes as its term does.
//!
//! Layout: one `u64` block per hash (so one cache line per question), four bits set in it.
//! Size: the power of two at or above 16 bits per window, 2–4 bytes per window, i.e. about
//! 30–60 bytes per entry of 20 words. Built from the entries' term ids once enough sentences were
//! asked about ([`super::index::RUN_FILTER_AFTER`]; not at load): O(total words), one multiply and
//! one memory write per word, no sorting. The writes are grouped by region of the filter
//! ([`Regions`]), so that a filter larger than the caches is written a region at a time.

use crate::span::Span;
use crate::text::{ascii_case_hash, ascii_case_hash_in, with_fold, Word};

/// Words per run: the length of the run an `unquoted` verdict needs.
pub const RUN: usize = crate::verdict::UNQUOTED_MIN_RUN;

/// Words per window of the filter: one fewer than a run.
pub const GRAM: usize = RUN - 1;

/// A question reads the windows starting at every this many words: a run of [`RUN`] words holds
/// this many consecutive windows, so one of them is read.
const STRIDE: usize = RUN - GRAM + 1;

/// Bits of filter per window held, before rounding up to a power of two.
const BITS_PER_WINDOW: usize = 16;

/// The multiplier of the rolling window hash (odd).
const B: u64 = 0x9e37_79b9_7f4a_7c15;
/// `B` to the power `GRAM - 1`: the weight of the word leaving the window.
const B_OUT: u64 = {
    let mut x = 1u64;
    let mut i = 1;
    while i < GRAM {
        x = x.wrapping_mul(B);
        i += 1;
    }
    x
};

/// The hash of a folded word (a term) for the windows: [`ascii_case_hash`] of its bytes.
pub fn term_hash(term: &str) -> u32 {
    ascii_case_hash(term.as_bytes()).0
}

/// The [`term_hash`] of [`crate::text::fold`] of the word `span` of `text`, without folding an
/// ASCII word: [`ascii_case_hash`] ignores ASCII case, so it hashes the word as written (its
/// final periods left out, as folding does) to what it hashes the lowercase word to.
#[inline]
pub fn word_hash(text: &str, span: Span) -> u32 {
    let b = text.as_bytes();
    let mut end = span.end;
    while end > span.start && b[end - 1] == b'.' {
        end -= 1;
    }
    let (h, ascii) = ascii_case_hash_in(b, span.start, end);
    if ascii {
        h
    } else {
        with_fold(span.of(text), term_hash)
    }
}

/// Calls `f` with the hash of every window of [`GRAM`] consecutive words of `words` (word
/// hashes; `None` for a word no entry has, which no window holding it can be in) that starts at
/// a multiple of `stride` words (1: every window). A polynomial rolling hash (one multiply per
/// word), each window's then mixed by MurmurHash3's finalizer so that the low bits (the block)
/// and the high bits (the bits set) are independent. Returns early when `f` returns `true`, and
/// says so.
#[inline]
fn each_window(
    words: impl Iterator<Item = Option<u32>>,
    stride: usize,
    mut f: impl FnMut(u64) -> bool,
) -> bool {
    // The last GRAM word hashes, to take the leaving word out of the rolling hash.
    let mut ring = [0u32; GRAM];
    let (mut h, mut known) = (0u64, 0usize);
    for (i, w) in words.enumerate() {
        let Some(t) = w else {
            (h, known) = (0, 0);
            continue;
        };
        if known == GRAM {
            h = h.wrapping_sub(u64::from(ring[i % GRAM]).wrapping_mul(B_OUT));
        } else {
            known += 1;
        }
        ring[i % GRAM] = t;
        h = h.wrapping_mul(B).wrapping_add(u64::from(t));
        if known == GRAM && (i + 1 - GRAM) % stride == 0 {
            let mut x = h ^ (h >> 33);
            x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
            x ^= x >> 33;
            if f(x) {
                return true;
            }
        }
    }
    false
}

thread_local! {
    /// The window hashes of the sentence asked about (a buffer kept between questions).
    static WINDOWS: std::cell::RefCell<Vec<u64>> = std::cell::RefCell::default();
}

/// The four bits of a block that hash `h` sets.
#[inline]
fn mask(h: u64) -> u64 {
    (1u64 << (h >> 40 & 63))
        | (1u64 << (h >> 46 & 63))
        | (1u64 << (h >> 52 & 63))
        | (1u64 << (h >> 58 & 63))
}

/// Blocks of the filter in one region: 256 KiB, which stays in the second-level cache while
/// the windows that fall in it are set.
const REGION_BLOCKS: usize = 1 << 15;

/// The window hashes waiting to be set in a filter of `n` blocks, grouped by the region of
/// [`REGION_BLOCKS`] blocks they fall in, each region's set together once some region's share of
/// the buffer is full.
///
/// Why: set in the order the entries give them, every window is a cache miss and a TLB miss in
/// a filter larger than the caches (32 MiB at a million entries: 14 million random writes, about
/// 200 ms, three quarters of the build). Grouped, a region is first read in order, one load per
/// cache line (which the hardware prefetcher streams: a few microseconds for 256 KiB), and its
/// windows then set while it is in the second-level cache; the buffer is written and read in
/// order. The 1M build (`ledger_scale --scan 1000000`, wall time of the build alone, alternating
/// runs on a loaded machine): ~200–270 ms set in entry order, ~200 ms grouped without the read
/// in order (each region's lines were still fetched one miss at a time), 108–117 ms grouped
/// and read first, whatever the buffer's size (from an eighth of the filter to all of it).
/// The filter is the same bits either way. Cost: a buffer of a quarter of the filter's size
/// while building (8 MiB at a million entries; 1,024 hashes for a filter of one region). A
/// smaller filter (100k entries: 4 MiB, in the last-level cache) builds in the same time either
/// way.
struct Regions {
    /// Blocks of the filter (a power of two).
    n: usize,
    /// `log2` of the blocks per region (63 for a filter of one region: every block in it).
    shift: u32,
    /// Hashes per region before the buffer is flushed.
    cap: usize,
    /// Region `r`'s hashes are `buf[r * cap..r * cap + fill[r]]`.
    buf: Vec<u64>,
    fill: Vec<usize>,
}

impl Regions {
    fn new(n: usize) -> Regions {
        let (count, shift, cap) = if n >= 2 * REGION_BLOCKS {
            (
                n / REGION_BLOCKS,
                REGION_BLOCKS.trailing_zeros(),
                REGION_BLOCKS / 4,
            )
        } else {
            (1, 63, 1024)
        };
        Regions {
            n,
            shift,
            cap,
            buf: vec![0; count * cap],
            fill: vec![0; count],
        }
    }

    /// Adds the window hash `h`, setting every region's waiting hashes in `blocks` if its
    /// region's share is full.
    #[inline]
    fn push(&mut self, blocks: &mut [u64], h: u64) {
        let r = (h as usize & (self.n - 1)) >> self.shift;
        let f = self.fill[r];
        self.buf[r * self.cap + f] = h;
        self.fill[r] = f + 1;
        if f + 1 == self.cap {
            self.flush(blocks);
        }
    }

    /// Sets the waiting hashes in `blocks`, region by region: the region read in order first
    /// (one load per 64-byte line), then a loop of independent writes into it.
    fn flush(&mut self, blocks: &mut [u64]) {
        let n = self.n;
        let several = self.shift < 63;
        for (r, fill) in self.fill.iter_mut().enumerate() {
            if several {
                let region = &blocks[r << self.shift..(r + 1) << self.shift];
                let lines = region.chunks_exact(8).fold(0, |x, line| x ^ line[0]);
                // Only the loads matter: kept, so that they are made.
                std::hint::black_box(lines);
            }
            for &h in &self.buf[r * self.cap..r * self.cap + *fill] {
                blocks[h as usize & (n - 1)] |= mask(h);
            }
            *fill = 0;
        }
    }
}

/// A blocked Bloom filter of the [`GRAM`]-word windows of a set of entries.
#[derive(Debug, Clone, Default)]
pub struct RunFilter {
    blocks: Vec<u64>,
    /// How many entries (the first ones of the index) the filter holds.
    covered: usize,
    /// The [`term_hash`] of each term of the index (4 bytes per term), for questions in term ids.
    hashes: Vec<u32>,
}

impl RunFilter {
    /// The filter of the entries that `entries` visits (each a sequence of term ids, `terms[t]`
    /// the folded word of term `t`; `lens` visits their lengths, to size it): visits rather than
    /// an iterator, so that a compiled ledger's entries are decoded in order into one buffer and
    /// counted without decoding ([`super::words::Words::each`], [`super::words::Words::each_len`]).
    pub fn build<T: AsRef<str>>(
        terms: &[T],
        lens: impl FnOnce(&mut dyn FnMut(usize)),
        entries: impl FnOnce(&mut dyn FnMut(&[u32])),
    ) -> RunFilter {
        let hashes: Vec<u32> = terms.iter().map(|t| term_hash(t.as_ref())).collect();
        let mut windows = 0;
        lens(&mut |len| windows += len.saturating_sub(GRAM - 1));
        let n = (windows * BITS_PER_WINDOW / 64).max(1).next_power_of_two();
        // Zeroed by writing, not allocated zeroed: the first touch of each page is then a write
        // (one page fault), where `vec![0; n]`'s pages were first read (a fault mapping the zero
        // page) and then written (a second): 8,192 fewer faults at a million entries.
        #[allow(clippy::slow_vector_initialization)]
        let mut blocks: Vec<u64> = Vec::with_capacity(n);
        blocks.resize(n, 0);
        let mut covered = 0;
        let mut regions = Regions::new(n);
        entries(&mut |e| {
            covered += 1;
            let words = e.iter().map(|&t| hashes.get(t as usize).copied());
            each_window(words, 1, |h| {
                regions.push(&mut blocks, h);
                false
            });
        });
        regions.flush(&mut blocks);
        RunFilter {
            blocks,
            covered,
            hashes,
        }
    }

    /// How many entries the filter holds.
    pub fn covered(&self) -> usize {
        self.covered
    }

    /// Whether some entry may hold a run of [`RUN`] words of `ids` (term ids, [`UNKNOWN`] for
    /// words no entry has): `false` is exact. One memory read per two windows of known words
    /// ([`STRIDE`]).
    pub fn may_hold(&self, ids: &[u32]) -> bool {
        // UNKNOWN (u32::MAX) is no term's index: `get` gives `None`.
        self.may_hold_hashes(ids.iter().map(|&t| self.hashes.get(t as usize).copied()))
    }

    /// Whether some entry may hold a run of [`RUN`] of `words` (spans of `text`): `false` is
    /// exact. One [`word_hash`] per word and one memory read per two windows ([`STRIDE`]).
    pub fn may_hold_text(&self, text: &str, words: &[Word]) -> bool {
        self.may_hold_hashes(words.iter().map(|w| Some(word_hash(text, w.span))))
    }

    /// The windows' hashes are all computed first, then their blocks read in a loop of
    /// independent loads: each read is a cache miss against a large ledger (the filter is 64 MB
    /// at a million entries), and hashing between them (a few dozen instructions a word) kept
    /// fewer of them in flight.
    fn may_hold_hashes(&self, words: impl Iterator<Item = Option<u32>>) -> bool {
        let Some(n) = std::num::NonZeroUsize::new(self.blocks.len()) else {
            return true;
        };
        WINDOWS.with(|cell| {
            let mut hashes = cell.borrow_mut();
            hashes.clear();
            each_window(words, STRIDE, |h| {
                hashes.push(h);
                false
            });
            hashes.iter().any(|&h| {
                let m = mask(h);
                self.blocks[h as usize & (n.get() - 1)] & m == m
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::index::UNKNOWN;

    /// Term `t` is the word `w{t}`.
    fn terms(n: usize) -> Vec<String> {
        (0..n).map(|t| format!("w{t}")).collect()
    }

    /// The filter of `entries` over `terms`.
    fn filter_of(entries: &[Vec<u32>], terms: &[String]) -> RunFilter {
        RunFilter::build(
            terms,
            |f| entries.iter().for_each(|e| f(e.len())),
            |f| entries.iter().for_each(|e| f(e)),
        )
    }

    proptest::proptest! {
        /// No false "no": every run of every entry is held, wherever it stands in the text
        /// asked about (at an even word and at an odd one, between unknown words).
        #[test]
        fn runs010_every_run_is_held(
            entries in proptest::collection::vec(proptest::collection::vec(0u32..50, 0..20), 0..30),
        ) {
            let f = filter_of(&entries, &terms(50));
            proptest::prop_assert_eq!(f.covered(), entries.len());
            for e in &entries {
                for w in e.windows(RUN) {
                    proptest::prop_assert!(f.may_hold(w));
                    // Inside a longer text, with unknown words around it.
                    for before in [&[UNKNOWN, 3][..], &[UNKNOWN], &[7, UNKNOWN, 3]] {
                        let mut t = before.to_vec();
                        t.extend_from_slice(w);
                        t.push(UNKNOWN);
                        proptest::prop_assert!(f.may_hold(&t));
                    }
                    // The same words as a sentence's text, cased and punctuated as written.
                    for then in ["Then", "And then"] {
                        let text = format!(
                            "{then} W{} {}.",
                            w[0],
                            w[1..].iter().map(|t| format!("w{t}")).collect::<Vec<_>>().join(" ")
                        );
                        let words = crate::text::words(&text, Span::new(0, text.len()));
                        proptest::prop_assert!(f.may_hold_text(&text, &words));
                    }
                }
            }
        }

        /// A word as written hashes as its folded form does.
        #[test]
        fn runs015_word_hash_is_the_folded_words(w in "[a-zA-Z0-9’'\\-.&ÉéŞ]{1,40}") {
            let text = format!("{w} and more");
            let span = Span::new(0, w.len());
            proptest::prop_assert_eq!(word_hash(&text, span), term_hash(&crate::text::fold(&w)));
        }
    }

    #[test]
    fn runs018_regions_set_the_same_bits() {
        // 30,000 entries of 20 random words: 450,000 windows, a filter of 2^17 blocks (four
        // regions, each buffer flushed several times). Its bits are those of every window set
        // one by one.
        let mut x = 11u64;
        let entries: Vec<Vec<u32>> = (0..30_000)
            .map(|_| {
                (0..20)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        (x % 5_000) as u32
                    })
                    .collect()
            })
            .collect();
        let t = terms(5_000);
        let f = filter_of(&entries, &t);
        let n = f.blocks.len();
        assert!(n >= 4 * REGION_BLOCKS, "{n} blocks");
        let mut want = vec![0u64; n];
        for e in &entries {
            each_window(e.iter().map(|&w| Some(term_hash(&t[w as usize]))), 1, |h| {
                want[h as usize & (n - 1)] |= mask(h);
                false
            });
        }
        assert!(f.blocks == want);
    }

    #[test]
    fn runs020_unknown_windows_mostly_miss() {
        // 10,000 entries of 20 random words; runs of other random words are rarely "held".
        let mut x = 7u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 5_000) as u32
        };
        let entries: Vec<Vec<u32>> = (0..10_000)
            .map(|_| (0..20).map(|_| next()).collect())
            .collect();
        let f = filter_of(&entries, &terms(5_000));
        let held = (0..100_000)
            .filter(|_| {
                let w: Vec<u32> = (0..RUN).map(|_| next()).collect();
                f.may_hold(&w)
            })
            .count();
        assert!(held < 1_000, "{held} of 100000 unknown runs held");
    }
}
