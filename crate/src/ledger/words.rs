//! Each entry's words as term ids: decoded arrays, or left in the compiled bytes.
//!
//! A ledger read from the compiled form version 3 keeps its entries' term ids where they are,
//! at the head of each entry record, and decodes an entry's when it is asked for (a candidate
//! of a quote: some twenty varints) instead of every entry's at load (at 100k entries, two
//! million varints: a third of loading under wasm). Entries added later (the builder, a
//! learned page) are kept decoded, after the compiled ones.

use std::borrow::Cow;
use std::sync::Arc;

use super::bits::Blocked;
use super::compiled::In;

/// Term ids of entries left in compiled bytes.
#[derive(Debug, Clone)]
struct Lazy {
    /// Version 4: the entry records (`bytes`, `table` and `base` unused).
    records: Option<Blocked>,
    bytes: Arc<Vec<u8>>,
    /// Byte offset of the entry offsets: `n` little-endian `u32`, from `base`.
    table: usize,
    /// Byte offset of the first entry record.
    base: usize,
    /// Number of entries.
    n: usize,
    /// Number of terms: every id is below it.
    terms: usize,
    /// Words of all `n` entries.
    total: usize,
}

impl Lazy {
    /// Entry `i`'s ids. Ids that do not decode (only in a file made to pass the checksum) end
    /// the list early: never a panic.
    fn get(&self, i: usize) -> Vec<u32> {
        let mut ids = Vec::new();
        match &self.records {
            Some(records) => self.read_at(records.range(i), i, &mut ids),
            None => self.read_at(self.record(i), i, &mut ids),
        }
        ids
    }

    /// Where entry `i`'s record starts (version 3), to the end of the bytes.
    fn record(&self, i: usize) -> std::ops::Range<usize> {
        let at = self.table + 4 * i;
        match self.bytes.get(at..at + 4) {
            Some(off) => {
                self.base + u32::from_le_bytes(off.try_into().expect("4 bytes")) as usize
                    ..self.bytes.len()
            }
            None => 0..0,
        }
    }

    /// Calls `f` with every entry's record range in order (from its start to the end of the
    /// bytes, version 3): the records of version 4 walked once in order
    /// ([`Blocked::each_range`]).
    fn each_record(&self, mut f: impl FnMut(std::ops::Range<usize>)) {
        match &self.records {
            Some(records) => records.each_range(f),
            None => (0..self.n).for_each(|i| f(self.record(i))),
        }
    }

    /// Every entry's ids in order, each into the same buffer: as [`Lazy::get`] of each, but
    /// each record found in one walk ([`Lazy::each_record`]).
    fn each(&self, f: &mut impl FnMut(&[u32])) {
        let mut ids = Vec::new();
        let mut i = 0;
        self.each_record(|range| {
            ids.clear();
            self.read_at(range, i, &mut ids);
            i += 1;
            f(&ids);
        });
    }

    /// Every entry's number of ids in order, as [`Lazy::each`] would give them, from each
    /// record's count alone (a record whose ids do not all decode, only in a file made to pass
    /// the checksum, counts more than it gives).
    fn each_len(&self, f: &mut impl FnMut(usize)) {
        let mut i = 0;
        self.each_record(|range| {
            let mut r = In {
                bytes: self.bytes.get(..range.end).unwrap_or_default(),
                at: range.start,
                entry: i,
            };
            i += 1;
            f(r.count().unwrap_or(0));
        });
    }

    /// The ids of the record in `range` of the bytes (entry `i`), into `ids`: `v len, len × v
    /// term id`.
    fn read_at(&self, range: std::ops::Range<usize>, i: usize, ids: &mut Vec<u32>) {
        let Some(bytes) = self.bytes.get(..range.end) else {
            return;
        };
        let mut r = In {
            bytes,
            at: range.start,
            entry: i,
        };
        let n = r.count().unwrap_or(0);
        ids.reserve(n);
        for _ in 0..n {
            match r.v() {
                Ok(t) if t < self.terms as u64 => ids.push(t as u32),
                _ => break,
            }
        }
    }
}

/// The term ids of every entry, in entry order.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// The first entries, in compiled bytes.
    lazy: Option<Lazy>,
    /// The entries after the lazy ones, concatenated: the `j`-th is `ids[starts[j]..starts[j + 1]]`.
    ids: Vec<u32>,
    /// Empty, or one more than the decoded entries, from 0.
    starts: Vec<u32>,
}

impl Words {
    /// Decoded entries (`starts` empty, or from 0 to `ids.len()`).
    pub fn new(ids: Vec<u32>, starts: Vec<u32>) -> Words {
        Words {
            lazy: None,
            ids,
            starts,
        }
    }

    /// `n` entries whose records (each opening with `v len, len × v term id`) start at `base`
    /// plus the offsets in the `u32` table at byte `table` of `bytes`, `total` words in all,
    /// term ids below `terms`. The caller has checked the table.
    pub(super) fn lazy(
        bytes: Arc<Vec<u8>>,
        table: usize,
        base: usize,
        n: usize,
        terms: usize,
        total: usize,
    ) -> Words {
        Words {
            lazy: (n > 0).then_some(Lazy {
                records: None,
                bytes,
                table,
                base,
                n,
                terms,
                total,
            }),
            ids: Vec::new(),
            starts: Vec::new(),
        }
    }

    /// The entries whose records (compiled form version 4: each opening with `v len, len × v
    /// term id`) are `records`, `total` words in all, term ids below `terms`.
    pub(super) fn lazy_v4(records: Blocked, terms: usize, total: usize) -> Words {
        let n = records.n;
        Words {
            lazy: (n > 0).then(|| Lazy {
                bytes: records.bytes.clone(),
                records: Some(records),
                table: 0,
                base: 0,
                n,
                terms,
                total,
            }),
            ids: Vec::new(),
            starts: Vec::new(),
        }
    }

    fn lazy_len(&self) -> usize {
        self.lazy.as_ref().map_or(0, |l| l.n)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.lazy_len() + self.starts.len().saturating_sub(1)
    }

    /// Number of words of all entries.
    pub fn total(&self) -> usize {
        self.lazy.as_ref().map_or(0, |l| l.total) + self.ids.len()
    }

    /// Entry `i`'s term ids. Panics if `i` is not below [`Words::len`].
    pub fn get(&self, i: usize) -> Cow<'_, [u32]> {
        match &self.lazy {
            Some(l) if i < l.n => Cow::Owned(l.get(i)),
            _ => {
                let j = i - self.lazy_len();
                Cow::Borrowed(&self.ids[self.starts[j] as usize..self.starts[j + 1] as usize])
            }
        }
    }

    /// Calls `f` with every entry's term ids, in entry order: as [`Words::get`] of each, but
    /// compiled records are walked in order and decoded into one buffer (no allocation per
    /// entry). For building the run filter, which reads every entry.
    pub fn each(&self, mut f: impl FnMut(&[u32])) {
        if let Some(l) = &self.lazy {
            l.each(&mut f);
        }
        for w in self.starts.windows(2) {
            f(&self.ids[w[0] as usize..w[1] as usize]);
        }
    }

    /// Calls `f` with every entry's number of term ids, in entry order (compiled records: their
    /// counts alone, not decoded).
    pub fn each_len(&self, mut f: impl FnMut(usize)) {
        if let Some(l) = &self.lazy {
            l.each_len(&mut f);
        }
        for w in self.starts.windows(2) {
            f((w[1] - w[0]) as usize);
        }
    }

    /// Appends an entry.
    pub fn push(&mut self, ws: &[u32]) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.ids.extend_from_slice(ws);
        self.starts.push(self.ids.len() as u32);
    }

    /// Every entry's ids concatenated, and where each starts (one more than the entries, or
    /// none for no entry).
    pub fn to_parts(&self) -> (Vec<u32>, Vec<u32>) {
        if self.lazy.is_none() {
            return (self.ids.clone(), self.starts.clone());
        }
        let mut ids = Vec::with_capacity(self.total());
        let mut starts = vec![0];
        for i in 0..self.len() {
            ids.extend_from_slice(&self.get(i));
            starts.push(ids.len() as u32);
        }
        (ids, starts)
    }
}
