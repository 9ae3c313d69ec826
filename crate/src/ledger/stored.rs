//! Entries left in the compiled bytes, decoded one at a time when a quote traces to them.
//!
//! An entry record, compiled form version 4 (after its words, `v len, len × v term id`):
//!
//! ```text
//! flags   byte: bits 0-1 the id's kind (0 str, 1 [`ID_HEX`] 8 bytes, 2 [`ID_DERIVED`] none),
//!         [`TEXT_SKELETON`], [`SPEAKER`], [`ALIASES`], [`ROLE`], [`ORG`], [`LATER`]
//! id      str | u64 little-endian | nothing (the builder's hash of words, first page, speaker)
//! text    str | skeleton: str lead, ceil(words / 4) bytes of 2-bit cases (0 folded, 1
//!         capitalised, 2 capitals, 3 printed), v m, m × (v words skipped, v gap: 0 one space,
//!         1 nothing, k + 2 string k) for the gaps that are not the usual (one space; nothing
//!         after the last word), then a str for each printed word
//! speaker str name, [v a, a × str alias], [str role], [str org]   (as the flags say)
//! appear. byte mask (bit i: field i present, in the order doc, outlet, published, url, title,
//!         text, verdict, speaker), then a str for each field present
//! entry   flags, id, text, [speaker], appearance first, [v k, k × appearance]
//! ```
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

use super::bits::Blocked;
use super::compiled::In;
use super::index::Index;
use super::skeleton::{self, Case, Word};
use super::{Appearance, Entry, EntrySpeaker};
use crate::error::Error;

/// Entry flags (version 4), the byte after an entry's words. The low two bits say how the id is
/// stored: a string (0), 8 bytes ([`ID_HEX`]) or not at all ([`ID_DERIVED`]).
pub(super) const ID_HEX: u8 = 1;
/// The id is the builder's for this entry ([`derived_id`]), computed when the entry is decoded.
pub(super) const ID_DERIVED: u8 = 2;
/// The text is a skeleton over the entry's words (else a string).
pub(super) const TEXT_SKELETON: u8 = 4;
/// A speaker follows, and which of its optional fields.
pub(super) const SPEAKER: u8 = 8;
pub(super) const ALIASES: u8 = 16;
pub(super) const ROLE: u8 = 32;
pub(super) const ORG: u8 = 64;
/// Later appearances follow the first.
pub(super) const LATER: u8 = 128;

/// The id [`super::Builder`] gives an entry: a hash of its words, its first page and its speaker.
pub(super) fn derived_id(e: &Entry) -> String {
    let page = e
        .first
        .doc
        .as_deref()
        .or(e.first.url.as_deref())
        .unwrap_or("");
    super::builder::entry_id(
        &format!("{}\u{1f}{page}", e.text),
        e.speaker.as_ref().map(|s| s.name.as_str()),
    )
}

/// Where a version 4 file keeps its strings and entry records.
#[derive(Clone)]
struct V4 {
    strings: Blocked,
    records: Blocked,
}

/// Entries kept as compiled bytes.
#[derive(Clone)]
pub struct Stored {
    /// Version 4 (then `strings`, `entries` and `words_first` are unused).
    v4: Option<V4>,
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
                0 => skeleton::Gap::Space,
                1 => skeleton::Gap::Nothing,
                k => skeleton::Gap::Text(self.string(k as usize - 2)),
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
            v4: None,
            bytes,
            strings,
            entries,
            words_first,
        }
    }

    /// Entries of a version 4 file: its string table and records, in `bytes`.
    pub(super) fn v4(bytes: Arc<Vec<u8>>, strings: Blocked, records: Blocked) -> Stored {
        Stored {
            v4: Some(V4 { strings, records }),
            bytes,
            strings: Vec::new(),
            entries: Vec::new(),
            words_first: true,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        match &self.v4 {
            Some(v4) => v4.records.n,
            None => self.entries.len(),
        }
    }

    fn string(&self, i: usize) -> &str {
        let (Some(&a), Some(&b)) = (self.strings.get(i), self.strings.get(i + 1)) else {
            return "";
        };
        std::str::from_utf8(&self.bytes[a as usize..b as usize]).unwrap_or_default()
    }

    /// Entry `i`, decoded; `index` holds its words (term ids). O(size of the entry).
    pub fn entry(&self, i: usize, index: &Index) -> Entry {
        if let Some(v4) = &self.v4 {
            return entry_v4(v4, i, index);
        }
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

/// Decodes entry `i` of a version 4 file. A record that does not decode (only in a file made to
/// pass the checksum) gives empty fields, never a panic.
fn entry_v4(v4: &V4, i: usize, index: &Index) -> Entry {
    let range = v4.records.range(i);
    let mut r = In {
        bytes: &v4.records.bytes[..range.end],
        at: range.start,
        entry: i,
    };
    let string = |r: &mut In| -> String {
        r.v()
            .ok()
            .and_then(|i| v4.strings.front_coded(i as usize))
            .unwrap_or_default()
    };
    let n = r.count().unwrap_or(0);
    let mut terms = Vec::with_capacity(n);
    for _ in 0..n {
        terms.push(index.term(r.v().unwrap_or(u64::MAX).min(u64::from(u32::MAX)) as u32));
    }
    let flags = r.byte().unwrap_or(0);
    let mut id = match flags & 3 {
        ID_HEX => {
            let b = r.take(8).unwrap_or(&[0; 8]);
            format!(
                "{:016x}",
                u64::from_le_bytes(b.try_into().unwrap_or([0; 8]))
            )
        }
        ID_DERIVED => String::new(),
        _ => string(&mut r),
    };
    let text = if flags & TEXT_SKELETON == 0 {
        string(&mut r)
    } else {
        let mut out = string(&mut r);
        let cases = r.take(n.div_ceil(4)).unwrap_or(&[]).to_vec();
        let case = |j: usize| {
            let c = cases.get(j / 4).map_or(0, |b| b >> (2 * (j % 4)) & 3);
            [
                Case::Folded,
                Case::Capitalised,
                Case::Capitals,
                Case::Literal,
            ][c as usize]
        };
        // The gaps that are not the usual one (a space, nothing after the last word).
        let mut odd = Vec::new();
        let mut next = 0u64;
        for _ in 0..r.count().unwrap_or(0) {
            let j = next.saturating_add(r.v().unwrap_or(u64::MAX));
            next = j.saturating_add(1);
            let gap = match r.v().unwrap_or(0) {
                0 => Gap::Space,
                1 => Gap::Nothing,
                k => Gap::Text(v4.strings.front_coded(k as usize - 2).unwrap_or_default()),
            };
            odd.push((j, gap));
        }
        let mut odd = odd.into_iter().peekable();
        for (j, term) in terms.iter().enumerate() {
            let literal = (case(j) == Case::Literal).then(|| string(&mut r));
            let gap = match odd.peek() {
                Some((at, _)) if *at == j as u64 => odd.next().map(|(_, g)| g),
                _ => None,
            }
            .unwrap_or(if j + 1 == n { Gap::Nothing } else { Gap::Space });
            let gap = match &gap {
                Gap::Space => skeleton::Gap::Space,
                Gap::Nothing => skeleton::Gap::Nothing,
                Gap::Text(g) => skeleton::Gap::Text(g),
            };
            let w = Word {
                case: case(j),
                literal: literal.as_deref(),
                gap,
            };
            skeleton::push_word(&mut out, term, &w);
        }
        out
    };
    let speaker = (flags & SPEAKER != 0).then(|| EntrySpeaker {
        name: string(&mut r),
        aliases: if flags & ALIASES != 0 {
            (0..r.count().unwrap_or(0))
                .map(|_| string(&mut r))
                .collect()
        } else {
            Vec::new()
        },
        role: (flags & ROLE != 0).then(|| string(&mut r)),
        org: (flags & ORG != 0).then(|| string(&mut r)),
    });
    let appearance = |r: &mut In| {
        let mask = r.byte().unwrap_or(0);
        let mut f = |bit: u8| (mask & 1 << bit != 0).then(|| string(r));
        Appearance {
            doc: f(0),
            outlet: f(1),
            published: f(2),
            url: f(3),
            title: f(4),
            text: f(5),
            verdict: f(6),
            speaker: f(7),
        }
    };
    let first = appearance(&mut r);
    let appearances = if flags & LATER != 0 {
        (0..r.count().unwrap_or(0))
            .map(|_| appearance(&mut r))
            .collect()
    } else {
        Vec::new()
    };
    let mut e = Entry {
        id: String::new(),
        text,
        speaker,
        first,
        appearances,
    };
    if flags & 3 == ID_DERIVED {
        id = derived_id(&e);
    }
    e.id = id;
    e
}

/// A gap of a version 4 skeleton, owning its text.
enum Gap {
    Space,
    Nothing,
    Text(String),
}
