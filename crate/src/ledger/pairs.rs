//! Frozen word-pair postings, grouped by the pair's first term: which entries hold the pair
//! `(a, b)` (term ids).
//!
//! A [`Group`] holds the pairs starting with one term: their second terms, ascending, and beside
//! each a slot that is the pair's only entry (most pairs) or, with the [`MANY`] bit, where its
//! list starts in the group's list array. A lookup reads a sample of the second terms (cached for
//! common first words), one block of [`SAMPLE`] of them, the slot, and only for a pair held by
//! several entries its list: two or three cache lines, not five. Memory: 8 bytes per pair, plus
//! 4 per entry on a list of several and 4 per such list.
//!
//! [`Pairs`] is every group. Read from the compiled form version 3, a group stays as bytes until
//! its first lookup, then is decoded once ([`std::sync::OnceLock`]): loading decodes no pair at
//! all, and a scan decodes only the groups of the words it meets.

use std::sync::{Arc, OnceLock};

use super::bits::{unpack, width, Blocked};
use super::compiled::In;
use super::index::Frozen;
use crate::error::Error;

/// The slot flag of a pair held by several entries: the rest of the slot is where its list
/// (`len`, then the entries) starts in [`Group::lists`]. A slot without it is the only entry, so
/// entry numbers must stay below it ([`MAX_ENTRIES`]).
const MANY: u32 = 1 << 31;

/// Most entries a frozen pair index holds (entry numbers leave the [`MANY`] bit free).
pub const MAX_ENTRIES: usize = MANY as usize;

/// One second term in this many is copied into a group's sample, searched first: a lookup then
/// reads a few cache lines of the sample (which stays in cache for common first words) and one
/// block of this many second terms (one cache line), instead of binary-searching the whole group
/// (hundreds of thousands of pairs for "the" at a million entries, a cache miss per step).
const SAMPLE: usize = 16;

/// The pairs that start with one term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// Second terms, ascending.
    seconds: Vec<u32>,
    /// Beside each second term: its only entry, or [`MANY`] | where its list starts in `lists`.
    slots: Vec<u32>,
    /// The lists of pairs held by several entries: `len`, then `len` entries ascending.
    lists: Vec<u32>,
    /// `seconds[j * SAMPLE]` for every `j`, in a group longer than two blocks.
    sample: Vec<u32>,
}

impl Group {
    /// Appends the pair with second term `second` (above the last one) held by `list`.
    fn push(&mut self, second: u32, list: &[u32]) {
        self.seconds.push(second);
        match list {
            [only] => self.slots.push(*only),
            _ => {
                self.slots.push(MANY | self.lists.len() as u32);
                self.lists.push(list.len() as u32);
                self.lists.extend_from_slice(list);
            }
        }
    }

    /// Takes the sample, once every pair is in.
    fn seal(mut self) -> Group {
        if self.seconds.len() > 2 * SAMPLE {
            self.sample = self.seconds.iter().step_by(SAMPLE).copied().collect();
        }
        self
    }

    /// The entries of pair `i` of the group.
    fn list(&self, i: usize) -> &[u32] {
        let slot = self.slots[i];
        if slot & MANY == 0 {
            return &self.slots[i..i + 1];
        }
        let at = (slot & !MANY) as usize;
        let len = self.lists[at] as usize;
        &self.lists[at + 1..at + 1 + len]
    }

    /// The entries holding the pair whose second term is `b` (ascending; empty if none).
    pub fn get(&self, b: u32) -> &[u32] {
        let (from, to) = self.block(b);
        match self.seconds[from..to].binary_search(&b) {
            Ok(i) => self.list(from + i),
            Err(_) => &[],
        }
    }

    /// The range of `seconds` where second term `b` is, if the group holds it (empty if it
    /// cannot).
    fn block(&self, b: u32) -> (usize, usize) {
        if self.sample.is_empty() {
            return (0, self.seconds.len());
        }
        // How many samples are at most `b`: the pair, if held, is in the block after the last
        // of them.
        let j = self.sample.partition_point(|&s| s <= b);
        if j == 0 {
            return (0, 0);
        }
        ((j - 1) * SAMPLE, (j * SAMPLE).min(self.seconds.len()))
    }

    /// Every pair of the group: (second term, entries).
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[u32])> + '_ {
        self.seconds
            .iter()
            .enumerate()
            .map(|(i, &b)| (b, self.list(i)))
    }

    /// Reads one group as the compiled form stores it (`v k, k × pair`, see
    /// [`super::compiled`]), checking that second terms ascend and entries are below `entries`.
    pub(super) fn read(r: &mut In, entries: usize) -> Result<Group, Error> {
        let k = r.count()?;
        let mut g = Group {
            seconds: Vec::with_capacity(k),
            slots: Vec::with_capacity(k),
            ..Group::default()
        };
        let mut second = 0u64;
        for j in 0..k {
            let code = r.v()?;
            let d = code >> 1;
            second = second
                .checked_add(d)
                .filter(|&s| (j == 0 || d > 0) && s <= u64::from(u32::MAX))
                .ok_or_else(|| r.err("pair keys are not ascending"))?;
            g.seconds.push(second as u32);
            if code & 1 == 0 {
                let e = r.v()?;
                if e >= entries as u64 {
                    return Err(r.err(&format!("entry {e} out of range")));
                }
                g.slots.push(e as u32);
            } else {
                if g.lists.len() >= MANY as usize {
                    return Err(r.err("pair lists too long"));
                }
                g.slots.push(MANY | g.lists.len() as u32);
                let at = g.lists.len();
                g.lists.push(0);
                r.postings(&mut g.lists, entries)?;
                g.lists[at] = (g.lists.len() - at - 1) as u32;
            }
        }
        Ok(g.seal())
    }

    /// Reads one group as the compiled form version 4 stores it (see [`super::compiled`]).
    /// `None` if it does not decode (only in a file made to pass the checksum).
    pub(super) fn read_v4(bytes: &[u8], entries: usize) -> Option<Group> {
        if bytes.is_empty() {
            return Some(Group::default());
        }
        let mut r = In {
            bytes,
            at: 0,
            entry: entries,
        };
        let k = r.count().ok()?;
        let mut g = Group {
            seconds: Vec::with_capacity(k),
            slots: Vec::with_capacity(k),
            ..Group::default()
        };
        let mut second = 0u64;
        let mut many = 0;
        for j in 0..k {
            let code = r.v().ok()?;
            let d = code >> 1;
            second = second
                .checked_add(d)
                .filter(|&s| (j == 0 || d > 0) && s <= u64::from(u32::MAX))?;
            g.seconds.push(second as u32);
            // Set below: a list's slot is MANY, a single entry's is not.
            g.slots.push(if code & 1 == 1 { MANY } else { 0 });
            many += (code & 1) as usize;
        }
        let w = width(entries);
        let packed = r.take(((k - many) * w as usize).div_ceil(8)).ok()?;
        let mut single = 0;
        for slot in &mut g.slots {
            if *slot == MANY {
                if g.lists.len() >= MANY as usize {
                    return None;
                }
                *slot = MANY | g.lists.len() as u32;
                let at = g.lists.len();
                g.lists.push(0);
                r.postings(&mut g.lists, entries).ok()?;
                g.lists[at] = (g.lists.len() - at - 1) as u32;
            } else {
                let e = unpack(packed, single, w);
                single += 1;
                if e >= entries as u64 {
                    return None;
                }
                *slot = e as u32;
            }
        }
        (r.at == bytes.len()).then(|| g.seal())
    }
}

/// Where the groups of a compiled ledger are, to decode each on first use.
#[derive(Debug, Clone)]
enum Lazy {
    V3(LazyV3),
    /// Version 4: one item per term, [`Group::read_v4`].
    V4 {
        groups: Blocked,
        entries: usize,
    },
}

impl Lazy {
    fn decode(&self, a: usize) -> Group {
        match self {
            Lazy::V3(l) => l.decode(a),
            Lazy::V4 { groups, entries } => {
                Group::read_v4(groups.get(a), *entries).unwrap_or_default()
            }
        }
    }
}

/// Where the groups of a compiled ledger version 3 are.
#[derive(Debug, Clone)]
struct LazyV3 {
    bytes: Arc<Vec<u8>>,
    /// Byte offset of the directory: `terms + 1` little-endian `u32`, group `a` being bytes
    /// `base + dir[a] .. base + dir[a + 1]`.
    dir: usize,
    /// Byte offset of the first group.
    base: usize,
    /// Number of entries (every entry on a list is below it).
    entries: usize,
}

impl LazyV3 {
    fn offset(&self, a: usize) -> usize {
        let at = self.dir + 4 * a;
        self.bytes.get(at..at + 4).map_or(0, |b| {
            u32::from_le_bytes(b.try_into().expect("4 bytes")) as usize
        })
    }

    /// Group `a` decoded. A group that does not decode (only a file built to pass the
    /// checksum with bad contents can hold one) is empty: a scan never fails.
    fn decode(&self, a: usize) -> Group {
        let (from, to) = (self.base + self.offset(a), self.base + self.offset(a + 1));
        let Some(bytes) = self.bytes.get(..to).filter(|_| from <= to) else {
            return Group::default();
        };
        let mut r = In {
            bytes,
            at: from,
            entry: self.entries,
        };
        match Group::read(&mut r, self.entries) {
            Ok(g) if r.at == to => g,
            _ => Group::default(),
        }
    }
}

/// Every frozen pair, grouped by first term.
#[derive(Debug, Clone, Default)]
pub struct Pairs {
    /// Group `a` is the pairs starting with term `a`; empty when nothing is frozen.
    groups: Vec<OnceLock<Box<Group>>>,
    /// Set for a compiled ledger whose groups are decoded on first use.
    lazy: Option<Lazy>,
}

impl Pairs {
    /// The pairs of `frozen` (keys `first << 32 | second`), for `terms` terms.
    pub fn from_frozen(frozen: &Frozen, terms: usize) -> Pairs {
        if frozen.keys.is_empty() {
            return Pairs::default();
        }
        let mut groups = vec![Group::default(); terms];
        for (i, &key) in frozen.keys.iter().enumerate() {
            let list = &frozen.posts[frozen.offs[i] as usize..frozen.offs[i + 1] as usize];
            if let Some(g) = groups.get_mut((key >> 32) as usize) {
                g.push(key as u32, list);
            }
        }
        Pairs::from_groups(groups)
    }

    /// The pairs of decoded groups, group `a` for term `a`.
    pub fn from_groups(groups: Vec<Group>) -> Pairs {
        if groups.iter().all(|g| g.seconds.is_empty()) {
            return Pairs::default();
        }
        Pairs {
            groups: groups
                .into_iter()
                .map(|g| OnceLock::from(Box::new(g.seal())))
                .collect(),
            lazy: None,
        }
    }

    /// The pairs of `terms` groups left in `bytes` (compiled form version 3): a directory of
    /// `terms + 1` offsets at byte `dir`, relative to byte `base`. The caller has checked that
    /// the offsets ascend and stay in the bytes.
    pub(super) fn lazy(
        bytes: Arc<Vec<u8>>,
        dir: usize,
        base: usize,
        terms: usize,
        entries: usize,
    ) -> Pairs {
        let lazy = LazyV3 {
            bytes,
            dir,
            base,
            entries,
        };
        if lazy.offset(terms) == lazy.offset(0) {
            return Pairs::default();
        }
        Pairs {
            groups: (0..terms).map(|_| OnceLock::new()).collect(),
            lazy: Some(Lazy::V3(lazy)),
        }
    }

    /// The pairs of the groups left in `groups` (compiled form version 4: one item per term),
    /// of a ledger of `entries` entries.
    pub(super) fn lazy_v4(groups: Blocked, entries: usize) -> Pairs {
        Pairs {
            groups: (0..groups.n).map(|_| OnceLock::new()).collect(),
            lazy: Some(Lazy::V4 { groups, entries }),
        }
    }

    /// Whether no pair is frozen.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The pairs starting with term `a` (decoded on first use).
    fn group(&self, a: u32) -> Option<&Group> {
        let cell = self.groups.get(a as usize)?;
        Some(cell.get_or_init(|| {
            Box::new(
                self.lazy
                    .as_ref()
                    .map_or_else(Group::default, |l| l.decode(a as usize)),
            )
        }))
    }

    /// The entries holding the pair `(a, b)`, ascending.
    pub fn get(&self, a: u32, b: u32) -> &[u32] {
        self.group(a).map_or(&[], |g| g.get(b))
    }

    /// The entries of each pair of `keys`, as [`Pairs::get`] gives them, into `out` (cleared
    /// first), one per key in order. The same reads as that many [`Pairs::get`]s, made in steps
    /// over all the keys (the groups and the block each second term falls in; the block searched;
    /// the slot; the list's length), so that the cache misses of different pairs overlap instead
    /// of each pair's three or four misses waiting on the one before: against a million entries
    /// almost every step of a look-up is a cache miss.
    pub fn get_many<'a>(&'a self, keys: &[(u32, u32)], out: &mut Vec<&'a [u32]>) {
        out.clear();
        if let [(a, b)] = keys {
            out.push(self.get(*a, *b));
            return;
        }
        // The loads that only bring a line into the cache, folded into one value kept alive.
        let mut touched = 0u32;
        // Each key's group and the block its second term would be in (the sample searched).
        let blocks: Vec<(Option<&Group>, usize, usize)> = keys
            .iter()
            .map(|&(a, b)| {
                let g = self.group(a);
                let (from, to) = g.map_or((0, 0), |g| g.block(b));
                if let Some(&x) = g.and_then(|g| g.seconds.get(from)) {
                    touched ^= x;
                }
                (g, from, to)
            })
            .collect();
        // The pair's index in its group, if the group holds it (the block searched).
        let found: Vec<Option<(&Group, usize)>> = blocks
            .iter()
            .zip(keys)
            .map(|(&(g, from, to), &(_, b))| {
                let g = g?;
                let i = from + g.seconds[from..to].binary_search(&b).ok()?;
                touched ^= g.slots[i];
                Some((g, i))
            })
            .collect();
        // The length of each list of several entries.
        for &(g, i) in found.iter().flatten() {
            if g.slots[i] & MANY != 0 {
                touched ^= g.lists[(g.slots[i] & !MANY) as usize];
            }
        }
        std::hint::black_box(touched);
        out.extend(found.iter().map(|f| f.map_or(&[][..], |(g, i)| g.list(i))));
    }

    /// Every pair as sorted arrays (every group decoded), for writing.
    pub fn to_frozen(&self) -> Frozen {
        let mut f = Frozen {
            offs: vec![0],
            ..Frozen::default()
        };
        for a in 0..self.groups.len() as u32 {
            for (b, list) in self.group(a).into_iter().flat_map(Group::iter) {
                f.keys.push(u64::from(a) << 32 | u64::from(b));
                f.posts.extend_from_slice(list);
                f.offs.push(f.posts.len() as u32);
            }
        }
        f
    }
}
