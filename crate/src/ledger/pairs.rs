//! Frozen word-pair postings, grouped by the pair's first term: which entries hold the pair
//! `(a, b)` (term ids).
//!
//! A [`Group`] holds the pairs starting with one term in a small hash table keyed by the second
//! term: each cell holds the second term and a slot that is the pair's only entry (most pairs)
//! or, with the [`MANY`] bit, where its list starts in the group's list array. A lookup reads
//! the group (in place in [`Pairs`]), the cell, and only for a pair held by several entries its
//! list: one cache miss after the group, or two.
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

/// The second term of a cell of a group's table that holds no pair: no term has this id.
const EMPTY: u32 = u32::MAX;

/// The pairs that start with one term: an open-addressing table (linear probing) of cells
/// `[second, slot]`, the slot being the pair's only entry or, with the [`MANY`] bit, where its
/// list starts in `lists`. A lookup reads the cell its second term hashes to (the table is at
/// most two-thirds full: a probe rarely leaves the line), then for a pair of several entries the
/// list: one or two cache misses. (Sorted second terms with a sample searched first, the layout
/// before, took four dependent misses a pair against a million entries: the sample, the block
/// of second terms, the slot beside it, the list.) Memory: 8 bytes per cell, 1.5 to 3 cells per
/// pair (about 12 bytes a pair, where the sorted layout took 8.25), plus 4 per entry on a list
/// of several and 4 per such list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// While the group is built: its cells in the order pushed. Once sealed: the table, a power
    /// of two long (second term [`EMPTY`] where no pair is), or empty for a group of no pair.
    cells: Vec<[u32; 2]>,
    /// The lists of pairs held by several entries: `len`, then `len` entries ascending.
    lists: Vec<u32>,
}

/// Where second term `b` starts its probe in a table of `mask + 1` cells (Fibonacci hashing:
/// the multiply spreads the ids of one group, which cluster, over the table).
fn home(b: u32, mask: usize) -> usize {
    (u64::from(b).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
}

impl Group {
    /// Appends the pair with second term `second` held by `list` (call [`Group::seal`] once
    /// every pair is in).
    fn push(&mut self, second: u32, list: &[u32]) {
        let slot = match list {
            [only] => *only,
            _ => {
                let at = MANY | self.lists.len() as u32;
                self.lists.push(list.len() as u32);
                self.lists.extend_from_slice(list);
                at
            }
        };
        self.cells.push([second, slot]);
    }

    /// Hashes the pushed cells into the table, once every pair is in: the smallest power of two
    /// that leaves it at most two-thirds full. A pair whose second term is [`EMPTY`] (only a
    /// file made to pass the checksum can hold one: no term has that id) is left out.
    fn seal(mut self) -> Group {
        if self.cells.is_empty() {
            return self;
        }
        let k = self.cells.len();
        let mut table = vec![[EMPTY, 0]; (k + k / 2 + 1).next_power_of_two()];
        let mask = table.len() - 1;
        for &cell in self.cells.iter().filter(|c| c[0] != EMPTY) {
            let mut i = home(cell[0], mask);
            while table[i][0] != EMPTY {
                i = (i + 1) & mask;
            }
            table[i] = cell;
        }
        self.cells = table;
        self
    }

    /// Where second term `b`'s probe starts (any index when the group is empty).
    fn start(&self, b: u32) -> usize {
        home(b, self.cells.len().wrapping_sub(1))
    }

    /// The slot of the pair whose second term is `b`, probing from cell `i` (its
    /// [`Group::start`]).
    fn find(&self, b: u32, mut i: usize) -> Option<&u32> {
        if b == EMPTY {
            return None;
        }
        let mask = self.cells.len().wrapping_sub(1);
        loop {
            let cell = self.cells.get(i)?;
            if cell[0] == b {
                return Some(&cell[1]);
            }
            if cell[0] == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The entries of the pair whose slot is `slot` (a reference into the table, which is the
    /// list of a pair of one entry).
    fn list<'a>(&'a self, slot: &'a u32) -> &'a [u32] {
        if slot & MANY == 0 {
            return std::slice::from_ref(slot);
        }
        let at = (slot & !MANY) as usize;
        let len = self.lists[at] as usize;
        &self.lists[at + 1..at + 1 + len]
    }

    /// The entries holding the pair whose second term is `b` (ascending; empty if none).
    pub fn get(&self, b: u32) -> &[u32] {
        self.find(b, self.start(b)).map_or(&[], |s| self.list(s))
    }

    /// Every pair of the group, by ascending second term: (second term, entries).
    pub fn iter(&self) -> impl Iterator<Item = (u32, &[u32])> + '_ {
        let mut cells: Vec<&[u32; 2]> = self.cells.iter().filter(|c| c[0] != EMPTY).collect();
        cells.sort_unstable_by_key(|c| c[0]);
        cells.into_iter().map(|c| (c[0], self.list(&c[1])))
    }

    /// Reads one group as the compiled form stores it (`v k, k × pair`, see
    /// [`super::compiled`]), checking that second terms ascend and entries are below `entries`.
    pub(super) fn read(r: &mut In, entries: usize) -> Result<Group, Error> {
        let k = r.count()?;
        let mut g = Group {
            cells: Vec::with_capacity(k),
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
            if code & 1 == 0 {
                let e = r.v()?;
                if e >= entries as u64 {
                    return Err(r.err(&format!("entry {e} out of range")));
                }
                g.cells.push([second as u32, e as u32]);
            } else {
                if g.lists.len() >= MANY as usize {
                    return Err(r.err("pair lists too long"));
                }
                g.cells.push([second as u32, MANY | g.lists.len() as u32]);
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
            cells: Vec::with_capacity(k),
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
            // Set below: a list's slot is MANY, a single entry's is not.
            g.cells
                .push([second as u32, if code & 1 == 1 { MANY } else { 0 }]);
            many += (code & 1) as usize;
        }
        let w = width(entries);
        let packed = r.take(((k - many) * w as usize).div_ceil(8)).ok()?;
        let mut single = 0;
        for [_, slot] in &mut g.cells {
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
    /// Group `a` is the pairs starting with term `a`; empty when nothing is frozen. Held in
    /// place, not boxed: a lookup's first read is then the group's table itself.
    groups: Vec<OnceLock<Group>>,
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
        Pairs::from_groups(groups.into_iter().map(Group::seal).collect())
    }

    /// The pairs of decoded groups ([`Group::read`]: sealed), group `a` for term `a`.
    pub fn from_groups(groups: Vec<Group>) -> Pairs {
        if groups.iter().all(|g| g.cells.is_empty()) {
            return Pairs::default();
        }
        Pairs {
            groups: groups.into_iter().map(OnceLock::from).collect(),
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
            self.lazy
                .as_ref()
                .map_or_else(Group::default, |l| l.decode(a as usize))
        }))
    }

    /// The entries holding the pair `(a, b)`, ascending.
    pub fn get(&self, a: u32, b: u32) -> &[u32] {
        self.group(a).map_or(&[], |g| g.get(b))
    }

    /// The entries of each pair of `keys`, as [`Pairs::get`] gives them, into `out` (cleared
    /// first), one per key in order. The same reads as that many [`Pairs::get`]s, made in steps
    /// over all the keys (the group and the cell each second term hashes to; the probe, and the
    /// length of a list of several entries), so that the cache misses of different pairs overlap
    /// instead of each pair's misses waiting on the one before: against a million entries
    /// almost every step of a look-up is a cache miss.
    pub fn get_many<'a>(&'a self, keys: &[(u32, u32)], out: &mut Vec<&'a [u32]>) {
        out.clear();
        if let [(a, b)] = keys {
            out.push(self.get(*a, *b));
            return;
        }
        // The loads that only bring a line into the cache, folded into one value kept alive.
        let mut touched = 0u32;
        // Each key's group and the cell its probe starts at.
        let homes: Vec<(Option<&Group>, usize)> = keys
            .iter()
            .map(|&(a, b)| {
                let g = self.group(a);
                let i = g.map_or(0, |g| g.start(b));
                if let Some(c) = g.and_then(|g| g.cells.get(i)) {
                    touched ^= c[0];
                }
                (g, i)
            })
            .collect();
        // The pair's slot, if the group holds it (the probe), and its list's length.
        let found: Vec<Option<(&Group, &u32)>> = homes
            .iter()
            .zip(keys)
            .map(|(&(g, i), &(_, b))| {
                let g = g?;
                let slot = g.find(b, i)?;
                if slot & MANY != 0 {
                    touched ^= g.lists[(slot & !MANY) as usize];
                }
                Some((g, slot))
            })
            .collect();
        std::hint::black_box(touched);
        out.extend(found.iter().map(|f| f.map_or(&[][..], |(g, s)| g.list(s))));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A group of `seconds` (ascending), pair `i` held by entry `i` alone or, for every third
    /// pair, by entries `i` and `i + 1000`.
    fn group(seconds: &[u32]) -> Group {
        let mut g = Group::default();
        for (i, &b) in seconds.iter().enumerate() {
            let i = i as u32;
            if i % 3 == 0 {
                g.push(b, &[i, i + 1000]);
            } else {
                g.push(b, &[i]);
            }
        }
        g.seal()
    }

    /// Every pair of a group is found with its list, and no other second term is, however the
    /// second terms collide in the table (consecutive ids, multiples of the table size, the
    /// largest ids); iteration gives the pairs by ascending second term.
    #[test]
    fn pairs001_group_table_finds_every_pair_and_no_other() {
        let cases: Vec<Vec<u32>> = vec![
            vec![],
            vec![7],
            (0..5).collect(),
            (0..1000).collect(),
            (0..300).map(|i| i * 1024).collect(),
            (0..200).map(|i| u32::MAX - 400 + 2 * i).collect(),
        ];
        for seconds in cases {
            let g = group(&seconds);
            assert!(g.cells.is_empty() || g.cells.len().is_power_of_two());
            assert!(3 * seconds.len() <= 2 * g.cells.len());
            for (i, &b) in seconds.iter().enumerate() {
                let i = i as u32;
                let want: Vec<u32> = if i % 3 == 0 {
                    vec![i, i + 1000]
                } else {
                    vec![i]
                };
                assert_eq!(g.get(b), &want[..], "second {b}");
            }
            for b in [1u32, 3, 1023, 1025, 5_000_000, u32::MAX - 1, u32::MAX] {
                if !seconds.contains(&b) {
                    assert_eq!(g.get(b), &[] as &[u32], "absent second {b}");
                }
            }
            let back: Vec<u32> = g.iter().map(|(b, _)| b).collect();
            assert_eq!(back, seconds);
        }
    }

    /// A pair whose second term is the empty cell's marker (only a crafted file holds one) is
    /// left out of the table, and looking that term up finds nothing, not an empty cell.
    #[test]
    fn pairs002_the_empty_marker_is_never_a_pair() {
        let g = group(&[4, EMPTY]);
        assert_eq!(g.get(4), &[0, 1000]);
        assert_eq!(g.get(EMPTY), &[] as &[u32]);
        assert_eq!(g.iter().count(), 1);
    }

    /// Looking pairs up together gives what looking each up alone gives, in order, for held and
    /// absent pairs, unknown first terms and a single key.
    #[test]
    fn pairs003_get_many_is_get_of_each() {
        let groups = vec![
            group(&(0..100).map(|i| i * 7).collect::<Vec<_>>()),
            Group::default(),
            group(&[1, 2, 3]),
        ];
        let pairs = Pairs::from_groups(groups);
        let keys: Vec<(u32, u32)> = (0..4u32)
            .flat_map(|a| (0..40u32).map(move |b| (a, b * 3)))
            .chain([(u32::MAX, u32::MAX), (2, 2)])
            .collect();
        let mut out = Vec::new();
        pairs.get_many(&keys, &mut out);
        let each: Vec<&[u32]> = keys.iter().map(|&(a, b)| pairs.get(a, b)).collect();
        assert_eq!(out, each);
        assert!(each.iter().any(|l| l.len() == 2) && each.iter().any(|l| l.len() == 1));
        pairs.get_many(&keys[..1], &mut out);
        assert_eq!(out, vec![pairs.get(0, 0)]);
    }
}
