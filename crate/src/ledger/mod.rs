//! The quote ledger: every quotation a corpus printed, where it first appeared, and how later
//! appearances changed it.
//!
//! Two forms, one content:
//! - the **source form**, JSON Lines (documented in `docs/ledger.schema.json`): a header line
//!   `{"format": "quotetrace-ledger", "version": 1, …}` then one [`Entry`] per line, so an error
//!   names its line;
//! - the **compiled form** ([`compiled`]), a compact binary the extension ships and loads without
//!   parsing JSON.
//!
//! [`Ledger`] holds the entries with the [`index`](crate::ledger::index::Index) that finds the
//! entries sharing words with a quote.

mod bits;
mod builder;
pub mod compiled;
mod compiled_v1;
mod entry;
pub mod index;
mod pairs;
mod runs;
mod skeleton;
mod source;
mod stored;
mod words;

pub use builder::{date_order, earlier, learn, Builder, Record, Summary};
pub use entry::{Appearance, Entry, EntrySpeaker};

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};
use index::Index;
use stored::Stored;

/// The format name in the source header and the compiled magic.
pub const FORMAT: &str = "quotetrace-ledger";
/// The source form's version. Version 1 is the only one so far; any other is refused by name.
/// (The compiled form has its own: [`compiled::VERSION`].)
pub const VERSION: u32 = 1;

/// A loaded ledger: entries plus their word index.
///
/// A ledger read from the compiled form keeps its entries as bytes ([`Stored`]) and decodes one
/// when asked ([`Ledger::entry`]); the first change (a learned page, a merge) decodes them all.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// The entries, unless `stored` holds them.
    entries: Vec<Entry>,
    stored: Option<Stored>,
    index: Index,
}

impl Ledger {
    /// A ledger of `entries`, indexed. O(total words).
    pub fn new(entries: Vec<Entry>) -> Ledger {
        let index = Index::build(entries.iter().map(|e| e.text.as_str()));
        Ledger {
            entries,
            stored: None,
            index,
        }
    }

    /// A ledger from entries and their already built index (compiled form version 1).
    pub(crate) fn with_index(entries: Vec<Entry>, index: Index) -> Ledger {
        debug_assert_eq!(entries.len(), index.len());
        Ledger {
            entries,
            stored: None,
            index,
        }
    }

    /// A ledger whose entries stay compiled (compiled form version 2).
    pub(crate) fn stored(stored: Stored, index: Index) -> Ledger {
        debug_assert_eq!(stored.len(), index.len());
        Ledger {
            entries: Vec::new(),
            stored: Some(stored),
            index,
        }
    }

    /// Reads either form, told apart by the compiled form's magic bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Ledger, Error> {
        if compiled::is_compiled(bytes) {
            return compiled::read(bytes.to_vec());
        }
        Ledger::from_source_bytes(bytes)
    }

    /// Reads either form from bytes it may keep: a compiled ledger's entries are decoded from
    /// them when needed, with no copy.
    pub fn from_vec(bytes: Vec<u8>) -> Result<Ledger, Error> {
        if compiled::is_compiled(&bytes) {
            return compiled::read(bytes);
        }
        Ledger::from_source_bytes(&bytes)
    }

    fn from_source_bytes(bytes: &[u8]) -> Result<Ledger, Error> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::Ledger,
                format!("ledger is not UTF-8 text nor a compiled ledger: {e}"),
            )
        })?;
        source::read(text).map(Ledger::new)
    }

    /// The source form (JSON Lines).
    pub fn to_source(&self) -> String {
        source::write(&self.entries())
    }

    /// The compiled form.
    pub fn to_compiled(&self) -> Vec<u8> {
        compiled::write(self)
    }

    /// The entries, in the order they were built or read (decoded, for a compiled ledger: use
    /// [`Ledger::entry`] for a few).
    pub fn entries(&self) -> Cow<'_, [Entry]> {
        match &self.stored {
            Some(s) => Cow::Owned((0..s.len()).map(|i| s.entry(i, &self.index)).collect()),
            None => Cow::Borrowed(&self.entries),
        }
    }

    /// Entry `i` (decoded, for a compiled ledger: O(size of the entry)). Panics if `i` is not
    /// below [`Ledger::len`].
    pub fn entry(&self, i: usize) -> Cow<'_, Entry> {
        match &self.stored {
            Some(s) => Cow::Owned(s.entry(i, &self.index)),
            None => Cow::Borrowed(&self.entries[i]),
        }
    }

    /// The entries, to change: a compiled ledger's are decoded first, once.
    pub(crate) fn entries_mut(&mut self) -> &mut Vec<Entry> {
        if let Some(s) = self.stored.take() {
            self.entries = (0..s.len()).map(|i| s.entry(i, &self.index)).collect();
        }
        &mut self.entries
    }

    /// The entries, owned.
    fn into_entries(mut self) -> Vec<Entry> {
        std::mem::take(self.entries_mut())
    }

    /// The entries with their index, to match against.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Says that sentences holding about `words` words are going to be checked against this
    /// ledger (see [`Index::expect_words`]): only when its run filter is built changes.
    pub fn expect_words(&self, words: usize) {
        self.index.expect_words(words);
    }

    /// Appends one entry and indexes it.
    pub(crate) fn push(&mut self, e: Entry) {
        self.entries_mut();
        self.index.add(&e.text);
        self.entries.push(e);
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.stored.as_ref().map_or(self.entries.len(), Stored::len)
    }

    /// Whether the ledger has no entry.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Several ledgers as one. Every appearance of every entry is recorded again, in date order,
    /// so that variants of one quote from different ledgers are grouped as the builder groups them,
    /// and each entry's first appearance is the earliest any ledger knows.
    pub fn merge(ledgers: Vec<Ledger>) -> Ledger {
        let mut all: Vec<(Appearance, String, Option<EntrySpeaker>)> = Vec::new();
        for l in ledgers {
            for e in l.into_entries() {
                let speaker = e.speaker.clone();
                let mut first = e.first;
                first.text = None;
                first.verdict = None;
                all.push((first, e.text.clone(), speaker.clone()));
                for mut a in e.appearances {
                    let words = a.text.take().unwrap_or_else(|| e.text.clone());
                    let sp = match (&a.speaker, &speaker) {
                        (Some(n), _) => Some(EntrySpeaker {
                            name: n.clone(),
                            ..Default::default()
                        }),
                        (None, s) => s.clone(),
                    };
                    a.verdict = None;
                    a.speaker = None;
                    all.push((a, words, sp));
                }
            }
        }
        all.sort_by(|a, b| builder::date_order(&a.0, &b.0));
        let mut out = Ledger::default();
        for (here, words, speaker) in all {
            builder::record(&mut out, &words, speaker, &here);
        }
        out
    }
}
