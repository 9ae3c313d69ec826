//! The ledger's word index: which entries share word pairs with a quote.
//!
//! Lookups cost about the same at any ledger size: a quote of n words makes n-1 pair lookups in a
//! hash map, and pairs so common that their posting list exceeds [`MAX_POSTING`] are skipped.

use rustc_hash::FxHashMap;

use super::Entry;
use crate::span::Span;
use crate::text::{fold, words};

/// Posting lists longer than this are not consulted: a word pair shared by that many entries
/// ("of the") says nothing about which one a quote comes from. Trade-off: a quote made only of
/// such pairs is not traced.
pub const MAX_POSTING: usize = 256;

/// The folded words of `text`, for matching.
pub fn folded(text: &str) -> Vec<String> {
    words(text, Span::new(0, text.len()))
        .iter()
        .map(|w| fold(w.span.of(text)))
        .collect()
}

fn hash_pair(a: &str, b: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    a.hash(&mut h);
    b.hash(&mut h);
    h.finish()
}

fn hash_all(ws: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    ws.hash(&mut h);
    h.finish()
}

/// Word-pair postings and whole-text keys for a set of entries.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pairs: FxHashMap<u64, Vec<u32>>,
    whole: FxHashMap<u64, Vec<u32>>,
    /// Each entry's folded words, aligned with the ledger's entries.
    words: Vec<Vec<String>>,
}

impl Index {
    /// Indexes `entries`. O(total words).
    pub fn build(entries: &[Entry]) -> Index {
        let mut ix = Index::default();
        for e in entries {
            ix.add(&e.text);
        }
        ix
    }

    /// Adds one more entry's words; its number is the count of entries added before it.
    pub fn add(&mut self, text: &str) {
        let id = self.words.len() as u32;
        let ws = folded(text);
        for p in ws.windows(2) {
            let list = self.pairs.entry(hash_pair(&p[0], &p[1])).or_default();
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
        self.whole.entry(hash_all(&ws)).or_default().push(id);
        self.words.push(ws);
    }

    /// The folded words of entry `i`.
    pub fn words(&self, i: usize) -> &[String] {
        &self.words[i]
    }

    /// Entries whose whole folded text is exactly `ws`.
    pub fn exact(&self, ws: &[String]) -> &[u32] {
        self.whole.get(&hash_all(ws)).map_or(&[], Vec::as_slice)
    }

    /// Up to `k` entries sharing the most word pairs with `ws` (at least `min_shared`), best first.
    pub fn candidates(&self, ws: &[String], k: usize, min_shared: u32) -> Vec<(u32, u32)> {
        let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
        for p in ws.windows(2) {
            if let Some(list) = self.pairs.get(&hash_pair(&p[0], &p[1])) {
                if list.len() <= MAX_POSTING {
                    for &e in list {
                        *counts.entry(e).or_default() += 1;
                    }
                }
            }
        }
        let mut v: Vec<(u32, u32)> = counts
            .into_iter()
            .filter(|&(_, c)| c >= min_shared)
            .collect();
        v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(k);
        v
    }
}
