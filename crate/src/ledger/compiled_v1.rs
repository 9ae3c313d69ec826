//! The compiled form, version 1: read for ledgers compiled before version 2 (entries decoded at
//! load, texts and ids as strings). Layout:
//!
//! ```text
//! magic   8 bytes  "QTLEDGR\0"
//! version u32 little-endian = 1
//! count   v        number of entries
//! strings v n, then n × (v length, UTF-8 bytes)        every distinct string once
//! entries count × entry
//! entry   str id, str text, speaker, appearance first, v k, k × appearance
//! speaker byte 0 | 1; if 1: str name, v a, a × str alias, opt role, opt org
//! appear. opt doc, opt outlet, opt published, opt url, opt title, opt text, opt verdict, opt speaker
//! index   v words, v pair keys, v pair postings, v t, t × str term, count × (v len, len × v term id)
//!         pairs: t × (v k, k × (v Δsecond-term, postings))
//!         whole: v k, k × (u64 Δkey, postings)
//! postings v len, len × v Δentry
//! ```

#[cfg(test)]
use std::collections::HashMap;

use super::index::{Frozen, Index};
use super::{Appearance, Entry, EntrySpeaker, Ledger};
use crate::error::{Error, ErrorKind};

/// This layout's version number.
pub const VERSION: u32 = 1;

#[cfg(test)]
struct Out {
    buf: Vec<u8>,
    strings: HashMap<String, u64>,
    table: Vec<String>,
}

#[cfg(test)]
impl Out {
    fn v(&mut self, mut x: u64) {
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
    fn str(&mut self, s: &str) {
        let i = self.index_of(s);
        self.v(i);
    }
    fn opt(&mut self, s: &Option<String>) {
        match s {
            None => self.v(0),
            Some(s) => {
                let i = self.index_of(s);
                self.v(i + 1);
            }
        }
    }
    fn appearance(&mut self, a: &Appearance) {
        for f in a.stored_fields() {
            self.opt(f);
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
}

/// Writes a ledger in the compiled form, version 1 (for tests that read old ledgers).
#[cfg(test)]
pub fn write(ledger: &Ledger) -> Vec<u8> {
    let entries = ledger.entries();
    let mut body = Out {
        buf: Vec::new(),
        strings: HashMap::new(),
        table: Vec::new(),
    };
    for e in entries.iter() {
        body.str(&e.id);
        body.str(&e.text);
        match &e.speaker {
            None => body.buf.push(0),
            Some(s) => {
                body.buf.push(1);
                body.str(&s.name);
                body.v(s.aliases.len() as u64);
                for a in &s.aliases {
                    body.str(a);
                }
                body.opt(&s.role);
                body.opt(&s.org);
            }
        }
        body.appearance(&e.first);
        body.v(e.appearances.len() as u64);
        for a in &e.appearances {
            body.appearance(a);
        }
    }
    let (terms, ids, starts, pairs, whole) = ledger.index().parts();
    body.v(ids.len() as u64);
    body.v(pairs.keys.len() as u64);
    body.v(pairs.posts.len() as u64);
    body.v(terms.len() as u64);
    for t in terms {
        body.str(t);
    }
    for w in starts.windows(2) {
        let words = &ids[w[0] as usize..w[1] as usize];
        body.v(words.len() as u64);
        for &t in words {
            body.v(u64::from(t));
        }
    }
    // Pair keys grouped by first term: (first << 32 | second), ascending.
    let mut k = 0;
    for first in 0..terms.len() as u64 {
        let from = k;
        while k < pairs.keys.len() && pairs.keys[k] >> 32 == first {
            k += 1;
        }
        body.v((k - from) as u64);
        let mut prev = 0u64;
        for i in from..k {
            let second = pairs.keys[i] & 0xffff_ffff;
            body.v(second - prev);
            prev = second;
            body.postings(&pairs.posts[pairs.offs[i] as usize..pairs.offs[i + 1] as usize]);
        }
    }
    body.v(whole.keys.len() as u64);
    let mut prev = 0u64;
    for (i, &key) in whole.keys.iter().enumerate() {
        body.buf.extend_from_slice(&(key - prev).to_le_bytes());
        prev = key;
        body.postings(&whole.posts[whole.offs[i] as usize..whole.offs[i + 1] as usize]);
    }
    let mut out = Out {
        buf: Vec::with_capacity(body.buf.len() + 64),
        strings: HashMap::new(),
        table: Vec::new(),
    };
    out.buf.extend_from_slice(super::compiled::MAGIC);
    out.buf.extend_from_slice(&VERSION.to_le_bytes());
    out.v(entries.len() as u64);
    out.v(body.table.len() as u64);
    for s in &body.table {
        out.v(s.len() as u64);
        out.buf.extend_from_slice(s.as_bytes());
    }
    out.buf.extend_from_slice(&body.buf);
    out.buf
}

struct In<'b> {
    bytes: &'b [u8],
    at: usize,
    table: Vec<&'b str>,
    /// The entry being read, for error messages.
    entry: usize,
}

impl<'b> In<'b> {
    fn err(&self, what: &str) -> Error {
        Error::new(
            ErrorKind::Ledger,
            format!(
                "compiled ledger is malformed at byte {}, entry {}: {what}",
                self.at, self.entry
            ),
        )
    }
    fn v(&mut self) -> Result<u64, Error> {
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
    fn count(&mut self) -> Result<usize, Error> {
        let n = self.v()? as usize;
        if n > self.bytes.len() - self.at.min(self.bytes.len()) {
            return Err(self.err(&format!("count {n} exceeds the data left")));
        }
        Ok(n)
    }
    fn u32v(&mut self) -> Result<u32, Error> {
        u32::try_from(self.v()?).map_err(|_| self.err("value exceeds 32 bits"))
    }
    fn str(&mut self) -> Result<String, Error> {
        let i = self.v()? as usize;
        self.table
            .get(i)
            .map(|s| s.to_string())
            .ok_or_else(|| self.err(&format!("string index {i} out of range")))
    }
    fn opt(&mut self) -> Result<Option<String>, Error> {
        match self.v()? as usize {
            0 => Ok(None),
            i => self
                .table
                .get(i - 1)
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| self.err(&format!("string index {} out of range", i - 1))),
        }
    }
    fn appearance(&mut self) -> Result<Appearance, Error> {
        Ok(Appearance {
            doc: self.opt()?,
            outlet: self.opt()?,
            published: self.opt()?,
            url: self.opt()?,
            title: self.opt()?,
            text: self.opt()?,
            verdict: self.opt()?,
            speaker: self.opt()?,
        })
    }
    fn postings(&mut self, posts: &mut Vec<u32>, offs: &mut Vec<u32>) -> Result<(), Error> {
        let n = self.count()?;
        let mut e = 0u32;
        for i in 0..n {
            let d = self.u32v()?;
            e = e
                .checked_add(d)
                .filter(|_| i == 0 || d > 0)
                .ok_or_else(|| self.err("postings are not ascending"))?;
            posts.push(e);
        }
        offs.push(posts.len() as u32);
        Ok(())
    }
}

/// Reads the compiled form, version 1 (magic and version already checked). Refuses truncated or
/// corrupt data with the byte offset and entry at fault.
pub fn read(bytes: &[u8]) -> Result<Ledger, Error> {
    let mut r = In {
        bytes,
        at: 12,
        table: Vec::new(),
        entry: 0,
    };
    let count = r.count()?;
    let n = r.count()?;
    let mut table = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.count()?;
        let b = &bytes[r.at..r.at + len];
        table.push(std::str::from_utf8(b).map_err(|_| r.err("string is not UTF-8"))?);
        r.at += len;
    }
    r.table = table;
    let mut entries = Vec::with_capacity(count);
    for i in 0..count {
        r.entry = i;
        let id = r.str()?;
        let text = r.str()?;
        let flag = *bytes
            .get(r.at)
            .ok_or_else(|| r.err("unexpected end of data"))?;
        r.at += 1;
        let speaker = match flag {
            0 => None,
            1 => {
                let name = r.str()?;
                let k = r.count()?;
                let mut aliases = Vec::with_capacity(k);
                for _ in 0..k {
                    aliases.push(r.str()?);
                }
                Some(EntrySpeaker {
                    name,
                    aliases,
                    role: r.opt()?,
                    org: r.opt()?,
                })
            }
            f => return Err(r.err(&format!("speaker flag {f} is neither 0 nor 1"))),
        };
        let first = r.appearance()?;
        let k = r.count()?;
        let mut appearances = Vec::with_capacity(k);
        for _ in 0..k {
            appearances.push(r.appearance()?);
        }
        entries.push(Entry {
            id,
            text,
            speaker,
            first,
            appearances,
        });
    }
    r.entry = count;
    let (n_ids, n_keys, n_posts) = (r.count()?, r.count()?, r.count()?);
    let t = r.count()?;
    let mut terms: Vec<Box<str>> = Vec::with_capacity(t);
    for _ in 0..t {
        terms.push(r.str()?.into_boxed_str());
    }
    let mut ids = Vec::with_capacity(n_ids);
    let mut starts = Vec::with_capacity(count + 1);
    starts.push(0u32);
    for _ in 0..count {
        let len = r.count()?;
        for _ in 0..len {
            ids.push(r.u32v()?);
        }
        starts.push(ids.len() as u32);
    }
    if count == 0 {
        starts.clear();
    }
    let mut pairs = Frozen {
        keys: Vec::with_capacity(n_keys),
        offs: Vec::with_capacity(n_keys + 1),
        posts: Vec::with_capacity(n_posts),
    };
    pairs.offs.push(0);
    for first in 0..t as u64 {
        let k = r.count()?;
        let mut second = 0u64;
        for j in 0..k {
            let d = r.v()?;
            second = second
                .checked_add(d)
                .filter(|&s| (j == 0 || d > 0) && s <= u64::from(u32::MAX))
                .ok_or_else(|| r.err("pair keys are not ascending"))?;
            pairs.keys.push(first << 32 | second);
            r.postings(&mut pairs.posts, &mut pairs.offs)?;
        }
    }
    let k = r.count()?;
    let mut whole = Frozen {
        keys: Vec::with_capacity(k),
        offs: vec![0],
        posts: Vec::new(),
    };
    let mut key = 0u64;
    for j in 0..k {
        let b = bytes
            .get(r.at..r.at + 8)
            .ok_or_else(|| r.err("unexpected end of data"))?;
        r.at += 8;
        let d = u64::from_le_bytes(b.try_into().expect("8 bytes"));
        key = key
            .checked_add(d)
            .filter(|_| j == 0 || d > 0)
            .ok_or_else(|| r.err("text keys are not ascending"))?;
        whole.keys.push(key);
        r.postings(&mut whole.posts, &mut whole.offs)?;
    }
    if r.at != bytes.len() {
        return Err(r.err("trailing bytes after the index"));
    }
    let index = Index::from_parts(terms, ids, starts, pairs, whole)
        .ok_or_else(|| r.err("the word index is inconsistent"))?;
    Ok(Ledger::with_index(entries, index))
}
