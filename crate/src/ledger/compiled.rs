//! The ledger's compiled form (version 4): a compact binary read without a JSON parser, whose
//! entries, strings and word pairs stay in the bytes until a quote needs them.
//!
//! Layout. `v` is an unsigned LEB128 varint (1 byte below 128, 2 below 16,384, …); `u32` and
//! `u64` are little-endian; `str` is a `v` index into the string table. `blocked(n)` is `u32`
//! byte length, `n` items each `v len, len bytes`, then the offset of every [`BLOCK`]-th item
//! (`ceil(n / BLOCK) × u32`, from the first item; [`super::bits::Blocked`]). `packed(k, w)` is
//! `k` numbers of `w` bits each, least significant bit first, padded to a byte
//! ([`super::bits::unpack`]).
//!
//! ```text
//! magic   8 bytes  "QTLEDGR\0"
//! version u32 = VERSION (4)
//! check   u64      checksum of every byte after it ([`checksum`])
//! length  u32      the file's length
//! count   v        number of entries
//! totals  v words, v pair keys, v pair postings
//! terms   v t, t × v length, then their UTF-8 bytes      the vocabulary, in term-id order
//! strings v n, blocked(n): v p, bytes                      front-coded: the first p bytes of the
//!                                                          string before it in its block, then
//!                                                          these; used more than once first (by
//!                                                          use), then the others in byte order
//! entries blocked(count): v len, len × v term id, record   (record: [`super::stored`])
//! groups  blocked(t): v k, k × v (Δsecond << 1 | several), packed(singles, width(count)),
//!                     postings of each pair in several entries, in order
//! whole   v k, k × v Δkey, packed(k, width(count) + 1) (entry << 1 | list number << 1 | 1),
//!         postings of each list, in order                   whole-text hashes, ascending
//! postings v len, len × v Δentry                            entry numbers ascending
//! ```
//!
//! Loading checks the checksum (a corrupt or truncated file is refused before anything is read
//! from it), hashes the vocabulary, checks the three block directories and decodes the whole-text
//! keys. It decodes no entry, string or word pair: an entry's term ids when a quote's candidate
//! needs them ([`super::words::Words`]), the entry when a quote traces to it
//! ([`super::stored::Stored`]), a pair group at the first lookup of its first word
//! ([`super::pairs::Pairs`]). An entry's text is stored as a skeleton over its term ids
//! ([`super::skeleton`]), a builder's id not at all (derived again), another 16-hex-digit id as 8
//! bytes. A file that passes the checksum but whose records were built wrong (deliberately: a
//! writer gets the checksum right only when it means to) is never a panic: an entry that does not
//! decode reads as empty fields, a pair group as no pairs.
//!
//! Version 3 (varint-coded entry numbers, a `u32` offset per entry and per pair group, the string
//! table plain with a length per string, a byte per absent appearance field), version 2 (the same
//! records without their words, which follow the vocabulary; no checksum, no offsets: everything
//! checked and decoded at load) and version 1 (texts and ids as strings, entries decoded at load;
//! [`super::compiled_v1`]) are still read; any other version is refused by number.

use std::collections::HashMap;
use std::sync::Arc;

use super::bits::{pack, unpack, width, Blocked, BlockedWriter, BLOCK};
use super::index::{Frozen, Index};
use super::pairs::{Group, Pairs, MAX_ENTRIES};
use super::skeleton::{self, Gap};
use super::stored::{self, Stored};
use super::words::Words;
use super::{compiled_v1, Appearance, Entry, Ledger};
use crate::error::{Error, ErrorKind};

pub(super) const MAGIC: &[u8; 8] = b"QTLEDGR\0";

/// The compiled form's version this build writes. It reads this one, 3, 2 and 1.
pub const VERSION: u32 = 4;

/// The versions before [`VERSION`], still read.
const V3: u32 = 3;
const V2: u32 = 2;

/// Bytes before the checksummed part of a version 3 or 4 file: magic, version, checksum.
const HEADER: usize = 20;

/// A 64-bit checksum of `bytes`: Fletcher's two running sums over 8-byte words, in two
/// interleaved lanes (words at even and odd positions), with the length folded in. A changed
/// word changes its lane's first sum, and swapped words the second; a change goes unseen only if
/// the sums' changes cancel in the final fold (for corrupted bytes, a 2^-64 chance). Additions
/// only, because a service worker's first call runs V8's baseline wasm code, where every
/// instruction counts (the multiply-and-rotate hash it replaced was ~15 ms of a 19 MB ledger's
/// construction under Node). Not a defence against a file made to pass it.
pub fn checksum(bytes: &[u8]) -> u64 {
    let (mut a, mut b, mut c, mut d) = (0u64, 0u64, 0u64, 0u64);
    let mut chunks = bytes.chunks_exact(16);
    for w in &mut chunks {
        a = a.wrapping_add(u64::from_le_bytes(w[..8].try_into().expect("8 bytes")));
        b = b.wrapping_add(a);
        c = c.wrapping_add(u64::from_le_bytes(w[8..].try_into().expect("8 bytes")));
        d = d.wrapping_add(c);
    }
    let mut tail = [0u8; 16];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    for w in tail.chunks_exact(8) {
        a = a.wrapping_add(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        b = b.wrapping_add(a);
    }
    (a ^ b.rotate_left(16) ^ c.rotate_left(32) ^ d.rotate_left(48)).wrapping_add(bytes.len() as u64)
}

/// Whether `bytes` start with the compiled form's magic.
pub fn is_compiled(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

#[cfg(test)]
pub(super) struct Out {
    pub(super) buf: Vec<u8>,
    strings: HashMap<String, u64>,
    table: Vec<String>,
}

#[cfg(test)]
impl Out {
    fn new() -> Out {
        Out {
            buf: Vec::new(),
            strings: HashMap::new(),
            table: Vec::new(),
        }
    }
    pub(super) fn v(&mut self, mut x: u64) {
        while x >= 0x80 {
            self.buf.push((x as u8) | 0x80);
            x >>= 7;
        }
        self.buf.push(x as u8);
    }
    fn index_of(&mut self, s: &str) -> u64 {
        if let Some(&i) = self.strings.get(s) {
            return i;
        }
        let i = self.table.len() as u64;
        self.table.push(s.to_string());
        self.strings.insert(s.to_string(), i);
        i
    }
    pub(super) fn str(&mut self, s: &str) {
        let i = self.index_of(s);
        self.v(i);
    }
    pub(super) fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.v(0),
            Some(s) => {
                let i = self.index_of(s);
                self.v(i + 1);
            }
        }
    }
    fn appearance(&mut self, a: &Appearance) {
        for f in [
            &a.doc,
            &a.outlet,
            &a.published,
            &a.url,
            &a.title,
            &a.text,
            &a.verdict,
            &a.speaker,
        ] {
            self.opt(f.as_deref());
        }
    }
    fn postings(&mut self, list: &[u32]) {
        self.v(list.len() as u64);
        let mut prev = 0u32;
        for &e in list {
            self.v(u64::from(e - prev));
            prev = e;
        }
    }

    /// An entry id: 8 bytes when it is 16 lowercase hex digits (the builder's ids), else a string.
    fn id(&mut self, id: &str) {
        let hex = id.len() == 16 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        match u64::from_str_radix(id, 16).ok().filter(|_| hex) {
            Some(x) => {
                self.buf.push(1);
                self.buf.extend_from_slice(&x.to_le_bytes());
            }
            None => {
                self.buf.push(0);
                self.str(id);
            }
        }
    }

    /// An entry text: its skeleton over `terms` when that rebuilds it exactly, else the text.
    fn text(&mut self, text: &str, terms: &[&str]) {
        let rebuilt = skeleton::split(text, terms).filter(|(lead, ws)| {
            let mut out = lead.to_string();
            for (w, t) in ws.iter().zip(terms) {
                skeleton::push_word(&mut out, t, w);
            }
            out == text
        });
        let Some((lead, ws)) = rebuilt else {
            self.buf.push(0);
            self.str(text);
            return;
        };
        self.buf.push(1);
        self.str(lead);
        self.v(ws.len() as u64);
        for w in &ws {
            let gap = match w.gap {
                Gap::Space => 0,
                Gap::Nothing => 1,
                Gap::Text(g) => self.index_of(g) + 2,
            };
            self.v(w.case as u64 | gap << 2);
            if let Some(l) = w.literal {
                self.str(l);
            }
        }
    }
}

/// Writes a ledger in the compiled form (version 4).
pub fn write(ledger: &Ledger) -> Vec<u8> {
    write_v4(ledger)
}

/// Writes a ledger in the compiled form `version` (4; 3 or 2 for the tests that read them).
#[cfg(test)]
fn write_as(ledger: &Ledger, version: u32) -> Vec<u8> {
    if version == VERSION {
        return write_v4(ledger);
    }
    let (terms, ids, starts, pairs, whole) = ledger.index().parts();
    let mut body = Out::new();
    let mut offsets = Vec::with_capacity(ledger.len());
    for (i, e) in ledger.entries().iter().enumerate() {
        offsets.push(body.buf.len() as u32);
        if version == V3 {
            body.v(u64::from(starts[i + 1] - starts[i]));
            for &t in &ids[starts[i] as usize..starts[i + 1] as usize] {
                body.v(u64::from(t));
            }
        }
        body.id(&e.id);
        let words: Vec<&str> = ids[starts[i] as usize..starts[i + 1] as usize]
            .iter()
            .map(|&t| &*terms[t as usize])
            .collect();
        body.text(&e.text, &words);
        match &e.speaker {
            None => body.buf.push(0),
            Some(s) => {
                body.buf.push(1);
                body.str(&s.name);
                body.v(s.aliases.len() as u64);
                for a in &s.aliases {
                    body.str(a);
                }
                body.opt(s.role.as_deref());
                body.opt(s.org.as_deref());
            }
        }
        body.appearance(&e.first);
        body.v(e.appearances.len() as u64);
        for a in &e.appearances {
            body.appearance(a);
        }
    }
    let entries_len = body.buf.len();
    if version == V3 {
        for o in &offsets {
            body.buf.extend_from_slice(&o.to_le_bytes());
        }
    }
    write_index(&mut body, terms, &ids, &starts, &pairs, &whole, version);
    let mut out = Out::new();
    out.buf.reserve(body.buf.len() + 64);
    out.buf.extend_from_slice(MAGIC);
    out.buf.extend_from_slice(&version.to_le_bytes());
    if version == V3 {
        out.buf.extend_from_slice(&[0; 8]);
    }
    out.v(ledger.len() as u64);
    out.v(body.table.len() as u64);
    for s in &body.table {
        out.v(s.len() as u64);
    }
    for s in &body.table {
        out.buf.extend_from_slice(s.as_bytes());
    }
    if version == V3 {
        out.buf
            .extend_from_slice(&(entries_len as u32).to_le_bytes());
    }
    out.buf.extend_from_slice(&body.buf);
    if version == V3 {
        let check = checksum(&out.buf[HEADER..]);
        out.buf[12..HEADER].copy_from_slice(&check.to_le_bytes());
    }
    out.buf
}

/// The word index, as versions 2 and 3 store it (version 3 with the group directory).
#[cfg(test)]
fn write_index(
    body: &mut Out,
    terms: &[Box<str>],
    ids: &[u32],
    starts: &[u32],
    pairs: &Frozen,
    whole: &Frozen,
    version: u32,
) {
    body.v(ids.len() as u64);
    body.v(pairs.keys.len() as u64);
    body.v(pairs.posts.len() as u64);
    body.v(terms.len() as u64);
    for t in terms {
        body.str(t);
    }
    if version == V2 {
        for w in starts.windows(2) {
            let words = &ids[w[0] as usize..w[1] as usize];
            body.v(words.len() as u64);
            for &t in words {
                body.v(u64::from(t));
            }
        }
    }
    // Pair keys grouped by first term: (first << 32 | second), ascending.
    let mut groups = Out::new();
    let mut dir = Vec::with_capacity(terms.len() + 1);
    let mut k = 0;
    for first in 0..terms.len() as u64 {
        dir.push(groups.buf.len() as u32);
        let from = k;
        while k < pairs.keys.len() && pairs.keys[k] >> 32 == first {
            k += 1;
        }
        groups.v((k - from) as u64);
        let mut prev = 0u64;
        for i in from..k {
            let second = pairs.keys[i] & 0xffff_ffff;
            let list = &pairs.posts[pairs.offs[i] as usize..pairs.offs[i + 1] as usize];
            // Most pairs occur in one entry: a flag, then that entry, with no list length.
            if let [only] = list {
                groups.v((second - prev) << 1);
                groups.v(u64::from(*only));
            } else {
                groups.v((second - prev) << 1 | 1);
                groups.postings(list);
            }
            prev = second;
        }
    }
    dir.push(groups.buf.len() as u32);
    if version == V3 {
        for d in dir {
            body.buf.extend_from_slice(&d.to_le_bytes());
        }
    }
    body.buf.extend_from_slice(&groups.buf);
    body.v(whole.keys.len() as u64);
    let mut prev = 0u64;
    for (i, &key) in whole.keys.iter().enumerate() {
        body.buf.extend_from_slice(&(key - prev).to_le_bytes());
        prev = key;
        match &whole.posts[whole.offs[i] as usize..whole.offs[i + 1] as usize] {
            [only] => body.v(u64::from(*only) << 1),
            list => {
                body.v(1);
                body.postings(list);
            }
        }
    }
}

/// A reader over the compiled bytes that names the byte and entry at fault.
pub(super) struct In<'b> {
    pub(super) bytes: &'b [u8],
    pub(super) at: usize,
    /// The entry being read, for error messages.
    pub(super) entry: usize,
}

impl<'b> In<'b> {
    pub(super) fn err(&self, what: &str) -> Error {
        Error::new(
            ErrorKind::Ledger,
            format!(
                "compiled ledger is malformed at byte {}, entry {}: {what}",
                self.at, self.entry
            ),
        )
    }
    /// One varint. Most are one to three bytes: those take the inlined path.
    #[inline(always)]
    pub(super) fn v(&mut self) -> Result<u64, Error> {
        if let Some(&x) = self.bytes.get(self.at) {
            if x < 0x80 {
                self.at += 1;
                return Ok(u64::from(x));
            }
            if let Some(&y) = self.bytes.get(self.at + 1) {
                if y < 0x80 {
                    self.at += 2;
                    return Ok(u64::from(x & 0x7f) | u64::from(y) << 7);
                }
                if let Some(&z) = self.bytes.get(self.at + 2) {
                    if z < 0x80 {
                        self.at += 3;
                        return Ok(u64::from(x & 0x7f)
                            | u64::from(y & 0x7f) << 7
                            | u64::from(z) << 14);
                    }
                }
            }
        }
        self.v_long()
    }

    #[inline(never)]
    fn v_long(&mut self) -> Result<u64, Error> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self
                .bytes
                .get(self.at)
                .ok_or_else(|| self.err("unexpected end of data"))?;
            self.at += 1;
            x |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(x);
            }
        }
        Err(self.err("varint longer than 64 bits"))
    }
    /// A count that cannot exceed the bytes left (each counted item takes at least one byte).
    #[inline(always)]
    pub(super) fn count(&mut self) -> Result<usize, Error> {
        let n = self.v()? as usize;
        if n > self.bytes.len().saturating_sub(self.at) {
            return Err(self.count_err(n));
        }
        Ok(n)
    }
    #[cold]
    #[inline(never)]
    fn count_err(&self, n: usize) -> Error {
        self.err(&format!("count {n} exceeds the data left"))
    }
    pub(super) fn byte(&mut self) -> Result<u8, Error> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.err("unexpected end of data"))?;
        self.at += 1;
        Ok(b)
    }
    pub(super) fn take(&mut self, n: usize) -> Result<&'b [u8], Error> {
        let b = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or_else(|| self.err("unexpected end of data"))?;
        self.at += n;
        Ok(b)
    }
    /// A little-endian `u32`.
    fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    /// One posting list (`v len`, then ascending entry numbers below `entries` as deltas)
    /// appended to `posts`.
    #[inline]
    pub(super) fn postings(&mut self, posts: &mut Vec<u32>, entries: usize) -> Result<(), Error> {
        let n = self.count()?;
        let mut e = 0u32;
        let mut ascending = true;
        let mut fits = true;
        for i in 0..n {
            let d = self.v()?;
            fits &= d <= u64::from(u32::MAX);
            let (next, over) = e.overflowing_add(d as u32);
            ascending &= !over && (i == 0 || d > 0);
            e = next;
            posts.push(e);
        }
        if !(ascending && fits) {
            return Err(self.err("postings are not ascending"));
        }
        if n > 0 && e as usize >= entries {
            return Err(self.err(&format!("entry {e} out of range")));
        }
        Ok(())
    }
}

/// Reads the compiled form, version 4, 3, 2 or 1. Refuses another version by number, a version 3
/// or 4 file whose checksum fails, and truncated or corrupt data with the byte offset and entry at
/// fault. Versions 3 and 2 keep `bytes` to decode entries (and in version 3 word pairs) from.
pub fn read(bytes: Vec<u8>) -> Result<Ledger, Error> {
    if !is_compiled(&bytes) {
        return Err(Error::new(
            ErrorKind::Ledger,
            "not a compiled ledger: bad magic bytes",
        ));
    }
    let version = bytes
        .get(8..12)
        .map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")));
    match version {
        Some(VERSION) => read_v4(bytes),
        Some(V3) => read_v3(bytes),
        Some(V2) => read_v2(bytes),
        Some(compiled_v1::VERSION) => compiled_v1::read(&bytes),
        Some(v) => Err(Error::new(
            ErrorKind::Version,
            format!(
                "compiled ledger version {v} is not supported (this build reads versions 1 to {VERSION})"
            ),
        )),
        None => Err(Error::new(
            ErrorKind::Ledger,
            "compiled ledger is malformed: no version",
        )),
    }
}

/// Reads the string table: string `i` is bytes `strings[i]..strings[i + 1]`, checked UTF-8.
fn read_strings(r: &mut In) -> Result<Vec<u32>, Error> {
    if u32::try_from(r.bytes.len()).is_err() {
        return Err(r.err("compiled ledger larger than 4 GiB"));
    }
    let n = r.count()?;
    let mut lens = Vec::with_capacity(n);
    for _ in 0..n {
        lens.push(r.count()?);
    }
    let blob_start = r.at;
    let total: usize = lens.iter().sum();
    let blob = r.take(total)?;
    let blob = std::str::from_utf8(blob).map_err(|e| {
        r.at = blob_start + e.valid_up_to();
        r.err("string table is not UTF-8")
    })?;
    let mut strings = Vec::with_capacity(n + 1);
    let mut at = 0usize;
    strings.push(blob_start as u32);
    for len in lens {
        at += len;
        if !blob.is_char_boundary(at) {
            r.at = blob_start + at;
            return Err(r.err("a string ends inside a character"));
        }
        strings.push((blob_start + at) as u32);
    }
    Ok(strings)
}

/// The entry count, checked against what a frozen index can number.
fn read_count(r: &mut In) -> Result<usize, Error> {
    let count = r.count()?;
    if count >= MAX_ENTRIES {
        return Err(r.err(&format!("{count} entries, more than {MAX_ENTRIES}")));
    }
    Ok(count)
}

fn read_v2(mut bytes: Vec<u8>) -> Result<Ledger, Error> {
    let mut r = In {
        bytes: &bytes,
        at: 12,
        entry: 0,
    };
    let count = read_count(&mut r)?;
    let strings = read_strings(&mut r)?;
    let mut starts_at = Vec::with_capacity(count);
    let mut skeleton_words = Vec::with_capacity(count);
    for i in 0..count {
        r.entry = i;
        starts_at.push(r.at as u32);
        skeleton_words.push(stored::check_entry(&mut r, strings.len() - 1)?);
    }
    let entries_end = r.at;
    r.entry = count;
    read_totals(&mut r)?;
    let terms = read_terms(&mut r, &strings, &bytes)?;
    let words = read_words(&mut r, count, terms.len())?;
    let mut groups = Vec::with_capacity(terms.len());
    for _ in 0..terms.len() {
        groups.push(Group::read(&mut r, count)?);
    }
    let whole = read_whole(&mut r, count)?;
    if r.at != bytes.len() {
        return Err(r.err("trailing bytes after the index"));
    }
    let index = Index::from_checked_parts(terms, words, Pairs::from_groups(groups), whole);
    for (i, w) in skeleton_words.iter().enumerate() {
        if let Some(w) = w {
            if *w as usize != index.words(i).len() {
                r.entry = i;
                r.at = starts_at[i] as usize;
                return Err(r.err("the text's word count is not the index's"));
            }
        }
    }
    bytes.truncate(entries_end);
    bytes.shrink_to_fit();
    let stored = Stored::new(Arc::new(bytes), strings, starts_at, false);
    Ok(Ledger::stored(stored, index))
}

/// A reader past the header of a file of version 3 or later, once the checksum in the header
/// matches every byte after it: a corrupt or truncated file is refused before anything is read.
fn checked(bytes: &[u8]) -> Result<In<'_>, Error> {
    let mut r = In {
        bytes,
        at: 12,
        entry: 0,
    };
    let check = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
    if checksum(&bytes[HEADER..]) != check {
        return Err(Error::new(
            ErrorKind::Ledger,
            "compiled ledger is malformed: corrupt or truncated (its checksum does not match its bytes)",
        ));
    }
    Ok(r)
}

fn read_v3(bytes: Vec<u8>) -> Result<Ledger, Error> {
    let mut r = checked(&bytes)?;
    let count = read_count(&mut r)?;
    let strings = read_strings(&mut r)?;
    // The entries are not read: their offsets are checked to ascend inside their section.
    let len = r.u32()? as usize;
    let base = r.at;
    r.take(len)?;
    let mut starts_at = Vec::with_capacity(count);
    for i in 0..count {
        r.entry = i;
        let at = r.u32()? as usize;
        if at >= len || starts_at.last().is_some_and(|&p| p as usize >= base + at) {
            return Err(r.err(&format!("entry offset {at} out of order or range")));
        }
        starts_at.push((base + at) as u32);
    }
    let table = r.at - 4 * count;
    r.entry = count;
    let total = read_totals(&mut r)?;
    let terms = read_terms(&mut r, &strings, &bytes)?;
    // The pair groups are not read either: their directory is checked the same way.
    let dir = r.at;
    r.take(4 * (terms.len() + 1))?;
    let groups = dir + 4 * (terms.len() + 1);
    let mut prev = 0;
    for a in 0..=terms.len() {
        let at = u32::from_le_bytes(bytes[dir + 4 * a..dir + 4 * a + 4].try_into().expect("4"));
        if (a == 0 && at != 0) || at < prev {
            r.at = dir + 4 * a;
            return Err(r.err("pair group offsets are out of order"));
        }
        prev = at;
    }
    r.at = groups;
    r.take(prev as usize)?;
    let whole = read_whole(&mut r, count)?;
    if r.at != bytes.len() {
        return Err(r.err("trailing bytes after the index"));
    }
    let bytes = Arc::new(bytes);
    let pairs = Pairs::lazy(bytes.clone(), dir, groups, terms.len(), count);
    let words = Words::lazy(bytes.clone(), table, base, count, terms.len(), total);
    let index = Index::from_checked_parts(terms, words, pairs, whole);
    Ok(Ledger::stored(
        Stored::new(bytes, strings, starts_at, true),
        index,
    ))
}

/// Reads the index's totals (versions 2 and 3), returning the number of entry words.
fn read_totals(r: &mut In) -> Result<usize, Error> {
    let (words, _keys, _posts) = (r.count()?, r.count()?, r.count()?);
    Ok(words)
}

/// Reads the vocabulary (versions 2 and 3).
fn read_terms(r: &mut In, strings: &[u32], bytes: &[u8]) -> Result<Vec<Box<str>>, Error> {
    let t = r.count()?;
    let mut terms: Vec<Box<str>> = Vec::with_capacity(t);
    for _ in 0..t {
        let i = r.v()? as usize;
        if i + 1 >= strings.len() {
            return Err(r.err(&format!("string index {i} out of range")));
        }
        // Checked UTF-8 when the string table was read.
        let s = std::str::from_utf8(&bytes[strings[i] as usize..strings[i + 1] as usize])
            .unwrap_or_default();
        terms.push(s.into());
    }
    Ok(terms)
}

/// Reads each entry's term ids, below `terms` (version 2).
fn read_words(r: &mut In, count: usize, terms: usize) -> Result<Words, Error> {
    let mut ids = Vec::new();
    let mut starts = Vec::with_capacity(count + 1);
    starts.push(0u32);
    for _ in 0..count {
        let len = r.count()?;
        for _ in 0..len {
            let id = r.v()?;
            if id >= terms as u64 {
                return Err(r.err(&format!("term id {id} out of range")));
            }
            ids.push(id as u32);
        }
        starts.push(ids.len() as u32);
    }
    if count == 0 {
        starts.clear();
    }
    Ok(Words::new(ids, starts))
}

/// Reads the whole-text keys and their entries.
fn read_whole(r: &mut In, count: usize) -> Result<Frozen, Error> {
    let k = r.count()?;
    let mut whole = Frozen {
        keys: Vec::with_capacity(k),
        offs: vec![0],
        posts: Vec::new(),
    };
    let mut key = 0u64;
    for j in 0..k {
        let b = r.take(8)?;
        let d = u64::from_le_bytes(b.try_into().expect("8 bytes"));
        key = key
            .checked_add(d)
            .filter(|_| j == 0 || d > 0)
            .ok_or_else(|| r.err("text keys are not ascending"))?;
        whole.keys.push(key);
        match r.v()? {
            1 => r.postings(&mut whole.posts, count)?,
            code if code & 1 == 0 && code >> 1 < count as u64 => {
                whole.posts.push((code >> 1) as u32);
            }
            code => return Err(r.err(&format!("text posting code {code} is invalid"))),
        }
        whole.offs.push(whole.posts.len() as u32);
    }
    Ok(whole)
}

// ---------------------------------------------------------------------------------------------
// Version 4: the writer.

/// Where a record's strings go: counted (first pass, to order the string table) or written as
/// their index in it.
struct Rec<'t> {
    buf: Vec<u8>,
    /// Second pass: each string's index.
    table: Option<&'t HashMap<String, u64>>,
    /// First pass: each string's uses and first use.
    counts: HashMap<String, (u64, usize)>,
}

impl Rec<'_> {
    fn v(&mut self, x: u64) {
        put_v(&mut self.buf, x);
    }
    fn str(&mut self, s: &str) {
        match self.table {
            Some(t) => {
                let i = t.get(s).copied().unwrap_or(0);
                self.v(i);
            }
            None => {
                let next = self.counts.len();
                self.counts.entry(s.to_string()).or_insert((0, next)).0 += 1;
            }
        }
    }
    fn appearance(&mut self, a: &Appearance) {
        let fields = a.stored_fields();
        let mask = fields
            .iter()
            .enumerate()
            .fold(0u8, |m, (i, f)| m | u8::from(f.is_some()) << i);
        self.buf.push(mask);
        for f in fields.into_iter().flatten() {
            self.str(f);
        }
    }

    /// An entry record (version 4): its words, then the fields ([`super::stored`]).
    fn entry(&mut self, e: &Entry, ids: &[u32], terms: &[Box<str>]) {
        self.v(ids.len() as u64);
        for &t in ids {
            self.v(u64::from(t));
        }
        let words: Vec<&str> = ids.iter().map(|&t| &*terms[t as usize]).collect();
        let hex = e.id.len() == 16 && e.id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        let id_kind = if stored::derived_id(e) == e.id {
            stored::ID_DERIVED
        } else if hex {
            stored::ID_HEX
        } else {
            0
        };
        let skeleton = skeleton::split(&e.text, &words).filter(|(lead, ws)| {
            let mut out = lead.to_string();
            for (w, t) in ws.iter().zip(&words) {
                skeleton::push_word(&mut out, t, w);
            }
            out == e.text
        });
        let sp = e.speaker.as_ref();
        let flags = id_kind
            | if skeleton.is_some() {
                stored::TEXT_SKELETON
            } else {
                0
            }
            | if sp.is_some() { stored::SPEAKER } else { 0 }
            | if sp.is_some_and(|s| !s.aliases.is_empty()) {
                stored::ALIASES
            } else {
                0
            }
            | if sp.is_some_and(|s| s.role.is_some()) {
                stored::ROLE
            } else {
                0
            }
            | if sp.is_some_and(|s| s.org.is_some()) {
                stored::ORG
            } else {
                0
            }
            | if e.appearances.is_empty() {
                0
            } else {
                stored::LATER
            };
        self.buf.push(flags);
        match id_kind {
            stored::ID_DERIVED => {}
            stored::ID_HEX => {
                let x = u64::from_str_radix(&e.id, 16).unwrap_or(0);
                self.buf.extend_from_slice(&x.to_le_bytes());
            }
            _ => self.str(&e.id),
        }
        match skeleton {
            None => self.str(&e.text),
            Some((lead, ws)) => {
                self.str(lead);
                let mut cases = vec![0u8; ws.len().div_ceil(4)];
                for (j, w) in ws.iter().enumerate() {
                    cases[j / 4] |= (w.case as u8) << (2 * (j % 4));
                }
                self.buf.extend_from_slice(&cases);
                let last = ws.len().saturating_sub(1);
                let odd: Vec<(usize, &Gap)> = ws
                    .iter()
                    .enumerate()
                    .filter(|&(j, w)| {
                        let usual = if j == last { Gap::Nothing } else { Gap::Space };
                        w.gap != usual
                    })
                    .map(|(j, w)| (j, &w.gap))
                    .collect();
                self.v(odd.len() as u64);
                let mut next = 0;
                for (j, gap) in odd {
                    self.v((j - next) as u64);
                    next = j + 1;
                    match gap {
                        Gap::Space => self.v(0),
                        Gap::Nothing => self.v(1),
                        Gap::Text(g) => match self.table {
                            Some(t) => {
                                let i = t.get(*g).copied().unwrap_or(0);
                                self.v(i + 2);
                            }
                            None => self.str(g),
                        },
                    }
                }
                for w in &ws {
                    if let Some(l) = w.literal {
                        self.str(l);
                    }
                }
            }
        }
        if let Some(s) = sp {
            self.str(&s.name);
            if !s.aliases.is_empty() {
                self.v(s.aliases.len() as u64);
                for a in &s.aliases {
                    self.str(a);
                }
            }
            if let Some(r) = &s.role {
                self.str(r);
            }
            if let Some(o) = &s.org {
                self.str(o);
            }
        }
        self.appearance(&e.first);
        if !e.appearances.is_empty() {
            self.v(e.appearances.len() as u64);
            for a in &e.appearances {
                self.appearance(a);
            }
        }
    }
}

/// Postings as versions 2 and 3 store them: `v len, len × v Δentry`.
fn put_postings(buf: &mut Vec<u8>, list: &[u32]) {
    put_v(buf, list.len() as u64);
    let mut prev = 0u32;
    for &e in list {
        put_v(buf, u64::from(e - prev));
        prev = e;
    }
}

/// One pair group (version 4): `v k`, `k × v (Δsecond << 1 | several)` (second terms ascending,
/// the first one's gap from 0), the only entry of each pair held by one packed in
/// `width(entries)` bits ([`super::bits::pack`]), then the lists of the others, in order, as
/// postings (`v len, len × v Δentry`).
fn write_group(pairs: &[(u32, &[u32])], entries: usize) -> Vec<u8> {
    let mut out = Vec::new();
    if pairs.is_empty() {
        return out;
    }
    put_v(&mut out, pairs.len() as u64);
    let mut prev = 0;
    for &(b, list) in pairs {
        put_v(
            &mut out,
            u64::from(b - prev) << 1 | u64::from(list.len() > 1),
        );
        prev = b;
    }
    let singles = pairs.iter().filter(|p| p.1.len() == 1);
    out.extend_from_slice(&pack(singles.map(|p| u64::from(p.1[0])), width(entries)));
    for &(_, list) in pairs.iter().filter(|p| p.1.len() > 1) {
        put_postings(&mut out, list);
    }
    out
}

/// The whole-text keys (version 4): `v k`, `k × v Δkey` (ascending, the first from 0), beside
/// each key packed in `width(entries) + 1` bits its only entry `<< 1`, or the number of its list
/// `<< 1 | 1` for a key of several entries; then those lists as postings.
fn write_whole(whole: &Frozen, entries: usize) -> Vec<u8> {
    let mut out = Vec::new();
    put_v(&mut out, whole.keys.len() as u64);
    let mut prev = 0;
    for &key in &whole.keys {
        put_v(&mut out, key - prev);
        prev = key;
    }
    let list = |i: usize| &whole.posts[whole.offs[i] as usize..whole.offs[i + 1] as usize];
    let mut lists = 0u64;
    let slots = (0..whole.keys.len()).map(|i| match list(i) {
        [only] => u64::from(*only) << 1,
        _ => {
            lists += 1;
            (lists - 1) << 1 | 1
        }
    });
    out.extend_from_slice(&pack(slots, width(entries) + 1));
    for i in 0..whole.keys.len() {
        if list(i).len() != 1 {
            put_postings(&mut out, list(i));
        }
    }
    out
}

/// Appends `x` as a varint.
fn put_v(buf: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        buf.push((x as u8) | 0x80);
        x >>= 7;
    }
    buf.push(x as u8);
}

/// A blocked section: `u32` byte length of the items, the items, the directory.
fn push_blocked(out: &mut Vec<u8>, b: &BlockedWriter) {
    out.extend_from_slice(&(b.data.len() as u32).to_le_bytes());
    out.extend_from_slice(&b.data);
    for d in &b.dir {
        out.extend_from_slice(&d.to_le_bytes());
    }
}

/// Bytes `a` and `b` share at the start, ending on a character boundary of both.
fn shared_prefix(a: &str, b: &str) -> usize {
    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    (0..=n).rev().find(|&i| a.is_char_boundary(i)).unwrap_or(0)
}

/// Writes a ledger in the compiled form version 4.
fn write_v4(ledger: &Ledger) -> Vec<u8> {
    let (terms, ids, starts, pairs, whole) = ledger.index().parts();
    let entries = ledger.entries();
    let n = entries.len();
    let words = |i: usize| &ids[starts[i] as usize..starts[i + 1] as usize];
    // First pass: which strings the records use, how often.
    let mut rec = Rec {
        buf: Vec::new(),
        table: None,
        counts: HashMap::new(),
    };
    for (i, e) in entries.iter().enumerate() {
        rec.entry(e, words(i), terms);
        rec.buf.clear();
    }
    // The table: strings used more than once, most used first (small indices: one-byte varints
    // for the outlets and dates), then the others in byte order, so that neighbours share their
    // beginnings (addresses of one site).
    let mut shared: Vec<(&String, (u64, usize))> = rec
        .counts
        .iter()
        .filter(|(_, c)| c.0 > 1)
        .map(|(s, &c)| (s, c))
        .collect();
    shared.sort_by_key(|&(_, (uses, first))| (std::cmp::Reverse(uses), first));
    let mut single: Vec<&String> = rec
        .counts
        .iter()
        .filter(|(_, c)| c.0 == 1)
        .map(|(s, _)| s)
        .collect();
    single.sort();
    let table: Vec<&String> = shared.into_iter().map(|(s, _)| s).chain(single).collect();
    let index: HashMap<String, u64> = table
        .iter()
        .enumerate()
        .map(|(i, s)| ((*s).clone(), i as u64))
        .collect();
    let mut strings = BlockedWriter::default();
    for (i, s) in table.iter().enumerate() {
        let prev = if i % BLOCK == 0 {
            ""
        } else {
            table[i - 1].as_str()
        };
        let p = shared_prefix(prev, s);
        let mut item = Vec::with_capacity(s.len() - p + 1);
        put_v(&mut item, p as u64);
        item.extend_from_slice(&s.as_bytes()[p..]);
        strings.push(&item);
    }
    // Second pass: the records.
    let mut rec = Rec {
        buf: Vec::new(),
        table: Some(&index),
        counts: HashMap::new(),
    };
    let mut records = BlockedWriter::default();
    for (i, e) in entries.iter().enumerate() {
        rec.buf.clear();
        rec.entry(e, words(i), terms);
        records.push(&rec.buf);
    }
    // Pair groups, one per term (keys `first << 32 | second`, ascending).
    let mut groups = BlockedWriter::default();
    let mut k = 0;
    for first in 0..terms.len() as u64 {
        let from = k;
        while k < pairs.keys.len() && pairs.keys[k] >> 32 == first {
            k += 1;
        }
        let group: Vec<(u32, &[u32])> = (from..k)
            .map(|i| {
                (
                    pairs.keys[i] as u32,
                    &pairs.posts[pairs.offs[i] as usize..pairs.offs[i + 1] as usize],
                )
            })
            .collect();
        groups.push(&write_group(&group, n));
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&[0; 8]);
    // The file's length, filled in below: a reader streaming the file allocates it once.
    out.extend_from_slice(&[0; 4]);
    put_v(&mut out, n as u64);
    put_v(&mut out, ids.len() as u64);
    put_v(&mut out, pairs.keys.len() as u64);
    put_v(&mut out, pairs.posts.len() as u64);
    put_v(&mut out, terms.len() as u64);
    for t in terms {
        put_v(&mut out, t.len() as u64);
    }
    for t in terms {
        out.extend_from_slice(t.as_bytes());
    }
    put_v(&mut out, table.len() as u64);
    push_blocked(&mut out, &strings);
    push_blocked(&mut out, &records);
    push_blocked(&mut out, &groups);
    out.extend_from_slice(&write_whole(&whole, n));
    let len = out.len() as u32;
    out[HEADER..HEADER + 4].copy_from_slice(&len.to_le_bytes());
    let check = checksum(&out[HEADER..]);
    out[12..HEADER].copy_from_slice(&check.to_le_bytes());
    out
}

// ---------------------------------------------------------------------------------------------
// Version 4: the reader.

/// Reads a blocked section of `n` items (`u32` length, items, directory), checking that the
/// directory starts at 0 and ascends inside the items.
fn read_blocked(r: &mut In, bytes: &Arc<Vec<u8>>, n: usize) -> Result<Blocked, Error> {
    let len = r.u32()? as usize;
    let data = r.at;
    r.take(len)?;
    let dir = r.at;
    let blocks = n.div_ceil(BLOCK);
    let table = r.take(4 * blocks)?;
    let mut prev = 0;
    for (b, d) in table.chunks_exact(4).enumerate() {
        let at = u32::from_le_bytes(d.try_into().expect("4 bytes")) as usize;
        if (b == 0 && at != 0) || at < prev || at >= len {
            r.at = dir + 4 * b;
            return Err(r.err("block offsets are out of order or range"));
        }
        prev = at;
    }
    if n == 0 && len != 0 {
        return Err(r.err("bytes in an empty section"));
    }
    Ok(Blocked {
        bytes: bytes.clone(),
        dir,
        data,
        end: data + len,
        n,
    })
}

/// Reads the whole-text keys (version 4, [`write_whole`]).
fn read_whole_v4(r: &mut In, count: usize) -> Result<Frozen, Error> {
    let k = r.count()?;
    let mut whole = Frozen {
        keys: Vec::with_capacity(k),
        offs: Vec::with_capacity(k + 1),
        posts: Vec::with_capacity(k),
    };
    let mut key = 0u64;
    for j in 0..k {
        let d = r.v()?;
        key = key
            .checked_add(d)
            .filter(|_| j == 0 || d > 0)
            .ok_or_else(|| r.err("text keys are not ascending"))?;
        whole.keys.push(key);
    }
    let w = width(count) + 1;
    let slots = r.take((k * w as usize).div_ceil(8))?;
    // The lists, in order: where each starts in `posts` once read.
    let mut lists = Vec::new();
    let mut many = 0;
    for j in 0..k {
        if unpack(slots, j, w) & 1 == 1 {
            many += 1;
        }
    }
    for _ in 0..many {
        let at = whole.posts.len();
        r.postings(&mut whole.posts, count)?;
        lists.push((at as u32, whole.posts.len() as u32));
    }
    let singles = whole.posts.len();
    whole.offs.push(0);
    let mut posts = Vec::with_capacity(singles + k - many);
    for j in 0..k {
        let slot = unpack(slots, j, w);
        if slot & 1 == 0 {
            if slot >> 1 >= count as u64 {
                return Err(r.err(&format!("text posting {} out of range", slot >> 1)));
            }
            posts.push((slot >> 1) as u32);
        } else {
            let (a, b) = lists
                .get((slot >> 1) as usize)
                .copied()
                .ok_or_else(|| r.err("text posting list out of range"))?;
            posts.extend_from_slice(&whole.posts[a as usize..b as usize]);
        }
        whole.offs.push(posts.len() as u32);
    }
    whole.posts = posts;
    if k == 0 {
        whole.offs.truncate(1);
    }
    Ok(whole)
}

fn read_v4(bytes: Vec<u8>) -> Result<Ledger, Error> {
    let mut r = checked(&bytes)?;
    if u32::try_from(bytes.len()).is_err() {
        return Err(r.err("compiled ledger larger than 4 GiB"));
    }
    if r.u32()? as usize != bytes.len() {
        return Err(r.err("the file's length is not the one its header gives"));
    }
    let count = read_count(&mut r)?;
    let total = r.count()?;
    let keys = r.count()?;
    let _posts = r.count()?;
    let t = r.count()?;
    let mut lens = Vec::with_capacity(t);
    for _ in 0..t {
        lens.push(r.count()?);
    }
    let mut terms: Vec<Box<str>> = Vec::with_capacity(t);
    for len in lens {
        let at = r.at;
        let s = std::str::from_utf8(r.take(len)?).map_err(|_| {
            r.at = at;
            r.err("a term is not UTF-8")
        })?;
        terms.push(s.into());
    }
    let n_strings = r.count()?;
    let shared = Arc::new(Vec::new());
    let strings = read_blocked(&mut r, &shared, n_strings)?;
    let records = read_blocked(&mut r, &shared, count)?;
    let groups = read_blocked(&mut r, &shared, t)?;
    r.entry = count;
    let whole = read_whole_v4(&mut r, count)?;
    if r.at != bytes.len() {
        return Err(r.err("trailing bytes after the index"));
    }
    let bytes = Arc::new(bytes);
    let own = |b: Blocked| Blocked {
        bytes: bytes.clone(),
        ..b
    };
    let (strings, records, groups) = (own(strings), own(records), own(groups));
    let pairs = if keys == 0 {
        Pairs::default()
    } else {
        Pairs::lazy_v4(groups, count)
    };
    let words = Words::lazy_v4(records.clone(), t, total);
    let index = Index::from_checked_parts(terms, words, pairs, whole);
    Ok(Ledger::stored(Stored::v4(bytes, strings, records), index))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{Entry, EntrySpeaker};

    pub(crate) fn sample() -> Vec<Entry> {
        vec![
            Entry {
                id: "a1".into(),
                text: "We are ready.".into(),
                speaker: Some(EntrySpeaker {
                    name: "Jane Roe".into(),
                    aliases: vec!["Roe".into()],
                    role: Some("mayor".into()),
                    org: None,
                }),
                first: Appearance {
                    outlet: Some("CNN".into()),
                    published: Some("2024-03-23".into()),
                    ..Default::default()
                },
                appearances: vec![Appearance {
                    outlet: Some("CNN".into()),
                    text: Some("We are so ready.".into()),
                    verdict: Some("altered".into()),
                    ..Default::default()
                }],
            },
            Entry {
                id: "9c0f00aa12345678".into(),
                text: "I don’t KNOW, said McCain — ÉCOLE…".into(),
                speaker: None,
                first: Appearance::default(),
                appearances: vec![],
            },
        ]
    }

    #[test]
    fn compiled010_roundtrip() {
        let e = sample();
        let bytes = write(&Ledger::new(e.clone()));
        assert_eq!(&bytes[8..12], &4u32.to_le_bytes());
        let back = read(bytes).unwrap();
        assert_eq!(back.entries().as_ref(), e.as_slice());
        assert_eq!(*back.entry(1), e[1]);
        let q = back
            .index()
            .lookup(&crate::ledger::index::folded("we are ready"));
        assert_eq!(back.index().exact(&q), vec![0]);
        assert_eq!(read(write(&Ledger::default())).unwrap().len(), 0);
        // Written again from what was read: the same bytes.
        assert_eq!(write(&back), write(&Ledger::new(e)));
    }

    #[test]
    fn compiled020_truncation_and_version_are_refused() {
        let b = write(&Ledger::new(sample()));
        for cut in 0..b.len() {
            assert!(read(b[..cut].to_vec()).is_err(), "cut at {cut}");
        }
        let mut v = b.clone();
        v[8] = 9; // the version's low byte
        let err = read(v).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Version);
        assert!(err.to_string().contains("version 9"), "{err}");
    }

    #[test]
    fn compiled022_corruption_is_refused_by_the_checksum() {
        let b = write(&Ledger::new(sample()));
        for at in HEADER..b.len() {
            for bit in [0x01, 0x80] {
                let mut c = b.clone();
                c[at] ^= bit;
                let err = read(c).unwrap_err();
                assert!(err.to_string().contains("checksum"), "byte {at}: {err}");
            }
        }
        // A byte added at the end, or the file cut short: the same refusal.
        let mut longer = b.clone();
        longer.push(0);
        assert!(read(longer).unwrap_err().to_string().contains("checksum"));
        let err = read(b[..b.len() - 1].to_vec()).unwrap_err();
        assert!(err.to_string().contains("checksum"), "{err}");
        // The checksum itself changed.
        let mut c = b.clone();
        c[12] ^= 1;
        assert!(read(c).unwrap_err().to_string().contains("checksum"));
    }

    /// A file whose checksum was recomputed after its bytes were changed: the checks of what
    /// loading reads, and never a panic when entries and pair groups are decoded later.
    fn resealed(mut b: Vec<u8>) -> Vec<u8> {
        let check = checksum(&b[HEADER..]);
        b[12..HEADER].copy_from_slice(&check.to_le_bytes());
        b
    }

    /// A file written as an older `version` reads back the same entries and index, is rewritten
    /// as the current version exactly as the entries are, and every cut of it is refused.
    fn assert_older_version_is_read(version: u32) {
        let e = sample();
        let old = write_as(&Ledger::new(e.clone()), version);
        assert_eq!(&old[8..12], &version.to_le_bytes());
        let back = read(old.clone()).unwrap();
        assert_eq!(back.entries().as_ref(), e.as_slice());
        let q = back
            .index()
            .lookup(&crate::ledger::index::folded("we are ready"));
        assert_eq!(back.index().exact(&q), vec![0]);
        assert_eq!(back.index().candidates(&q, 5, 1), vec![(0, 2)]);
        assert_eq!(write(&back), write(&Ledger::new(e)));
        for cut in 0..old.len() {
            assert!(read(old[..cut].to_vec()).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn compiled024_version_2_is_still_read() {
        assert_older_version_is_read(V2);
    }

    #[test]
    fn compiled026_version_3_is_still_read() {
        assert_older_version_is_read(V3);
    }

    /// Entries whose ids the builder gave (stored as nothing: derived again when decoded), ids of
    /// every other kind, texts the skeleton rebuilds with unusual gaps and printed words, and
    /// strings shared by several entries and used once.
    #[test]
    fn compiled027_ids_texts_and_strings_read_back() {
        let mut e = sample();
        for (i, t) in [
            "One, two: three!",
            "  leading space and trailing  ",
            "McDONALD’s O’Neill said \"no\" — twice",
            "",
            "Ünïcode straße ÉCOLE",
        ]
        .iter()
        .enumerate()
        {
            let mut x = Entry {
                text: t.to_string(),
                speaker: (i % 2 == 0).then(|| EntrySpeaker {
                    name: format!("Person {i}"),
                    aliases: vec![],
                    role: None,
                    org: Some("Org".into()),
                }),
                first: Appearance {
                    doc: Some(format!("doc/{i}")),
                    url: Some(format!("https://example.org/a/{i}")),
                    published: Some("2024-03-23".into()),
                    ..Default::default()
                },
                ..Entry::default()
            };
            x.id = if i == 3 {
                "not-hex".into()
            } else {
                stored::derived_id(&x)
            };
            e.push(x);
        }
        let bytes = write(&Ledger::new(e.clone()));
        let back = read(bytes.clone()).unwrap();
        assert_eq!(back.entries().as_ref(), e.as_slice());
        assert_eq!(write(&back), bytes);
    }

    #[test]
    fn compiled025_version_1_is_still_read() {
        let e = sample();
        let v1 = compiled_v1::write(&Ledger::new(e.clone()));
        assert_eq!(&v1[8..12], &1u32.to_le_bytes());
        let back = read(v1).unwrap();
        assert_eq!(back.entries().as_ref(), e.as_slice());
        let q = back
            .index()
            .lookup(&crate::ledger::index::folded("we are ready"));
        assert_eq!(back.index().exact(&q), vec![0]);
    }

    /// Every entry and every word pair of `l` read, as a scan would.
    fn read_everything(l: &Ledger) {
        for i in 0..l.len() {
            let _ = l.entry(i);
        }
        let ix = l.index();
        let _ = ix.parts();
        let q = ix.lookup(&crate::ledger::index::folded("we are ready KNOW said"));
        let _ = ix.candidates(&q, 5, 1);
        let _ = ix.has_run(&q, 2);
        // The run filter, built at once (as for a batch that announced its text), reads every
        // entry in order.
        ix.expect_words(usize::MAX / 2);
        let run = ix.lookup(&crate::ledger::index::folded(
            "we are ready to know what was said",
        ));
        let _ = ix.has_run(&run, super::super::runs::RUN);
    }

    proptest::proptest! {
        #[test]
        fn compiled030_garbage_never_panics(
            tail in proptest::collection::vec(proptest::num::u8::ANY, 0..200),
            version in 2u32..5,
        ) {
            let mut b = MAGIC.to_vec();
            b.extend_from_slice(&version.to_le_bytes());
            b.extend(tail);
            if version >= V3 && b.len() >= HEADER {
                b = resealed(b);
            }
            if let Ok(l) = read(b) {
                read_everything(&l);
            }
        }

        /// A byte changed anywhere, in version 2 and in versions 3 and 4 with their checksum made
        /// to match: refused with an error, or read without a panic however it is used.
        #[test]
        fn compiled040_changed_bytes_never_panic(at in 12usize..400, to in proptest::num::u8::ANY, version in 2u32..5) {
            let l = Ledger::new(sample());
            let mut b = write_as(&l, version);
            let at = at % b.len();
            b[at] = to;
            if version >= V3 && at >= HEADER {
                b = resealed(b);
            }
            if let Ok(l) = read(b) {
                read_everything(&l);
            }
        }

        /// A ledger read back from versions 4 and 3 (pairs and words left in the bytes) and from
        /// version 2 (decoded at load) answers every lookup as the ledger it was written from.
        #[test]
        fn compiled050_read_back_answers_as_built(
            texts in proptest::collection::vec(proptest::collection::vec(0u8..8, 1..14), 1..30),
            quote in proptest::collection::vec(0u8..9, 0..14),
            min_shared in 0u32..4,
        ) {
            let word = |w: &u8| ["a", "b", "c", "d", "e", "f", "g", "h", "z"][*w as usize];
            let entries: Vec<Entry> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| Entry {
                    id: format!("{i:016x}"),
                    text: t.iter().map(word).collect::<Vec<_>>().join(" "),
                    ..Entry::default()
                })
                .collect();
            let built = Ledger::new(entries.clone());
            let q: Vec<&str> = quote.iter().map(word).collect();
            for back in [read(write(&built)).unwrap(), read(write_as(&built, V3)).unwrap(), read(write_as(&built, V2)).unwrap()] {
                let (a, b) = (built.index(), back.index());
                let ids = a.lookup(&q);
                proptest::prop_assert_eq!(&ids, &b.lookup(&q));
                proptest::prop_assert_eq!(a.candidates(&ids, 3, min_shared), b.candidates(&ids, 3, min_shared));
                proptest::prop_assert_eq!(a.exact(&ids), b.exact(&ids));
                // Below the run filter's window (whose building depends on how much each index
                // was asked before), `has_run` is the posting lists' answer alone.
                for n in 2..super::super::runs::RUN {
                    proptest::prop_assert_eq!(a.has_run(&ids, n), b.has_run(&ids, n));
                }
                for (i, e) in entries.iter().enumerate() {
                    proptest::prop_assert_eq!(a.words(i), b.words(i));
                    proptest::prop_assert_eq!(&*back.entry(i), e);
                }
                // The run filter's in-order reading gives every entry's words and count.
                let (each, lens) = b.each_words();
                let words: Vec<Vec<u32>> = (0..entries.len()).map(|i| a.words(i).to_vec()).collect();
                proptest::prop_assert_eq!(&each, &words);
                proptest::prop_assert_eq!(lens, words.iter().map(Vec::len).collect::<Vec<_>>());
                proptest::prop_assert_eq!(a.each_words().0, words);
            }
        }

        /// Truncated anywhere and resealed: an error, never a panic.
        #[test]
        fn compiled045_truncated_and_resealed_is_refused(cut in HEADER..400usize) {
            let b = write(&Ledger::new(sample()));
            let cut = cut.min(b.len() - 1);
            let short = resealed(b[..cut].to_vec());
            proptest::prop_assert!(read(short).is_err());
        }
    }
}
