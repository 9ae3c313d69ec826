//! Entries left in the compiled bytes, decoded one at a time when a quote traces to them.
//!
//! An entry record (compiled form versions 2 and 3):
//!
//! ```text
//! entry   [v len, len × v term id]  (version 3 only: the entry's words, read by the index)
//!         id, text, speaker, appearance first, v k, k × appearance
//! id      byte 0, str  |  byte 1, u64 little-endian   (16 lowercase hex digits)
//! text    byte 0, str  |  byte 1, str lead, v n, n × (v code [, str word])
//!         code = case | gap << 2; case 0 folded, 1 capitalised, 2 capitals, 3 printed (str
//!         follows); gap 0 one space, 1 nothing, k + 2 string k     (see [`super::skeleton`])
//! speaker byte 0 | 1; if 1: str name, v a, a × str alias, opt role, opt org
//! appear. opt doc, opt outlet, opt published, opt url, opt title, opt text, opt verdict, opt speaker
//! ```
//!
//! Memory: the bytes of the string table and entries, plus 4 bytes per string and per entry
//! (their offsets). Version 2 checks every record when the ledger is read; version 3 checks the
//! file's checksum instead, so a record that does not decode (a file made to pass the checksum)
//! decodes as empty fields, never a panic: every read here falls back to 0 or "".

use std::sync::Arc;

use super::compiled::In;
use super::index::Index;
use super::skeleton::{self, Case, Gap, Word};
use super::{Appearance, Entry, EntrySpeaker};
use crate::error::Error;

/// Entries kept as compiled bytes.
#[derive(Clone)]
pub struct Stored {
    bytes: Arc<Vec<u8>>,
    /// String `i` is `bytes[strings[i]..strings[i + 1]]`.
    strings: Vec<u32>,
    /// Where each entry's record starts.
    entries: Vec<u32>,
    /// Whether each record opens with its term ids (version 3), which the index reads.
    words_first: bool,
}

impl std::fmt::Debug for Stored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stored")
            .field("bytes", &self.bytes.len())
            .field("entries", &self.entries.len())
            .finish()
    }
}

/// Checks one entry record (string indices below `n_strings`, flags, counts) and moves past it.
/// Returns the number of words of a text stored as a skeleton, to be checked against the index.
pub(super) fn check_entry(r: &mut In, n_strings: usize) -> Result<Option<u32>, Error> {
    let s = |r: &mut In, opt: bool| -> Result<(), Error> {
        let i = match (r.v()?, opt) {
            (0, true) => return Ok(()),
            (i, true) => i - 1,
            (i, false) => i,
        };
        if i >= n_strings as u64 {
            return Err(r.err(&format!("string index {i} out of range")));
        }
        Ok(())
    };
    match r.byte()? {
        0 => s(r, false)?,
        1 => {
            r.take(8)?;
        }
        f => return Err(r.err(&format!("id flag {f} is neither 0 nor 1"))),
    }
    let words = match r.byte()? {
        0 => {
            s(r, false)?;
            None
        }
        1 => {
            s(r, false)?;
            let n = r.count()?;
            for _ in 0..n {
                let code = r.v()?;
                if code >> 2 >= 2 && (code >> 2) - 2 >= n_strings as u64 {
                    return Err(r.err("gap string index out of range"));
                }
                if code & 3 == 3 {
                    s(r, false)?;
                }
            }
            Some(n as u32)
        }
        f => return Err(r.err(&format!("text flag {f} is neither 0 nor 1"))),
    };
    match r.byte()? {
        0 => {}
        1 => {
            s(r, false)?;
            for _ in 0..r.count()? {
                s(r, false)?;
            }
            s(r, true)?;
            s(r, true)?;
        }
        f => return Err(r.err(&format!("speaker flag {f} is neither 0 nor 1"))),
    }
    for _ in 0..8 {
        s(r, true)?;
    }
    for _ in 0..r.count()? {
        for _ in 0..8 {
            s(r, true)?;
        }
    }
    Ok(words)
}

/// Decodes checked records.
struct Decoder<'s> {
    r: In<'s>,
    stored: &'s Stored,
}

impl<'s> Decoder<'s> {
    fn v(&mut self) -> u64 {
        self.r.v().unwrap_or(0)
    }
    /// A count, at most the bytes left (each counted item takes at least one).
    fn count(&mut self) -> usize {
        self.r.count().unwrap_or(0)
    }
    fn byte(&mut self) -> u8 {
        self.r.byte().unwrap_or(0)
    }
    fn string(&self, i: usize) -> &'s str {
        self.stored.string(i)
    }
    fn str(&mut self) -> String {
        let i = self.v() as usize;
        self.string(i).to_string()
    }
    fn opt(&mut self) -> Option<String> {
        match self.v() as usize {
            0 => None,
            i => Some(self.string(i - 1).to_string()),
        }
    }
    fn appearance(&mut self) -> Appearance {
        Appearance {
            doc: self.opt(),
            outlet: self.opt(),
            published: self.opt(),
            url: self.opt(),
            title: self.opt(),
            text: self.opt(),
            verdict: self.opt(),
            speaker: self.opt(),
        }
    }
    fn text<'t>(&mut self, terms: impl Iterator<Item = &'t str>) -> String {
        if self.byte() == 0 {
            return self.str();
        }
        let mut out = self.str();
        let n = self.v() as usize;
        for term in terms.take(n) {
            let code = self.v();
            let case = [
                Case::Folded,
                Case::Capitalised,
                Case::Capitals,
                Case::Literal,
            ][(code & 3) as usize];
            let literal = (case == Case::Literal).then(|| {
                let i = self.v() as usize;
                self.string(i)
            });
            let gap = match code >> 2 {
                0 => Gap::Space,
                1 => Gap::Nothing,
                k => Gap::Text(self.string(k as usize - 2)),
            };
            skeleton::push_word(&mut out, term, &Word { case, literal, gap });
        }
        out
    }
}

impl Stored {
    /// Entries whose records start at `entries` in `bytes`, with the string table at `strings`;
    /// all checked by [`check_entry`].
    pub(super) fn new(
        bytes: Arc<Vec<u8>>,
        strings: Vec<u32>,
        entries: Vec<u32>,
        words_first: bool,
    ) -> Stored {
        Stored {
            bytes,
            strings,
            entries,
            words_first,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    fn string(&self, i: usize) -> &str {
        let (Some(&a), Some(&b)) = (self.strings.get(i), self.strings.get(i + 1)) else {
            return "";
        };
        std::str::from_utf8(&self.bytes[a as usize..b as usize]).unwrap_or_default()
    }

    /// Entry `i`, decoded; `index` holds its words (term ids). O(size of the entry).
    pub fn entry(&self, i: usize, index: &Index) -> Entry {
        let mut d = Decoder {
            r: In {
                bytes: &self.bytes,
                at: self.entries[i] as usize,
                entry: i,
            },
            stored: self,
        };
        if self.words_first {
            for _ in 0..d.count() {
                d.v();
            }
        }
        let id = match d.byte() {
            1 => {
                let b = d.r.take(8).unwrap_or(&[0; 8]);
                format!(
                    "{:016x}",
                    u64::from_le_bytes(b.try_into().unwrap_or([0; 8]))
                )
            }
            _ => d.str(),
        };
        let text = d.text(index.words(i).iter().map(|&t| index.term(t)));
        let speaker = (d.byte() == 1).then(|| EntrySpeaker {
            name: d.str(),
            aliases: (0..d.count()).map(|_| d.str()).collect(),
            role: d.opt(),
            org: d.opt(),
        });
        let first = d.appearance();
        let appearances = (0..d.count()).map(|_| d.appearance()).collect();
        Entry {
            id,
            text,
            speaker,
            first,
            appearances,
        }
    }
}
