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

mod builder;
pub mod compiled;
mod entry;
pub mod index;
mod source;

pub use builder::{Builder, Record, Summary};
pub use entry::{Appearance, Entry, EntrySpeaker};

use crate::error::{Error, ErrorKind};
use index::Index;

/// The format name in the source header and the compiled magic.
pub const FORMAT: &str = "quotetrace-ledger";
/// The current format version. Version 1 is the only one so far; any other is refused by name.
pub const VERSION: u32 = 1;

/// A loaded ledger: entries plus their word index.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    entries: Vec<Entry>,
    index: Index,
}

impl Ledger {
    /// A ledger of `entries`, indexed. O(total words).
    pub fn new(entries: Vec<Entry>) -> Ledger {
        let index = Index::build(entries.iter().map(|e| e.text.as_str()));
        Ledger { entries, index }
    }

    /// A ledger from entries and their already built index (the compiled form's case).
    pub(crate) fn with_index(entries: Vec<Entry>, index: Index) -> Ledger {
        debug_assert_eq!(entries.len(), index.len());
        Ledger { entries, index }
    }

    /// Reads either form, told apart by the compiled form's magic bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Ledger, Error> {
        if compiled::is_compiled(bytes) {
            return compiled::read(bytes);
        }
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
        source::write(&self.entries)
    }

    /// The compiled form.
    pub fn to_compiled(&self) -> Vec<u8> {
        compiled::write(self)
    }

    /// The entries, in the order they were built or read.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries with their index, to match against.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Appends one entry and indexes it.
    pub(crate) fn push(&mut self, e: Entry) {
        self.index.add(&e.text);
        self.entries.push(e);
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the ledger has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Several ledgers as one: entries with the same id are merged, keeping the earliest first
    /// appearance and every distinct later appearance.
    pub fn merge(ledgers: Vec<Ledger>) -> Ledger {
        let mut by_id: std::collections::HashMap<String, usize> = Default::default();
        let mut out: Vec<Entry> = Vec::new();
        for l in ledgers {
            for e in l.entries {
                match by_id.get(&e.id) {
                    None => {
                        by_id.insert(e.id.clone(), out.len());
                        out.push(e);
                    }
                    Some(&i) => {
                        let have = &mut out[i];
                        let mut all: Vec<Appearance> = std::mem::take(&mut have.appearances);
                        let mut first = e.first.clone();
                        if builder::earlier(&e.first, &have.first) {
                            std::mem::swap(&mut first, &mut have.first);
                            // The old first appearance becomes a later one, with its own words.
                            first.text = Some(std::mem::replace(&mut have.text, e.text.clone()));
                            first.verdict = Some("verbatim".into())
                                .filter(|_| first.text.as_deref() == Some(have.text.as_str()));
                        }
                        all.push(first);
                        all.extend(e.appearances);
                        for a in all {
                            if a != have.first && !have.appearances.contains(&a) {
                                have.appearances.push(a);
                            }
                        }
                        have.appearances.sort_by(builder::date_order);
                    }
                }
            }
        }
        Ledger::new(out)
    }
}
