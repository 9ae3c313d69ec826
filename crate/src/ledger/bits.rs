//! The compiled form's (version 4) building blocks: fixed-width numbers packed into bits, and
//! blocked sequences — items found through one `u32` offset per [`BLOCK`] of them instead of one
//! per item.
//!
//! Packed numbers: number `j` of width `w` is bits `j × w ..` of a little-endian bit string (the
//! least significant bits first), read with one unaligned 8-byte load, a shift and a mask. Entry
//! numbers take `width(entries)` bits this way (17 at 100,000 entries) instead of a 3-byte
//! varint. (Rice codes of the gaps were a tenth smaller still, but decoding them bit by bit cost
//! the worker's first scan several times its time: a service worker runs V8's baseline wasm code
//! at first, and a decode loop never leaves it.)

use std::sync::Arc;

/// Items per block of a [`Blocked`] sequence: the directory holds the offset of every
/// `BLOCK`-th item, and reaching an item reads at most `BLOCK - 1` length varints before it.
pub const BLOCK: usize = 16;

/// Appends bits to a byte vector.
#[derive(Default)]
pub struct BitWriter {
    pub bytes: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    /// The low `bits` bits of `x` (`bits` at most 64).
    pub fn bits(&mut self, x: u64, bits: u32) {
        if bits > 32 {
            self.bits(x & 0xffff_ffff, 32);
            self.bits(x >> 32, bits - 32);
            return;
        }
        let x = if bits == 64 {
            x
        } else {
            x & ((1u64 << bits) - 1)
        };
        self.acc |= x << self.n;
        self.n += bits;
        while self.n >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// The bytes, the last one padded with 0 bits.
    pub fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.bytes
    }
}

/// Bits needed for numbers below `n` (0 for `n` <= 1).
pub fn width(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros()
}

/// Number `j` of the numbers of width `w` (at most 57) packed in `bytes`; 0 past their end.
#[inline(always)]
pub fn unpack(bytes: &[u8], j: usize, w: u32) -> u64 {
    let bit = j * w as usize;
    let at = bit / 8;
    let word = match bytes.get(at..at + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().expect("8 bytes")),
        None => {
            let mut b = [0u8; 8];
            let rest = bytes.get(at..).unwrap_or(&[]);
            b[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(b)
        }
    };
    (word >> (bit % 8)) & ((1u64 << w) - 1)
}

/// `xs` packed in `w` bits each (see [`unpack`]).
pub fn pack(xs: impl Iterator<Item = u64>, w: u32) -> Vec<u8> {
    let mut out = BitWriter::default();
    for x in xs {
        out.bits(x, w);
    }
    out.finish()
}

/// Writes a blocked sequence: each item is `v length, bytes`; the directory holds the offset of
/// every [`BLOCK`]-th item from the first one.
#[derive(Default)]
pub struct BlockedWriter {
    pub data: Vec<u8>,
    pub dir: Vec<u32>,
    n: usize,
}

impl BlockedWriter {
    /// Appends one item.
    pub fn push(&mut self, item: &[u8]) {
        if self.n % BLOCK == 0 {
            self.dir.push(self.data.len() as u32);
        }
        self.n += 1;
        let mut x = item.len() as u64;
        while x >= 0x80 {
            self.data.push((x as u8) | 0x80);
            x >>= 7;
        }
        self.data.push(x as u8);
        self.data.extend_from_slice(item);
    }
}

/// A blocked sequence of `n` items left in the compiled bytes: the items are `bytes[data..end]`,
/// the directory `ceil(n / BLOCK)` little-endian `u32` at `dir`. The reader has checked that the
/// directory ascends and stays inside the data; an item that does not decode (a file made to
/// pass the checksum) is empty.
#[derive(Debug, Clone)]
pub struct Blocked {
    pub bytes: Arc<Vec<u8>>,
    pub dir: usize,
    pub data: usize,
    pub end: usize,
    pub n: usize,
}

impl Blocked {
    /// Where block `b`'s first item starts in `bytes` (`None` past the directory).
    fn block_start(&self, b: usize) -> Option<usize> {
        let at = self.dir + 4 * b;
        let off = self.bytes.get(at..at + 4)?;
        Some(self.data + u32::from_le_bytes(off.try_into().expect("4 bytes")) as usize)
    }

    /// The byte range of the item whose length starts at byte `at` (`v length, bytes`); `None`
    /// if it does not decode. The next item starts at its end.
    fn item_at(&self, at: usize) -> Option<std::ops::Range<usize>> {
        let (len, next) = varint(&self.bytes[..self.end], at)?;
        Some(next..next.checked_add(len).filter(|&s| s <= self.end)?)
    }

    /// The byte range of item `i` in `bytes` (empty for an item that does not decode, or after
    /// one in its block: it is found by stepping over them).
    pub fn range(&self, i: usize) -> std::ops::Range<usize> {
        if i >= self.n {
            return 0..0;
        }
        let mut item = self.block_start(i / BLOCK).and_then(|a| self.item_at(a));
        for _ in 0..i % BLOCK {
            item = item.and_then(|r| self.item_at(r.end));
        }
        item.unwrap_or(0..0)
    }

    /// Every item's byte range in order, the same as [`Blocked::range`] of each: each block is
    /// walked once from its directory offset, where `range` walks from there to every item (at a
    /// million items, eight steps an item on average instead of one).
    pub fn each_range(&self, mut f: impl FnMut(std::ops::Range<usize>)) {
        for b in 0..self.n.div_ceil(BLOCK) {
            let mut item = self.block_start(b).and_then(|a| self.item_at(a));
            for k in 0..BLOCK.min(self.n - b * BLOCK) {
                if k > 0 {
                    item = item.and_then(|r| self.item_at(r.end));
                }
                f(item.clone().unwrap_or(0..0));
            }
        }
    }

    /// String `i` of a front-coded table: each item is `v p, bytes`, the string being the
    /// first `p` bytes of the item before it in its block followed by the bytes. `None` if it
    /// does not decode.
    pub fn front_coded(&self, i: usize) -> Option<String> {
        if i >= self.n {
            return None;
        }
        let mut at = self.block_start(i / BLOCK)?;
        let mut s: Vec<u8> = Vec::new();
        for _ in 0..=i % BLOCK {
            let item = self.item_at(at)?;
            let (p, from) = varint(&self.bytes[..item.end], item.start)?;
            if p > s.len() {
                return None;
            }
            s.truncate(p);
            s.extend_from_slice(&self.bytes[from..item.end]);
            at = item.end;
        }
        String::from_utf8(s).ok()
    }

    /// Item `i`'s bytes.
    pub fn get(&self, i: usize) -> &[u8] {
        &self.bytes[self.range(i)]
    }
}

/// The varint at `at` in `bytes` and the position after it; `None` if it does not decode.
#[inline]
pub fn varint(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    let mut x = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(at)?;
        at += 1;
        x |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some((usize::try_from(x).ok()?, at));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn bits010_pack_round_trip(xs in proptest::collection::vec(proptest::num::u64::ANY, 0..60), w in 1u32..58) {
            let mask = (1u64 << w) - 1;
            let bytes = pack(xs.iter().copied(), w);
            proptest::prop_assert_eq!(bytes.len(), (xs.len() * w as usize).div_ceil(8));
            for (j, &x) in xs.iter().enumerate() {
                proptest::prop_assert_eq!(unpack(&bytes, j, w), x & mask);
            }
            proptest::prop_assert_eq!(unpack(&bytes, xs.len() + 3, w), 0);
        }
    }

    #[test]
    fn bits030_blocked() {
        let mut w = BlockedWriter::default();
        let items: Vec<Vec<u8>> = (0..40u8).map(|i| vec![i; i as usize * 7]).collect();
        for it in &items {
            w.push(it);
        }
        let mut bytes = w.data.clone();
        let dir = bytes.len();
        for d in &w.dir {
            bytes.extend_from_slice(&d.to_le_bytes());
        }
        let b = Blocked {
            end: dir,
            bytes: Arc::new(bytes),
            dir,
            data: 0,
            n: items.len(),
        };
        for (i, it) in items.iter().enumerate() {
            assert_eq!(b.get(i), &it[..]);
        }
        assert!(b.get(40).is_empty());
    }

    proptest::proptest! {
        /// Walking every item in order gives each item's range as looking it up alone does,
        /// in a sound sequence and in one with a byte broken anywhere (a length that overruns the
        /// data, a varint that does not end): the broken item and the rest of its block empty.
        #[test]
        fn bits040_each_range_is_range_of_each(
            lens in proptest::collection::vec(0usize..200, 0..70),
            broken in proptest::option::of((0usize..4000, proptest::num::u8::ANY)),
        ) {
            let mut w = BlockedWriter::default();
            for (i, &len) in lens.iter().enumerate() {
                w.push(&vec![i as u8; len]);
            }
            let mut bytes = w.data.clone();
            if let Some((at, x)) = broken.filter(|b| b.0 < bytes.len()) {
                bytes[at] = x;
            }
            let dir = bytes.len();
            for d in &w.dir {
                bytes.extend_from_slice(&d.to_le_bytes());
            }
            let b = Blocked { end: dir, bytes: Arc::new(bytes), dir, data: 0, n: lens.len() };
            let mut walked = Vec::new();
            b.each_range(|r| walked.push(r));
            let each: Vec<_> = (0..lens.len()).map(|i| b.range(i)).collect();
            proptest::prop_assert_eq!(walked, each);
        }
    }
}
