//! The ledger's compiled form: a compact binary read without a JSON parser.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! magic   8 bytes  "QTLEDGR\0"
//! version u32      = VERSION
//! count   u32      number of entries
//! strings u32 n, then n × (u32 length, UTF-8 bytes)   every distinct string once
//! entries count × entry
//! index   u32 t, t × str term; u32 n, n × u32 term id; u32 s, s × u32 entry start;
//!         pairs postings; whole-text postings           (see ledger::index)
//! post.   u32 k, k × u64 key; u32 o, o × u32 offset; u32 p, p × u32 entry
//! entry   str id, str text, speaker, appearance first, u32 k, k × appearance
//! speaker u8 present; if 1: str name, u32 a, a × str alias, opt role, opt org
//! appear. opt doc, opt outlet, opt published, opt url, opt title, opt text, opt verdict, opt speaker
//! str     u32 index into the string table;  opt = u32 index + 1, or 0 for none
//! ```
//!
//! Outlet names, dates and speakers repeat across entries; the string table stores each once.
//! The word index is stored as built, so loading copies arrays and hashes only the vocabulary.

use std::collections::HashMap;

use super::index::{Frozen, Index};
use super::{Appearance, Entry, EntrySpeaker, Ledger, VERSION};
use crate::error::{Error, ErrorKind};

const MAGIC: &[u8; 8] = b"QTLEDGR\0";

/// Whether `bytes` start with the compiled form's magic.
pub fn is_compiled(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

struct Out {
    buf: Vec<u8>,
    strings: HashMap<String, u32>,
    table: Vec<String>,
}

impl Out {
    fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        let next = self.table.len() as u32;
        let i = *self.strings.entry(s.to_string()).or_insert_with(|| next);
        if i == next {
            self.table.push(s.to_string());
        }
        self.u32(i);
    }
    fn opt(&mut self, s: &Option<String>) {
        match s {
            None => self.u32(0),
            Some(s) => {
                let pos = self.buf.len();
                self.str(s);
                let i = u32::from_le_bytes(self.buf[pos..pos + 4].try_into().expect("4 bytes"));
                self.buf[pos..pos + 4].copy_from_slice(&(i + 1).to_le_bytes());
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
            self.opt(f);
        }
    }
}

/// Writes entries in the compiled form.
pub fn write(ledger: &Ledger) -> Vec<u8> {
    let entries = ledger.entries();
    let mut body = Out {
        buf: Vec::new(),
        strings: HashMap::new(),
        table: Vec::new(),
    };
    for e in entries {
        body.str(&e.id);
        body.str(&e.text);
        match &e.speaker {
            None => body.buf.push(0),
            Some(s) => {
                body.buf.push(1);
                body.str(&s.name);
                body.u32(s.aliases.len() as u32);
                for a in &s.aliases {
                    body.str(a);
                }
                body.opt(&s.role);
                body.opt(&s.org);
            }
        }
        body.appearance(&e.first);
        body.u32(e.appearances.len() as u32);
        for a in &e.appearances {
            body.appearance(a);
        }
    }
    let (terms, ids, starts, pairs, whole) = ledger.index().parts();
    body.u32(terms.len() as u32);
    for t in terms {
        body.str(t);
    }
    for list in [ids, starts] {
        body.u32(list.len() as u32);
        for &x in list {
            body.u32(x);
        }
    }
    for f in [&pairs, &whole] {
        body.u32(f.keys.len() as u32);
        for &k in &f.keys {
            body.buf.extend_from_slice(&k.to_le_bytes());
        }
        for list in [&f.offs, &f.posts] {
            body.u32(list.len() as u32);
            for &x in list.iter() {
                body.u32(x);
            }
        }
    }
    let mut out = Vec::with_capacity(body.buf.len() + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    out.extend_from_slice(&(body.table.len() as u32).to_le_bytes());
    for s in &body.table {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    out.extend_from_slice(&body.buf);
    out
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
    fn u32(&mut self) -> Result<u32, Error> {
        let b = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.err("unexpected end of data"))?;
        self.at += 4;
        Ok(u32::from_le_bytes(b.try_into().expect("4 bytes")))
    }
    fn str(&mut self) -> Result<String, Error> {
        let i = self.u32()? as usize;
        self.table
            .get(i)
            .map(|s| s.to_string())
            .ok_or_else(|| self.err(&format!("string index {i} out of range")))
    }
    fn opt(&mut self) -> Result<Option<String>, Error> {
        match self.u32()? as usize {
            0 => Ok(None),
            i => self
                .table
                .get(i - 1)
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| self.err(&format!("string index {} out of range", i - 1))),
        }
    }
    fn u32s(&mut self) -> Result<Vec<u32>, Error> {
        let n = self.u32()? as usize;
        let b = self
            .bytes
            .get(self.at..self.at + n * 4)
            .ok_or_else(|| self.err("array runs past the end"))?;
        self.at += n * 4;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect())
    }
    fn frozen(&mut self) -> Result<Frozen, Error> {
        let n = self.u32()? as usize;
        let b = self
            .bytes
            .get(self.at..self.at + n * 8)
            .ok_or_else(|| self.err("postings run past the end"))?;
        self.at += n * 8;
        let keys = b
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
            .collect();
        Ok(Frozen {
            keys,
            offs: self.u32s()?,
            posts: self.u32s()?,
        })
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
}

/// Reads the compiled form. Refuses another version by number, and truncated or corrupt data
/// with the byte offset and entry at fault.
pub fn read(bytes: &[u8]) -> Result<Ledger, Error> {
    if !is_compiled(bytes) {
        return Err(Error::new(
            ErrorKind::Ledger,
            "not a compiled ledger: bad magic bytes",
        ));
    }
    let mut r = In {
        bytes,
        at: 8,
        table: Vec::new(),
        entry: 0,
    };
    let version = r.u32()?;
    if version != VERSION {
        return Err(Error::new(ErrorKind::Version, format!("compiled ledger version {version} is not supported (this build reads version {VERSION})")));
    }
    let count = r.u32()? as usize;
    let n = r.u32()? as usize;
    if n > bytes.len() {
        return Err(r.err(&format!(
            "string table of {n} strings is larger than the file"
        )));
    }
    let mut table = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.u32()? as usize;
        let b = bytes
            .get(r.at..r.at + len)
            .ok_or_else(|| r.err("string runs past the end"))?;
        table.push(std::str::from_utf8(b).map_err(|_| r.err("string is not UTF-8"))?);
        r.at += len;
    }
    r.table = table;
    let mut entries = Vec::with_capacity(count.min(bytes.len() / 16));
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
                let k = r.u32()? as usize;
                let mut aliases = Vec::with_capacity(k.min(64));
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
        let k = r.u32()? as usize;
        let mut appearances = Vec::with_capacity(k.min(1024));
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
    let t = r.u32()? as usize;
    if t > bytes.len() {
        return Err(r.err(&format!("vocabulary of {t} terms is larger than the file")));
    }
    let mut terms: Vec<Box<str>> = Vec::with_capacity(t);
    for _ in 0..t {
        terms.push(r.str()?.into_boxed_str());
    }
    let ids = r.u32s()?;
    let starts = r.u32s()?;
    let pairs = r.frozen()?;
    let whole = r.frozen()?;
    if r.at != bytes.len() {
        return Err(r.err("trailing bytes after the index"));
    }
    if starts.len() != count + 1 && !(count == 0 && starts.is_empty()) {
        return Err(r.err(&format!(
            "index covers {} entries, the ledger has {count}",
            starts.len().saturating_sub(1)
        )));
    }
    let index = Index::from_parts(terms, ids, starts, pairs, whole)
        .ok_or_else(|| r.err("the word index is inconsistent"))?;
    Ok(Ledger::with_index(entries, index))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Entry> {
        vec![Entry {
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
        }]
    }

    #[test]
    fn compiled010_roundtrip() {
        let e = sample();
        let back = read(&write(&Ledger::new(e.clone()))).unwrap();
        assert_eq!(back.entries(), e.as_slice());
        let q = back
            .index()
            .lookup(&crate::ledger::index::folded("we are ready"));
        assert_eq!(back.index().exact(&q), vec![0]);
        assert_eq!(read(&write(&Ledger::default())).unwrap().len(), 0);
    }

    #[test]
    fn compiled020_truncation_and_version_are_refused() {
        let b = write(&Ledger::new(sample()));
        for cut in [10, 20, b.len() - 1] {
            assert!(read(&b[..cut]).is_err(), "cut at {cut}");
        }
        let mut v = b.clone();
        v[8] = 9;
        assert_eq!(read(&v).unwrap_err().kind(), ErrorKind::Version);
    }

    proptest::proptest! {
        #[test]
        fn compiled030_garbage_never_panics(tail in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let mut b = MAGIC.to_vec();
            b.extend_from_slice(&VERSION.to_le_bytes());
            b.extend(tail);
            let _ = read(&b);
        }
    }
}
