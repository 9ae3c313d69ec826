//! The ledger's word index: which entries share word pairs with a quote.
//!
//! Words are folded ([`crate::text::fold`]) and interned as `u32` term ids; each entry is its
//! sequence of term ids ([`super::words::Words`]). Two posting structures answer "which entries
//! contain this word pair": a **frozen** one, one group of pairs per first term
//! ([`super::pairs::Pairs`]; a compiled ledger's groups stay in its bytes until their first
//! lookup), and a **fresh** hash map for entries added since (the builder's case). A lookup
//! consults both. Whole texts are found by hash in sorted arrays ([`Frozen`]).
//!
//! A quote of n words makes n-1 pair lookups (a search in the first term's group, a hash probe
//! in the fresh map); pairs so common that their posting list exceeds [`MAX_POSTING`] are not
//! counted, so counting costs at most n × [`MAX_POSTING`] at any ledger size, and walks only the
//! lists that can decide (see [`Index::candidates`]). A sentence is checked for reused words by
//! intersecting posting lists ([`Index::has_run`]), which most sentences fail before any counting.

use rustc_hash::FxHashMap;

use super::pairs::Pairs;
use super::runs::{RunFilter, RUN};
use super::words::Words;
use crate::span::Span;
use crate::text::{fold, words, Word};

/// Posting lists longer than this are not consulted: a word pair shared by that many entries
/// ("of the") says nothing about which one a quote comes from. Trade-off: a quote made only of
/// such pairs is traced only through its exact text.
pub const MAX_POSTING: usize = 256;

/// Most postings [`Index::quote_candidates`] counts for one quote, as long as that leaves it
/// enough lists: its pairs' lists are counted shortest first, a whole length at a time, until
/// the next length would pass this many postings (see `counted_lists`). Against a large ledger
/// a quote's common pairs ("going to", "of the") each bring up to [`MAX_POSTING`] chance entries
/// that share nothing else with it; the entry a quote comes from shares its rarer pairs too.
/// Trade-off: a quote whose source entry shares only its commonest pairs with it ranks that
/// entry by fewer pairs (or not at all). At a million synthetic entries a PolNeAR quote's lists
/// hold ~500 postings on average; the verdict benchmark (alone and with 100k filler entries)
/// and the scans of PolNeAR and moscow-2024 against the train ledger give the same verdicts
/// as counting every list. (Not used for a sentence outside quotes, whose `unquoted` verdict
/// needs an entry on five lists of one run: a budget there lost four of them.)
pub const MAX_COUNTED: usize = 512;

/// How many of a quote's pair lists (their lengths `sizes`, ascending) are counted: every list
/// of each length, shortest first, while the postings stay within `budget`, and always at least
/// `least` lists (whole lengths again). Whole lengths, so that which of two lists of one length
/// comes first never matters.
fn counted_lists(sizes: impl Iterator<Item = usize>, least: usize, budget: usize) -> usize {
    let (mut kept, mut sum, mut last) = (0, 0, usize::MAX);
    let mut class_start = 0;
    for (i, n) in sizes.enumerate() {
        if n != last {
            // A new length: the lists before it are all kept or none is.
            class_start = i;
            last = n;
        }
        sum += n;
        if sum > budget && class_start >= least {
            return class_start;
        }
        kept = i + 1;
    }
    kept
}

/// The run filter is built once the sentences [`Index::has_run`] was asked about hold this
/// fraction of the ledger's words ([`run_filter_after`]: [`RUN_FILTER_AFTER_LARGE`] for a ledger
/// of more than [`LARGE_LEDGER_WORDS`]): building it costs about a memory write per entry word,
/// and until then each sentence word costs a pair lookup (a few cache misses), so this is the
/// ski-rental rule, within a small factor of knowing in advance how many pages will be scanned.
/// (Built at once, it cost the worker's first scan of a page 80–100 ms at 100k entries under
/// Node; a service worker lives for a few pages.)
///
/// A caller that knows how much it is going to scan (a batch of files) need not hedge: it says
/// so ([`Index::expect_words`]), and the filter is built at the first sentence if that much would
/// reach this fraction anyway.
pub const RUN_FILTER_AFTER: usize = 16;

/// [`RUN_FILTER_AFTER`] for a ledger of more than [`LARGE_LEDGER_WORDS`] words. The two costs
/// of the rule, measured natively (the PolNeAR train texts, 396,618 words asked a pass; CPU time
/// of alternating runs of `ledger_scale --scan N 3`, with and without `--online`):
/// - at 100k entries (1.9 M words; a 4 MiB filter, in cache) the build costs 10–20 ms and the
///   119 k words asked before it 0–10 ms more than after (the CPU clock's resolution is 10 ms:
///   well under 100 ns a word), so the two are even at 1/8 of the ledger's words or later;
///   1/16 is already early there, and stays (the worker's 100k ledger builds it as before);
/// - at a million (19 M words; a 32 MiB filter) the build costs ~110 ms (`runs::Regions`) and a
///   word asked before it ~230 ns more (its pair look-ups miss the caches): even at ~480 k words,
///   about 1/40. At 1/32 the filter is built during the second pass of the PolNeAR train texts,
///   not at the end of the third, which paid ~80 ms of look-ups on top of the build.
///
/// Not measured under wasm at this size (the extension ships 100k-entry ledgers).
pub const RUN_FILTER_AFTER_LARGE: usize = 32;

/// Ledgers of more words than this (about 200k entries of 20 words) use
/// [`RUN_FILTER_AFTER_LARGE`].
pub const LARGE_LEDGER_WORDS: usize = 4_000_000;

/// The fraction (1/this) of a ledger of `words` words that the sentences asked about must hold
/// before the run filter is built: [`RUN_FILTER_AFTER`], or [`RUN_FILTER_AFTER_LARGE`] above
/// [`LARGE_LEDGER_WORDS`].
pub fn run_filter_after(words: usize) -> usize {
    if words > LARGE_LEDGER_WORDS {
        RUN_FILTER_AFTER_LARGE
    } else {
        RUN_FILTER_AFTER
    }
}

/// A count that a shared index can add to.
#[derive(Debug, Default)]
struct WordCount(std::sync::atomic::AtomicUsize);

impl Clone for WordCount {
    fn clone(&self) -> WordCount {
        WordCount(std::sync::atomic::AtomicUsize::new(self.get()))
    }
}

impl WordCount {
    fn get(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }
    /// Adds `n`; returns the count before.
    fn add(&self, n: usize) -> usize {
        self.0.fetch_add(n, std::sync::atomic::Ordering::Relaxed)
    }
}

/// The term id given to a word the ledger has never seen: it equals no entry word.
pub const UNKNOWN: u32 = u32::MAX;

/// The folded words of `text`, for matching.
pub fn folded(text: &str) -> Vec<String> {
    words(text, Span::new(0, text.len()))
        .iter()
        .map(|w| fold(w.span.of(text)).into_owned())
        .collect()
}

fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

fn whole_key(ids: &[u32]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    ids.hash(&mut h);
    h.finish()
}

/// The entries holding one key, in the fresh (mutable) index. Most word pairs occur in one entry
/// only: keeping that one inline instead of in a `Vec` saves a heap allocation per key, which is
/// most of the builder's memory at a million entries.
#[derive(Debug, Clone)]
enum Postings {
    One(u32),
    Many(Vec<u32>),
}

impl Postings {
    fn as_slice(&self) -> &[u32] {
        match self {
            Postings::One(x) => std::slice::from_ref(x),
            Postings::Many(v) => v,
        }
    }

    /// Adds entry `id` (entries arrive in ascending order; a repeat is ignored).
    fn push(&mut self, id: u32) {
        match self {
            Postings::One(x) if *x == id => {}
            Postings::One(x) => *self = Postings::Many(vec![*x, id]),
            Postings::Many(v) => {
                if v.last() != Some(&id) {
                    v.push(id);
                }
            }
        }
    }
}

fn post(map: &mut FxHashMap<u64, Postings>, key: u64, id: u32) {
    match map.get_mut(&key) {
        Some(p) => p.push(id),
        None => {
            map.insert(key, Postings::One(id));
        }
    }
}

/// Counts per entry for one lookup, in a small open-addressing table: the first `n` slots of
/// `slots`, `n` the power of two at or above twice the postings counted, so that it stays in
/// the fastest cache whatever the ledger size. (A dense count per entry, 4 MB at a million
/// entries, made every posting a cache miss: three quarters of the counting time.) Only the
/// slots used are reset after a lookup; the table grows to the largest lookup made.
#[derive(Default)]
struct Counts {
    /// `(entry, count)`; `entry == EMPTY` for a free slot.
    slots: Vec<(u32, u32)>,
    /// The slots used, in the order first used.
    touched: Vec<u32>,
    /// The table size of the current lookup (a power of two).
    n: usize,
    /// The [`Twice`] filter's bits.
    twice: Twice,
    /// The postings that [`Twice`] lets through, to count.
    flagged: Vec<u32>,
}

/// Which entries may be on two posting lists or more: two bit sets over a hash of the entry, the
/// first marking entries seen, the second those seen again. An entry on two lists has its bit
/// set in the second; an entry on one list only has it set only if another entry hashes to the
/// same bit (about one in [`Twice::BITS_PER_POSTING`] / 2 at most). Against a large ledger
/// almost every entry on a quote's posting lists is on one list only (a chance pair): at a
/// million entries, 2.6 million entries counted per pass of the PolNeAR train texts for about
/// 100 thousand that share a second pair, each a probe of the counting table, where this costs
/// two bit operations per posting.
#[derive(Default)]
struct Twice {
    /// The two sets word by word, `[seen, again]`: an entry's two bits are in one cache line,
    /// found with one index (two vectors cost a second bounds check and load address per
    /// posting).
    words: Vec<[u64; 2]>,
    /// The bit mask of the current lookup (a power of two minus one).
    mask: usize,
}

impl Twice {
    /// Bits per posting: a few kilobytes for a quote's lists (at most 256 entries each), in the
    /// fastest cache; trade-off against the share of entries let through wrongly (1/32 or less).
    const BITS_PER_POSTING: usize = 16;

    /// Clears the sets and sizes them for `total` postings.
    fn reset(&mut self, total: usize) {
        let bits = (total * Self::BITS_PER_POSTING)
            .max(512)
            .next_power_of_two();
        self.words.clear();
        self.words.resize(bits / 64, [0; 2]);
        self.mask = bits - 1;
    }

    #[inline]
    fn bit(&self, e: u32) -> (usize, u64) {
        let b = (u64::from(e).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & self.mask;
        (b / 64, 1 << (b % 64))
    }

    /// Marks every entry of `list`.
    #[inline]
    fn mark(&mut self, list: &[u32]) {
        for &e in list {
            let (w, m) = self.bit(e);
            let [seen, again] = &mut self.words[w];
            *again |= *seen & m;
            *seen |= m;
        }
    }

    /// Whether entry `e` may have been marked twice or more (`false` is exact).
    #[inline]
    fn may_be_twice(&self, e: u32) -> bool {
        let (w, m) = self.bit(e);
        self.words[w][1] & m != 0
    }
}

const EMPTY: u32 = u32::MAX;

impl Counts {
    /// Counts each entry of `entries`, at most `total` of them.
    fn tally<'a>(&mut self, total: usize, entries: impl Iterator<Item = &'a u32>) {
        let n = (2 * total).max(16).next_power_of_two();
        if self.slots.len() < n {
            self.slots.resize(n, (EMPTY, 0));
        }
        self.n = n;
        for &e in entries {
            let (i, found) = self.probe(e);
            if found {
                self.slots[i].1 += 1;
            } else {
                self.slots[i] = (e, 1);
                self.touched.push(i as u32);
            }
        }
    }

    /// The slot holding entry `e` (`true`), or the empty slot where it would go (`false`):
    /// linear probing from its hash.
    fn probe(&self, e: u32) -> (usize, bool) {
        let mut i = self.slot(e);
        loop {
            match self.slots[i].0 {
                x if x == e => return (i, true),
                EMPTY => return (i, false),
                _ => i = (i + 1) & (self.n - 1),
            }
        }
    }

    fn slot(&self, e: u32) -> usize {
        (u64::from(e).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.n.trailing_zeros()))
            as usize
    }

    /// Counts each entry of `entries` that is already counted (others are left out).
    fn bump<'a>(&mut self, entries: impl Iterator<Item = &'a u32>) {
        for &e in entries {
            if let (i, true) = self.probe(e) {
                self.slots[i].1 += 1;
            }
        }
    }

    /// The entries counted, with their counts, in the order first counted.
    fn counted(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.touched.iter().map(|&i| self.slots[i as usize])
    }

    /// Frees the slots used.
    fn clear(&mut self) {
        for &i in &self.touched {
            self.slots[i as usize] = (EMPTY, 0);
        }
        self.touched.clear();
    }
}

thread_local! {
    static COUNTS: std::cell::RefCell<Counts> = std::cell::RefCell::default();
}

/// Reads one posting per cache line of every list (and each list's last), before any is
/// walked: independent loads, whose misses overlap. Against a large ledger a quote's lists are
/// scattered over hundreds of megabytes, and walking them one after the other waited on each
/// list's lines in turn (a third of [`Index::candidates_within`]'s time at a million entries).
fn touch(lists: &[(&[u32], &[u32])]) {
    let mut touched = 0u32;
    for l in lists.iter().flat_map(|&(f, r)| [f, r]) {
        for i in (0..l.len()).step_by(16) {
            touched ^= l[i];
        }
        touched ^= l.last().copied().unwrap_or(0);
    }
    std::hint::black_box(touched);
}

/// A position in an ascending list, asked about ascending entries: each question gallops from
/// the last answer, so walking a short list against a long one costs O(short × log(long / short)).
struct Cursor<'a> {
    list: &'a [u32],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(list: &'a [u32]) -> Cursor<'a> {
        Cursor { list, at: 0 }
    }

    /// Whether `e` is on the list; `e` must not be below the previous question's.
    fn contains(&mut self, e: u32) -> bool {
        // An empty or used-up list (a fresh list is empty in a compiled ledger that learnt
        // nothing, and is asked about every entry the frozen list does not hold) answers at once.
        if self.at >= self.list.len() {
            return false;
        }
        let rest = &self.list[self.at..];
        let mut step = 1;
        while step < rest.len() && rest[step] < e {
            step *= 2;
        }
        let upto = (step + 1).min(rest.len());
        self.at += rest[..upto].partition_point(|&x| x < e);
        self.list.get(self.at) == Some(&e)
    }
}

/// Postings as sorted arrays: `keys[i]`'s entries are `posts[offs[i]..offs[i + 1]]` (the
/// whole-text keys; and every pair, `first << 32 | second`, as the compiled form's writer takes them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frozen {
    /// Sorted, distinct keys.
    pub keys: Vec<u64>,
    /// `keys.len() + 1` offsets into `posts`.
    pub offs: Vec<u32>,
    /// Entry numbers, ascending within each key.
    pub posts: Vec<u32>,
}

impl Frozen {
    /// The entries of `key`. The whole-text keys are hashes, spread evenly over the `u64`s: the
    /// search starts where `key` would sit if they were exactly even, corrects that guess once by
    /// the key found there (the keys near it are as evenly spread: at a million keys the first
    /// guess is some 500 keys off, the second some 20), and widens from there: three or four
    /// cache lines, where widening from the first guess read a dozen.
    fn get(&self, key: u64) -> &[u32] {
        let n = self.keys.len();
        if n == 0 {
            return &[];
        }
        let even = |d: u64| ((u128::from(d) * n as u128) >> 64) as usize;
        let first = even(key).min(n - 1);
        let at = self.keys[first];
        let guess = if at < key {
            first.saturating_add(even(key - at)).min(n - 1)
        } else {
            first.saturating_sub(even(at - key))
        };
        let (mut lo, mut hi) = (guess, guess + 1);
        let mut step = 8;
        while lo > 0 && self.keys[lo] > key {
            lo = lo.saturating_sub(step);
            step *= 2;
        }
        step = 8;
        while hi < n && self.keys[hi - 1] < key {
            hi = (hi + step).min(n);
            step *= 2;
        }
        match self.keys[lo..hi].binary_search(&key) {
            Ok(i) => &self.posts[self.offs[lo + i] as usize..self.offs[lo + i + 1] as usize],
            Err(_) => &[],
        }
    }

    fn from_map(map: FxHashMap<u64, Postings>) -> Frozen {
        let mut items: Vec<(u64, Postings)> = map.into_iter().collect();
        items.sort_unstable_by_key(|x| x.0);
        let mut f = Frozen {
            keys: Vec::with_capacity(items.len()),
            offs: Vec::with_capacity(items.len() + 1),
            posts: Vec::new(),
        };
        f.offs.push(0);
        for (k, v) in items {
            f.keys.push(k);
            f.posts.extend_from_slice(v.as_slice());
            f.offs.push(f.posts.len() as u32);
        }
        f
    }

    /// Whether the arrays are consistent (offsets ascending and in range, keys sorted).
    pub fn is_valid(&self, entries: usize) -> bool {
        if self.keys.is_empty() && self.posts.is_empty() && self.offs.len() <= 1 {
            return self.offs.first().is_none_or(|&o| o == 0);
        }
        self.offs.len() == self.keys.len() + 1
            && self.offs.first() == Some(&0)
            && self
                .offs
                .last()
                .is_some_and(|&o| o as usize == self.posts.len())
            && self.offs.windows(2).all(|w| w[0] <= w[1])
            && self.keys.windows(2).all(|w| w[0] < w[1])
            && self.posts.iter().all(|&p| (p as usize) < entries)
    }
}

/// Word-pair and whole-text postings for a set of entries.
#[derive(Debug, Clone, Default)]
pub struct Index {
    vocab: FxHashMap<Box<str>, u32>,
    terms: Vec<Box<str>>,
    /// Each entry's term ids (a compiled ledger's decoded when asked for).
    words: Words,
    /// Frozen pair postings, by first term (a compiled ledger's decoded on first use).
    pairs: Pairs,
    whole: Frozen,
    fresh_pairs: FxHashMap<u64, Postings>,
    fresh_whole: FxHashMap<u64, Postings>,
    /// The [`RUN`]-word runs of the entries, built once the sentences asked about hold
    /// 1/[`run_filter_after`] as many words as the entries (so loading, and the first pages,
    /// do not pay for it); used while no entry was added after it.
    runs: std::sync::OnceLock<RunFilter>,
    /// Words of the sentences asked about before the run filter was built.
    run_words: WordCount,
}

impl Index {
    /// Indexes the texts of a ledger's entries, in order. O(total words).
    pub fn build<'a>(texts: impl IntoIterator<Item = &'a str>) -> Index {
        let mut ix = Index::default();
        for t in texts {
            ix.add(t);
        }
        ix.freeze();
        ix
    }

    /// Number of entries indexed.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no entry is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.vocab.get(w) {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(w.into());
        self.vocab.insert(w.into(), id);
        id
    }

    /// Adds one more entry's words; its number is the count of entries added before it.
    pub fn add(&mut self, text: &str) {
        let id = self.len() as u32;
        let ws: Vec<u32> = folded(text).iter().map(|w| self.intern(w)).collect();
        for p in ws.windows(2) {
            post(&mut self.fresh_pairs, pair_key(p[0], p[1]), id);
        }
        post(&mut self.fresh_whole, whole_key(&ws), id);
        self.words.push(&ws);
    }

    /// Moves the fresh postings into the frozen arrays (only when nothing is frozen yet; later
    /// additions stay fresh, which costs nothing at lookup).
    pub fn freeze(&mut self) {
        if self.pairs.is_empty() && self.whole.keys.is_empty() {
            let pairs = Frozen::from_map(std::mem::take(&mut self.fresh_pairs));
            self.pairs = Pairs::from_frozen(&pairs, self.terms.len());
            self.whole = Frozen::from_map(std::mem::take(&mut self.fresh_whole));
            self.runs = std::sync::OnceLock::new();
            self.run_words = WordCount::default();
        }
    }

    /// Counts `words` words of sentences towards building the run filter
    /// ([`RUN_FILTER_AFTER`]) as if they had been asked about already: for a caller that knows
    /// it is about to ask about that many (a batch scan of files, which knows its input; not a
    /// browser's pages, one at a time). The rule's hedge is for not knowing how many pages
    /// follow: once the words to come would pay for the filter, building it at the first
    /// sentence is cheaper than renting until then (at a million entries and the PolNeAR train
    /// texts scanned 6 times: passes of ~230, 320, 160, 160, 160, 160 ms CPU become ~260, 160,
    /// 160, ... ms). Fewer words than that only bring the build nearer, as if asked about. No
    /// effect on any answer, only on when the filter is built.
    pub fn expect_words(&self, words: usize) {
        self.run_words.add(words);
    }

    /// Whether some entry may hold a run of [`RUN`] words of `ids`; `false` is exact. Answered
    /// by the run filter, one memory read per two windows of known words, while it holds every entry;
    /// `true` before it is built (see [`RUN_FILTER_AFTER`]: O(total words), once) and once
    /// entries were added after it.
    pub fn may_share_run(&self, ids: &[u32]) -> bool {
        let runs = match self.runs.get() {
            Some(runs) => runs,
            None if self.run_words.add(ids.len())
                < self.words.total() / run_filter_after(self.words.total()) =>
            {
                return true
            }
            None => self.runs.get_or_init(|| {
                RunFilter::build(
                    &self.terms,
                    |f| self.words.each_len(f),
                    |f| self.words.each(f),
                )
            }),
        };
        runs.covered() != self.len() || runs.may_hold(ids)
    }

    /// Whether some entry may hold a run of [`RUN`] of `words` (spans of `text`, a sentence of
    /// a page), asked before their term ids are looked up: `false` is exact. Answered by the run
    /// filter from the words' bytes ([`RunFilter::may_hold_text`]: a hash per word and a memory
    /// read per two windows, no folding and no vocabulary look-up) once it is built and holds every
    /// entry; `true` until then (the caller then looks the words up and asks
    /// [`Index::has_run`], which counts them towards building it).
    pub fn may_share_run_in(&self, text: &str, words: &[Word]) -> bool {
        if words.len() < RUN {
            return false;
        }
        match self.runs.get() {
            Some(runs) if runs.covered() == self.len() => runs.may_hold_text(text, words),
            _ => true,
        }
    }

    /// Term ids of the words `words` (spans of `text`), [`UNKNOWN`] for words no entry has: the
    /// same as [`Index::lookup`] of their [`fold`]s, each word folded into a stack buffer
    /// ([`crate::text::with_fold`]) rather than into a string of its own (a sentence outside
    /// quotes asked about before the run filter is built allocated one per capitalized word).
    pub fn lookup_in(&self, text: &str, words: &[Word]) -> Vec<u32> {
        words
            .iter()
            .map(|w| {
                crate::text::with_fold(w.span.of(text), |f| {
                    self.vocab.get(f).copied().unwrap_or(UNKNOWN)
                })
            })
            .collect()
    }

    /// Term ids of `words` (folded), [`UNKNOWN`] for words no entry has.
    pub fn lookup<S: AsRef<str>>(&self, words: &[S]) -> Vec<u32> {
        words
            .iter()
            .map(|w| self.vocab.get(w.as_ref()).copied().unwrap_or(UNKNOWN))
            .collect()
    }

    /// The term ids of entry `i` (decoded now, for an entry of a compiled ledger).
    pub fn words(&self, i: usize) -> std::borrow::Cow<'_, [u32]> {
        self.words.get(i)
    }

    /// Every entry's term ids in order as the run filter reads them ([`Words::each`]), and
    /// their counts ([`Words::each_len`]) (tests).
    #[cfg(test)]
    pub(crate) fn each_words(&self) -> (Vec<Vec<u32>>, Vec<usize>) {
        let (mut ids, mut lens) = (Vec::new(), Vec::new());
        self.words.each(|w| ids.push(w.to_vec()));
        self.words.each_len(|n| lens.push(n));
        (ids, lens)
    }

    /// The folded word of term `id`.
    pub fn term(&self, id: u32) -> &str {
        self.terms.get(id as usize).map_or("", |t| t)
    }

    /// Entries whose whole folded text is exactly `ids`.
    pub fn exact(&self, ids: &[u32]) -> Vec<u32> {
        if ids.contains(&UNKNOWN) {
            return Vec::new();
        }
        let k = whole_key(ids);
        let mut out: Vec<u32> = self
            .whole
            .get(k)
            .iter()
            .chain(self.fresh_whole.get(&k).map_or(&[][..], Postings::as_slice))
            .copied()
            .collect();
        out.retain(|&e| *self.words(e as usize) == *ids);
        out
    }

    /// The entries holding the word pair `(a, b)`: frozen ones, then fresh ones (each list
    /// ascending, and every fresh entry numbered after every frozen one). One pair at a time:
    /// the reference that [`Index::pair_lists_all`] is tested against.
    #[cfg(test)]
    fn pair_lists(&self, a: u32, b: u32) -> (&[u32], &[u32]) {
        if a == UNKNOWN || b == UNKNOWN {
            return (&[], &[]);
        }
        let fresh = if self.fresh_pairs.is_empty() {
            &[][..]
        } else {
            self.fresh_pairs
                .get(&pair_key(a, b))
                .map_or(&[][..], Postings::as_slice)
        };
        (self.pairs.get(a, b), fresh)
    }

    /// [`Index::pair_lists`] of every word pair of `ids`, in order. The frozen lists are looked
    /// up together ([`Pairs::get_many`]: their cache misses overlap).
    fn pair_lists_all<'a>(
        &'a self,
        ids: &[u32],
    ) -> impl Iterator<Item = (&'a [u32], &'a [u32])> + 'a {
        let keys: Vec<(u32, u32)> = ids
            .windows(2)
            .map(|p| match (p[0], p[1]) {
                // A word no entry has is in no pair (and no group).
                (UNKNOWN, _) | (_, UNKNOWN) => (UNKNOWN, UNKNOWN),
                (a, b) => (a, b),
            })
            .collect();
        let mut frozen = Vec::with_capacity(keys.len());
        self.pairs.get_many(&keys, &mut frozen);
        frozen.into_iter().zip(keys).map(move |(f, (a, b))| {
            let fresh = if self.fresh_pairs.is_empty() || a == UNKNOWN {
                &[][..]
            } else {
                self.fresh_pairs
                    .get(&pair_key(a, b))
                    .map_or(&[][..], Postings::as_slice)
            };
            (f, fresh)
        })
    }

    /// Up to `k` entries sharing the most word pairs with `ids` (at least `min_shared`), best
    /// first (ties by entry number), as `(entry, shared pairs)`. Pairs held by more than
    /// [`MAX_POSTING`] entries are not counted.
    ///
    /// Cost: O(P log P + T) for P pairs in `ids` and T entries on the counted posting lists, with
    /// T <= P × [`MAX_POSTING`] whatever the ledger size. By pigeonhole, an entry sharing
    /// `min_shared` of P pairs is on at least one of the P - `min_shared` + 1 shortest lists: only
    /// those add entries, and the `min_shared` - 1 longest only add to the counts of entries
    /// found. The counts live in a small per-thread hash table sized to the postings walked.
    pub fn candidates(&self, ids: &[u32], k: usize, min_shared: u32) -> Vec<(u32, u32)> {
        self.candidates_within(ids, k, min_shared, usize::MAX)
    }

    /// [`Index::candidates`] of a quote: its pair lists counted shortest first, a whole length
    /// at a time, only while they hold at most [`MAX_COUNTED`] postings in all (and at least
    /// `min_shared` lists, if it has them), so the shared counts are over those lists only.
    /// Cost: T <= [`MAX_COUNTED`] + [`MAX_POSTING`] × (lists of the last length kept).
    pub fn quote_candidates(&self, ids: &[u32], k: usize, min_shared: u32) -> Vec<(u32, u32)> {
        self.candidates_within(ids, k, min_shared, MAX_COUNTED)
    }

    /// [`Index::candidates`] counting the lists that [`counted_lists`] keeps within `budget`
    /// postings.
    fn candidates_within(
        &self,
        ids: &[u32],
        k: usize,
        min_shared: u32,
        budget: usize,
    ) -> Vec<(u32, u32)> {
        // At most one list per pair: sized once (collected from a filter, the vector grew twice
        // for a quote's dozen lists).
        let mut lists: Vec<(&[u32], &[u32])> = Vec::with_capacity(ids.len());
        lists.extend(
            self.pair_lists_all(ids).filter(|(f, r)| {
                !(f.is_empty() && r.is_empty()) && f.len() + r.len() <= MAX_POSTING
            }),
        );
        let probed = (min_shared.max(1) - 1) as usize;
        if lists.len() < probed + 1 {
            return Vec::new();
        }
        // Which of two lists of the same length is walked and which probed changes no count
        // (see the pigeonhole argument above), so the sort need not be stable.
        lists.sort_unstable_by_key(|(f, r)| f.len() + r.len());
        lists.truncate(counted_lists(
            lists.iter().map(|(f, r)| f.len() + r.len()),
            probed + 1,
            budget,
        ));
        touch(&lists);
        let (walked, probed) = lists.split_at(lists.len() - probed);
        COUNTS.with(|cell| {
            let counts = &mut *cell.borrow_mut();
            let size = |l: &&(&[u32], &[u32])| l.0.len() + l.1.len();
            if min_shared >= 2 {
                // Only entries on two lists or more can be counted min_shared times: the
                // filter lets only those (and a few others) into the counting table.
                let Counts { twice, flagged, .. } = counts;
                twice.reset(lists.iter().map(|l| size(&l)).sum());
                for (f, r) in &lists {
                    twice.mark(f);
                    twice.mark(r);
                }
                flagged.clear();
                // The frozen and the fresh list one after the other (a chained iterator tests
                // which half it is in at every posting).
                for l in walked.iter().flat_map(|&(f, r)| [f, r]) {
                    flagged.extend(l.iter().filter(|&&e| twice.may_be_twice(e)));
                }
                let flagged = std::mem::take(&mut counts.flagged);
                counts.tally(flagged.len(), flagged.iter());
                counts.flagged = flagged;
                // An entry the filter does not let through is not in the table.
                for l in probed.iter().flat_map(|&(f, r)| [f, r]) {
                    for &e in l {
                        if counts.twice.may_be_twice(e) {
                            counts.bump(std::iter::once(&e));
                        }
                    }
                }
            } else {
                let total = walked.iter().map(|l| size(&l)).sum();
                counts.tally(total, walked.iter().flat_map(|(f, r)| f.iter().chain(*r)));
                for (f, r) in probed {
                    counts.bump(f.iter().chain(*r));
                }
            }
            let mut v: Vec<(u32, u32)> =
                counts.counted().filter(|&(_, c)| c >= min_shared).collect();
            counts.clear();
            // Best first, ties by entry number: a total order (entries are distinct), so the
            // best `k` chosen first and then sorted are the first `k` of the whole list sorted
            // (against a large ledger a common quote has hundreds of chance entries on two lists).
            let order = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
            if k == 0 {
                return Vec::new();
            }
            if v.len() > k {
                v.select_nth_unstable_by(k - 1, order);
                v.truncate(k);
            }
            v.sort_unstable_by(order);
            v
        })
    }

    /// Whether some entry holds every word pair of `ids[i..i + n]`, for some `i`: a necessary
    /// condition for an entry to hold those `n` words in a row. For `n` of at least [`RUN`] the
    /// run filter answers first ([`Index::may_share_run`]: almost every sentence stops there);
    /// then the window's posting lists are intersected (the shortest walked, the others probed by
    /// galloping search, the shorter first) without counting. Lists of every length are used, so
    /// a `false` is exact.
    pub fn has_run(&self, ids: &[u32], n: usize) -> bool {
        if n < 2 || ids.len() < n {
            return false;
        }
        if n >= RUN && !self.may_share_run(ids) {
            return false;
        }
        let lists: Vec<(&[u32], &[u32])> = self.pair_lists_all(ids).collect();
        let size = |l: &(&[u32], &[u32])| l.0.len() + l.1.len();
        let need = n - 1;
        // The windows of `need` lists in order, as `lists.windows(need)`, but only those with no
        // empty list (counted as the lists go: one test per list, not one per list of each
        // window), and with one window buffer and one cursor buffer for all of them.
        let mut w: Vec<(&[u32], &[u32])> = Vec::with_capacity(need);
        let mut others: Vec<(Cursor, Cursor)> = Vec::with_capacity(need);
        let mut filled = 0;
        for end in 0..lists.len() {
            if size(&lists[end]) == 0 {
                filled = 0;
                continue;
            }
            filled += 1;
            if filled < need {
                continue;
            }
            w.clear();
            w.extend_from_slice(&lists[end + 1 - need..=end]);
            w.sort_by_key(size);
            others.clear();
            others.extend(
                w[1..]
                    .iter()
                    .map(|&(f, r)| (Cursor::new(f), Cursor::new(r))),
            );
            if w[0].0.iter().chain(w[0].1).any(|&e| {
                others
                    .iter_mut()
                    .all(|(f, r)| f.contains(e) || r.contains(e))
            }) {
                return true;
            }
        }
        false
    }

    /// The parts the compiled form stores: terms, term ids, entry starts, and both postings.
    /// Fresh postings are frozen into a copy first.
    pub fn parts(&self) -> (&[Box<str>], Vec<u32>, Vec<u32>, Frozen, Frozen) {
        let merge = |frozen: &Frozen, fresh: &FxHashMap<u64, Postings>| {
            let mut map: FxHashMap<u64, Postings> = FxHashMap::default();
            for (i, &k) in frozen.keys.iter().enumerate() {
                let list =
                    frozen.posts[frozen.offs[i] as usize..frozen.offs[i + 1] as usize].to_vec();
                map.insert(k, Postings::Many(list));
            }
            for (k, v) in fresh {
                for &id in v.as_slice() {
                    post(&mut map, *k, id);
                }
            }
            Frozen::from_map(map)
        };
        let pairs = self.pairs.to_frozen();
        let (p, w) = if self.fresh_pairs.is_empty() && self.fresh_whole.is_empty() {
            (pairs, self.whole.clone())
        } else {
            (
                merge(&pairs, &self.fresh_pairs),
                merge(&self.whole, &self.fresh_whole),
            )
        };
        let (ids, starts) = self.words.to_parts();
        (&self.terms, ids, starts, p, w)
    }

    /// An index from parts the compiled form's reader has checked as it decoded them (term ids
    /// below the vocabulary size, entries below the entry count, keys and postings ascending,
    /// offsets consistent): no pass over the arrays again, only the vocabulary is hashed.
    pub(crate) fn from_checked_parts(
        terms: Vec<Box<str>>,
        words: Words,
        pairs: Pairs,
        whole: Frozen,
    ) -> Index {
        let mut vocab = FxHashMap::default();
        vocab.reserve(terms.len());
        for (i, t) in terms.iter().enumerate() {
            vocab.insert(t.clone(), i as u32);
        }
        Index {
            vocab,
            terms,
            words,
            pairs,
            whole,
            fresh_pairs: FxHashMap::default(),
            fresh_whole: FxHashMap::default(),
            runs: std::sync::OnceLock::new(),
            run_words: WordCount::default(),
        }
    }

    /// Rebuilds an index from the compiled form's parts. `None` if they are inconsistent.
    pub fn from_parts(
        terms: Vec<Box<str>>,
        ids: Vec<u32>,
        starts: Vec<u32>,
        pairs: Frozen,
        whole: Frozen,
    ) -> Option<Index> {
        let n = starts.len().saturating_sub(1);
        let ok = starts.first().is_none_or(|&s| s == 0)
            && starts.windows(2).all(|w| w[0] <= w[1])
            && starts.last().is_none_or(|&s| s as usize == ids.len())
            && ids.iter().all(|&t| (t as usize) < terms.len())
            && n < super::pairs::MAX_ENTRIES
            && pairs.is_valid(n)
            && pairs
                .keys
                .last()
                .is_none_or(|&k| ((k >> 32) as usize) < terms.len())
            && whole.is_valid(n);
        if !ok {
            return None;
        }
        let pairs = Pairs::from_frozen(&pairs, terms.len());
        Some(Index::from_checked_parts(
            terms,
            Words::new(ids, starts),
            pairs,
            whole,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index010_fresh_and_frozen_agree() {
        let texts = [
            "We are ready for this",
            "We are not ready at all",
            "Thank you",
        ];
        let mut fresh = Index::default();
        for t in texts {
            fresh.add(t);
        }
        let frozen = Index::build(texts);
        let q = frozen.lookup(&folded("we are ready"));
        assert_eq!(fresh.candidates(&q, 5, 1), frozen.candidates(&q, 5, 1));
        assert_eq!(frozen.candidates(&q, 5, 1)[0], (0, 2));
        assert_eq!(frozen.exact(&frozen.lookup(&folded("thank you"))), vec![2]);
        assert!(frozen
            .exact(&frozen.lookup(&folded("thank you all")))
            .is_empty());
    }

    #[test]
    fn index015_expected_words_build_the_run_filter_at_once() {
        // 20 entries of 8 words: 160 words.
        let texts: Vec<String> = (0..20)
            .map(|i| {
                (0..8)
                    .map(|j| format!("w{i}x{j}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let build = || Index::build(texts.iter().map(String::as_str));
        let (ix, told) = (build(), build());
        // Fewer words than 1/RUN_FILTER_AFTER of the ledger's: not built yet.
        let q = ix.lookup(&folded("w3x1 w3x2 w3x3 w3x4 w3x5 w3x6"));
        assert!(ix.has_run(&q, RUN));
        assert!(ix.runs.get().is_none());
        told.expect_words(ix.words.total());
        assert!(told.has_run(&q, RUN));
        assert!(told.runs.get().is_some());
        let miss = ix.lookup(&folded("w3x1 w3x2 w3x3 w3x4 w3x5 w3x7"));
        assert_eq!(told.has_run(&miss, RUN), ix.has_run(&miss, RUN));
    }

    #[test]
    fn index020_parts_roundtrip() {
        let mut ix = Index::build(["one two three", "two three four"]);
        ix.add("three four five");
        let (t, i, s, p, w) = ix.parts();
        let back = Index::from_parts(t.to_vec(), i.to_vec(), s.to_vec(), p, w).expect("consistent");
        let q = back.lookup(&folded("three four"));
        assert_eq!(back.candidates(&q, 5, 1).len(), 2);
        assert!(Index::from_parts(
            vec![],
            vec![7],
            vec![0, 1],
            Frozen::default(),
            Frozen::default()
        )
        .is_none());
    }

    /// The counting that [`Index::candidates`] must equal: every pair's full list counted.
    fn naive(ix: &Index, ids: &[u32], k: usize, min_shared: u32) -> Vec<(u32, u32)> {
        naive_within(ix, ids, k, min_shared, usize::MAX)
    }

    /// [`naive`] counting only the lists no longer than the longest that [`counted_lists`]
    /// keeps within `budget`.
    fn naive_within(
        ix: &Index,
        ids: &[u32],
        k: usize,
        min_shared: u32,
        budget: usize,
    ) -> Vec<(u32, u32)> {
        let mut counts = vec![0u32; ix.len()];
        // The longest list counted: MAX_COUNTED postings or the fewest lists that can give an
        // entry min_shared.
        let mut sizes: Vec<usize> = ids
            .windows(2)
            .map(|p| {
                let (f, r) = ix.pair_lists(p[0], p[1]);
                f.len() + r.len()
            })
            .filter(|&n| n > 0 && n <= MAX_POSTING)
            .collect();
        sizes.sort_unstable();
        let least = min_shared.max(1) as usize;
        let longest = match counted_lists(sizes.iter().copied(), least, budget) {
            0 => 0,
            n => sizes[n - 1],
        };
        for p in ids.windows(2) {
            let (f, r) = ix.pair_lists(p[0], p[1]);
            if f.len() + r.len() <= longest {
                for &e in f.iter().chain(r) {
                    counts[e as usize] += 1;
                }
            }
        }
        let mut v: Vec<(u32, u32)> = (0..ix.len() as u32)
            .map(|e| (e, counts[e as usize]))
            .filter(|&(_, c)| c > 0 && c >= min_shared)
            .collect();
        v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(k);
        v
    }

    proptest::proptest! {
        /// The grouped, hashed lookup finds what the fresh hash map finds, for pairs held and
        /// not, with first words followed by many different words (large groups, whose tables
        /// have probe chains); and the whole-text lookup finds every text's entries.
        #[test]
        fn index025_grouped_lookup_is_the_fresh_map(
            texts in proptest::collection::vec(proptest::collection::vec(0u32..120, 2..30), 1..120),
            probes in proptest::collection::vec((0u32..125, 0u32..125), 0..300),
        ) {
            let texts: Vec<String> = texts
                .iter()
                .map(|t| {
                    // Word 0 is frequent, so that its group is large.
                    t.iter().enumerate().map(|(i, w)| if i % 2 == 0 { "w0".to_string() } else { format!("w{w}") })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let ix = Index::build(texts.iter().map(String::as_str));
            let mut fresh = Index::default();
            for t in &texts {
                fresh.add(t);
            }
            let n = ix.terms.len() as u32;
            let all = (0..n).flat_map(|a| (0..n).map(move |b| (a, b)));
            let probes: Vec<(u32, u32)> = probes.into_iter().map(|(a, b)| (a.min(n), b.min(n))).collect();
            for &(a, b) in probes.iter().chain(&all.collect::<Vec<_>>()) {
                proptest::prop_assert_eq!(ix.pair_lists(a, b).0, fresh.pair_lists(a, b).1);
            }
            // Looked up together, the pairs of a sequence (unknown words among them) are the
            // pairs looked up one by one.
            let seq: Vec<u32> = probes.iter().flat_map(|&(a, b)| [a, b, UNKNOWN, a]).collect();
            for ix in [&ix, &fresh] {
                let one: Vec<(&[u32], &[u32])> = seq.windows(2).map(|p| ix.pair_lists(p[0], p[1])).collect();
                let all: Vec<(&[u32], &[u32])> = ix.pair_lists_all(&seq).collect();
                proptest::prop_assert_eq!(one, all);
            }
            for t in &texts {
                let q = ix.lookup(&folded(t));
                proptest::prop_assert_eq!(ix.exact(&q), fresh.exact(&q));
                proptest::prop_assert!(!ix.exact(&q).is_empty());
            }
        }

        /// The whole-text search finds every key and no other, however the keys are spread
        /// (hashes are even; clustered keys only cost more steps).
        #[test]
        fn index027_whole_key_search_is_binary_search(
            keys in proptest::collection::btree_set(proptest::prelude::any::<u64>(), 0..300),
            near in proptest::collection::btree_set(0u64..1_000, 0..50),
            probes in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..50),
        ) {
            let keys: Vec<u64> = keys.into_iter().chain(near).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            let f = Frozen {
                offs: (0..=keys.len() as u32).collect(),
                posts: (0..keys.len() as u32).collect(),
                keys: keys.clone(),
            };
            for (i, &k) in keys.iter().enumerate() {
                proptest::prop_assert_eq!(f.get(k), &[i as u32][..]);
            }
            for p in probes.into_iter().chain([0, 1, u64::MAX]) {
                let want: &[u32] = match keys.binary_search(&p) {
                    Ok(i) => &f.posts[i..i + 1],
                    Err(_) => &[],
                };
                proptest::prop_assert_eq!(f.get(p), want);
            }
        }

        #[test]
        fn index030_candidates_and_runs_are_exact(
            texts in proptest::collection::vec(proptest::collection::vec(0u8..6, 1..12), 1..40),
            frozen in 0usize..40,
            quote in proptest::collection::vec(0u8..7, 0..14),
            min_shared in 0u32..5,
            budget in 0usize..60,
        ) {
            let word = |w: &u8| ["a", "b", "c", "d", "e", "f", "g"][*w as usize];
            let texts: Vec<String> = texts
                .iter()
                .map(|t| t.iter().map(word).collect::<Vec<_>>().join(" "))
                .collect();
            let frozen = frozen.min(texts.len());
            let mut ix = Index::build(texts[..frozen].iter().map(String::as_str));
            for t in &texts[frozen..] {
                ix.add(t);
            }
            let q: Vec<&str> = quote.iter().map(word).collect();
            let ids = ix.lookup(&q);
            proptest::prop_assert_eq!(ix.candidates(&ids, 3, min_shared), naive(&ix, &ids, 3, min_shared));
            // Within a budget of postings: the lists kept by whole lengths, counted exactly.
            proptest::prop_assert_eq!(
                ix.candidates_within(&ids, 3, min_shared, budget),
                naive_within(&ix, &ids, 3, min_shared, budget)
            );
            for n in 2..9 {
                let truth = (0..ix.len()).any(|e| {
                    let ew = ix.words(e);
                    ids.windows(n).any(|run| ew.windows(n).any(|x| x == run))
                });
                // A run of n words in one entry implies the test passes (it may pass without one).
                proptest::prop_assert!(!truth || ix.has_run(&ids, n));
            }
        }
    }
}
