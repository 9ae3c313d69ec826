//! Which runs of [`GRAM`] consecutive words some entry holds: a blocked Bloom filter over the
//! hashes of every entry's [`GRAM`]-word windows (term ids).
//!
//! It answers "may any entry hold these [`GRAM`] words in a row?" with no false "no": a sentence
//! whose windows all miss cannot share a run of [`GRAM`] or more words with any entry, which is
//! what an `unquoted` verdict needs, so it is dropped with one memory read per window instead of
//! a posting-list lookup per word pair ([`super::index::Index::has_run`]). A "yes" may be wrong
//! (about 0.3% of windows at the sizes below); the posting lists decide then.
//!
//! Layout: one `u64` block per hash (so one cache line per question), four bits set in it.
//! Size: the power of two at or above 16 bits per window, 2–4 bytes per window, i.e. about
//! 30–60 bytes per entry of 20 words. Built from the entries' term ids once enough sentences were
//! asked about ([`super::index::RUN_FILTER_AFTER`]; not at load): O(total words), one multiply and
//! one memory write per word, no sorting.

use super::index::UNKNOWN;

/// Words per run: the length of the run an `unquoted` verdict needs.
pub const GRAM: usize = crate::verdict::UNQUOTED_MIN_RUN;

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

/// Calls `f` with the hash of every window of [`GRAM`] consecutive term ids of `ids` that holds
/// no [`UNKNOWN`] word. A polynomial rolling hash (one multiply per word), each window's then
/// mixed by MurmurHash3's finalizer so that the low bits (the block) and the high bits (the
/// bits set) are independent. Returns early when `f` returns `true`, and says so.
#[inline]
fn each_window(ids: &[u32], mut f: impl FnMut(u64) -> bool) -> bool {
    let (mut h, mut known) = (0u64, 0usize);
    for (i, &t) in ids.iter().enumerate() {
        if t == UNKNOWN {
            (h, known) = (0, 0);
            continue;
        }
        if known == GRAM {
            h = h.wrapping_sub(u64::from(ids[i - GRAM]).wrapping_mul(B_OUT));
        } else {
            known += 1;
        }
        h = h.wrapping_mul(B).wrapping_add(u64::from(t));
        if known == GRAM {
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

/// The four bits of a block that hash `h` sets.
#[inline]
fn mask(h: u64) -> u64 {
    (1u64 << (h >> 40 & 63))
        | (1u64 << (h >> 46 & 63))
        | (1u64 << (h >> 52 & 63))
        | (1u64 << (h >> 58 & 63))
}

/// A blocked Bloom filter of the [`GRAM`]-word windows of a set of entries.
#[derive(Debug, Clone, Default)]
pub struct RunFilter {
    blocks: Vec<u64>,
    /// How many entries (the first ones of the index) the filter holds.
    covered: usize,
}

impl RunFilter {
    /// The filter of `entries` (each a sequence of term ids).
    pub fn build<E: AsRef<[u32]>>(entries: impl Iterator<Item = E> + Clone) -> RunFilter {
        let windows: usize = entries
            .clone()
            .map(|e| e.as_ref().len().saturating_sub(GRAM - 1))
            .sum();
        let n = (windows * BITS_PER_WINDOW / 64).max(1).next_power_of_two();
        let mut blocks = vec![0u64; n];
        let mut covered = 0;
        for e in entries {
            covered += 1;
            each_window(e.as_ref(), |h| {
                blocks[h as usize & (n - 1)] |= mask(h);
                false
            });
        }
        RunFilter { blocks, covered }
    }

    /// How many entries the filter holds.
    pub fn covered(&self) -> usize {
        self.covered
    }

    /// Whether some entry may hold a run of [`GRAM`] words of `ids` (term ids, [`UNKNOWN`] for
    /// words no entry has): `false` is exact. One memory read per window of known words.
    pub fn may_hold(&self, ids: &[u32]) -> bool {
        let Some(n) = std::num::NonZeroUsize::new(self.blocks.len()) else {
            return true;
        };
        each_window(ids, |h| {
            let m = mask(h);
            self.blocks[h as usize & (n.get() - 1)] & m == m
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// No false "no": every window of every entry is held.
        #[test]
        fn runs010_every_window_is_held(
            entries in proptest::collection::vec(proptest::collection::vec(0u32..50, 0..20), 0..30),
        ) {
            let f = RunFilter::build(entries.iter().map(Vec::as_slice));
            proptest::prop_assert_eq!(f.covered(), entries.len());
            for e in &entries {
                for w in e.windows(GRAM) {
                    proptest::prop_assert!(f.may_hold(w));
                    // Inside a longer text, with unknown words around it.
                    let mut t = vec![UNKNOWN, 3];
                    t.extend_from_slice(w);
                    t.push(UNKNOWN);
                    proptest::prop_assert!(f.may_hold(&t));
                }
            }
        }
    }

    #[test]
    fn runs020_unknown_windows_mostly_miss() {
        // 10,000 entries of 20 random words; windows of other random words are rarely "held".
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
        let f = RunFilter::build(entries.iter().map(Vec::as_slice));
        let held = (0..100_000)
            .filter(|_| {
                let w: Vec<u32> = (0..GRAM).map(|_| next()).collect();
                f.may_hold(&w)
            })
            .count();
        assert!(held < 1_000, "{held} of 100000 unknown windows held");
    }
}
