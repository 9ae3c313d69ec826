//! The compiled form's (version 4) building blocks: a bit stream with Rice codes, and blocked
//! sequences — items found through one `u32` offset per [`BLOCK`] of them instead of one per item.
//!
//! Bits are written least significant first into little-endian bytes. A Rice code with parameter
//! `r` writes `x >> r` as that many 0 bits and a 1, then the low `r` bits of `x`: for values
//! spread evenly over a range of size `m` (the gaps between sorted random numbers, for example),
//! with `r` about `log2(m)`, that is `r + 2` bits a value, against a whole number of 7-bit groups
//! for a varint.

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
    /// One bit.
    pub fn bit(&mut self, b: bool) {
        self.bits(u64::from(b), 1);
    }
    /// `x` as a Rice code with parameter `r`.
    pub fn rice(&mut self, x: u64, r: u32) {
        let mut q = x >> r;
        while q >= 32 {
            self.bits(0, 32);
            q -= 32;
        }
        self.bits(1 << q, q as u32 + 1);
        self.bits(x, r);
    }
    /// The bytes, the last one padded with 0 bits.
    pub fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.bytes.push(self.acc as u8);
        }
        self.bytes
    }
}

/// The Rice parameter that codes `xs` in the fewest bits, and that number of bits.
pub fn best_rice(xs: impl Iterator<Item = u64> + Clone) -> (u32, u64) {
    (0..64u32)
        .map(|r| {
            let bits = xs
                .clone()
                .map(|x| (x >> r).saturating_add(1 + u64::from(r)))
                .fold(0u64, u64::saturating_add);
            (r, bits)
        })
        .min_by_key(|&(r, bits)| (bits, r))
        .unwrap_or((0, 0))
}

/// Bits needed for numbers below `n` (0 for `n` <= 1).
pub fn width(n: usize) -> u32 {
    usize::BITS - n.saturating_sub(1).leading_zeros()
}

/// Reads bits from a byte slice. Reading past its end is an error (`None`), never a panic.
pub struct BitReader<'b> {
    bytes: &'b [u8],
    /// Position in bits.
    at: usize,
}

impl<'b> BitReader<'b> {
    pub fn new(bytes: &'b [u8]) -> BitReader<'b> {
        BitReader { bytes, at: 0 }
    }

    /// The next 64 bits from the position (0 bits past the end), not consumed.
    #[inline(always)]
    fn peek(&self) -> u64 {
        let byte = self.at / 8;
        let shift = (self.at % 8) as u32;
        let word = match self.bytes.get(byte..byte + 8) {
            Some(b) => u64::from_le_bytes(b.try_into().expect("8 bytes")),
            None => {
                let mut w = [0u8; 8];
                let rest = self.bytes.get(byte..).unwrap_or(&[]);
                w[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(w)
            }
        };
        let next = if shift == 0 {
            0
        } else {
            u64::from(self.bytes.get(byte + 8).copied().unwrap_or(0)) << (64 - shift)
        };
        word >> shift | next
    }

    /// `bits` bits (at most 64).
    #[inline(always)]
    pub fn bits(&mut self, bits: u32) -> Option<u64> {
        if bits == 0 {
            return Some(0);
        }
        if self.at + bits as usize > 8 * self.bytes.len() {
            return None;
        }
        let x = if bits == 64 {
            self.peek()
        } else {
            self.peek() & ((1u64 << bits) - 1)
        };
        self.at += bits as usize;
        Some(x)
    }

    /// Bits left.
    pub fn left(&self) -> usize {
        (8 * self.bytes.len()).saturating_sub(self.at)
    }

    /// Bytes read, the last one counted whole.
    pub fn bytes_read(&self) -> usize {
        self.at.div_ceil(8)
    }

    /// One bit.
    #[inline(always)]
    pub fn bit(&mut self) -> Option<bool> {
        self.bits(1).map(|b| b == 1)
    }

    /// A Rice code with parameter `r`. `None` past the end, or for a quotient over 2^32 or a value
    /// over 64 bits (only in a damaged stream).
    #[inline]
    pub fn rice(&mut self, r: u32) -> Option<u64> {
        let mut q = 0u64;
        loop {
            let w = self.peek();
            let z = w.trailing_zeros();
            if z < 64 {
                q += u64::from(z);
                if self.at + z as usize >= 8 * self.bytes.len() {
                    return None;
                }
                self.at += z as usize + 1;
                break;
            }
            q += 64;
            self.at += 64;
            if q > 1 << 32 || self.at > 8 * self.bytes.len() {
                return None;
            }
        }
        let low = self.bits(r)?;
        if r >= 64 || q.leading_zeros() < r {
            return (q == 0).then_some(low);
        }
        Some(q << r | low)
    }
}

/// A posting list in a bit stream (version 4): Elias-gamma length minus one, a 6-bit Rice
/// parameter, the first entry and the gaps minus one, Rice-coded.
pub fn write_list(w: &mut BitWriter, list: &[u32]) {
    gamma(w, list.len() as u64);
    let gaps = list.iter().enumerate().map(|(i, &e)| {
        if i == 0 {
            u64::from(e)
        } else {
            u64::from(e - list[i - 1] - 1)
        }
    });
    let (r, _) = best_rice(gaps.clone());
    w.bits(u64::from(r), 6);
    for g in gaps {
        w.rice(g, r);
    }
}

/// `x` (at least 1) as an Elias gamma code: its bit length minus one in unary, then its bits
/// below the top one.
pub fn gamma(w: &mut BitWriter, x: u64) {
    let b = 63 - x.max(1).leading_zeros();
    w.rice(u64::from(b), 0);
    w.bits(x, b);
}

/// Reads a list written by [`write_list`], appending its entries (ascending, each below
/// `entries`) to `out`; returns how many. `None` if it does not decode.
pub fn read_list(r: &mut BitReader, out: &mut Vec<u32>, entries: usize) -> Option<usize> {
    let b = r.rice(0)?;
    if b > 32 {
        return None;
    }
    let len = (1u64 << b | r.bits(b as u32)?) as usize;
    // Each entry takes at least a bit.
    if len > r.left() {
        return None;
    }
    let p = r.bits(6)? as u32;
    let mut e = 0u64;
    for i in 0..len {
        let g = r.rice(p)?;
        e = if i == 0 {
            g
        } else {
            e.checked_add(g)?.checked_add(1)?
        };
        if e >= entries as u64 {
            return None;
        }
        out.push(e as u32);
    }
    Some(len)
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
    /// The byte range of item `i` in `bytes` (empty for an item that does not decode).
    pub fn range(&self, i: usize) -> std::ops::Range<usize> {
        if i >= self.n {
            return 0..0;
        }
        let b = i / BLOCK;
        let at = self.dir + 4 * b;
        let Some(off) = self.bytes.get(at..at + 4) else {
            return 0..0;
        };
        let mut at = self.data + u32::from_le_bytes(off.try_into().expect("4 bytes")) as usize;
        let mut skip = i % BLOCK;
        loop {
            let Some((len, next)) = varint(&self.bytes[..self.end], at) else {
                return 0..0;
            };
            let Some(stop) = next.checked_add(len).filter(|&s| s <= self.end) else {
                return 0..0;
            };
            if skip == 0 {
                return next..stop;
            }
            skip -= 1;
            at = stop;
        }
    }

    /// String `i` of a front-coded table: each item is `v p, bytes`, the string being the
    /// first `p` bytes of the item before it in its block followed by the bytes. `None` if it
    /// does not decode.
    pub fn front_coded(&self, i: usize) -> Option<String> {
        if i >= self.n {
            return None;
        }
        let at = self.dir + 4 * (i / BLOCK);
        let off = self.bytes.get(at..at + 4)?;
        let mut at = self.data + u32::from_le_bytes(off.try_into().expect("4 bytes")) as usize;
        let bytes = &self.bytes[..self.end];
        let mut s: Vec<u8> = Vec::new();
        for _ in 0..=i % BLOCK {
            let (len, next) = varint(bytes, at)?;
            let stop = next.checked_add(len).filter(|&s| s <= bytes.len())?;
            let (p, from) = varint(&bytes[..stop], next)?;
            if p > s.len() {
                return None;
            }
            s.truncate(p);
            s.extend_from_slice(&bytes[from..stop]);
            at = stop;
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
        fn bits010_round_trip(xs in proptest::collection::vec((proptest::num::u64::ANY, 0u32..65, 0u32..58), 0..60)) {
            // Rice codes of values whose quotient is below 2^7.
            let small = |x: u64, r: u32| x & ((1u64 << (r + 7)) - 1);
            let mut w = BitWriter::default();
            for &(x, bits, r) in &xs {
                w.bits(x, bits);
                w.rice(small(x, r), r);
            }
            let bytes = w.finish();
            let mut rd = BitReader::new(&bytes);
            for &(x, bits, r) in &xs {
                let want = if bits == 64 { x } else { x & ((1u64 << bits) - 1) };
                proptest::prop_assert_eq!(rd.bits(bits), Some(want));
                proptest::prop_assert_eq!(rd.rice(r), Some(small(x, r)));
            }
        }

        #[test]
        fn bits020_garbage_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40), r in 0u32..64) {
            let mut rd = BitReader::new(&bytes);
            for _ in 0..50 {
                let _ = rd.rice(r);
                let _ = rd.bits(r);
            }
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
}
