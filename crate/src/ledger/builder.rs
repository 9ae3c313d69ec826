//! Building a ledger from a corpus: every quotation, grouped with its variants.
//!
//! Articles are read in date order (unknown dates last, never guessed). Each quotation is traced
//! against the entries built so far: if it traces (verbatim, excerpt, altered, misattributed), it
//! becomes a later appearance of that entry, with its own wording and verdict, as MemeTracker
//! grouped phrase mutations; otherwise it starts a new entry whose first appearance is this article.

use std::cmp::Ordering;

use super::{Appearance, Entry, EntrySpeaker, Ledger};
use crate::engine::Engine;
use crate::finding::Kind;
use crate::page::PageMeta;
use crate::verdict::{same_speaker, trace, Verdict};

/// One corpus article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// The article's id in its corpus.
    pub id: String,
    /// The article text.
    pub text: String,
    /// Outlet, date (ISO 8601), url and title, each when known.
    pub meta: PageMeta,
}

/// What a build did, for its summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles read.
    pub articles: usize,
    /// Quotations found in them and put in the ledger.
    pub quotes: usize,
    /// Entries: distinct quotations after grouping variants.
    pub entries: usize,
}

/// Collects articles, then builds the ledger in date order.
#[derive(Debug, Default)]
pub struct Builder {
    records: Vec<Record>,
}

/// Whether appearance `a` is dated earlier than `b` (a known date is earlier than an unknown one).
pub fn earlier(a: &Appearance, b: &Appearance) -> bool {
    date_order(a, b) == Ordering::Less
}

/// Date order of appearances: known dates ascending, then unknown ones.
pub fn date_order(a: &Appearance, b: &Appearance) -> Ordering {
    match (&a.published, &b.published) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A stable id for an entry: FNV-1a (64 bits) of its words and speaker, as 16 hex digits.
fn entry_id(text: &str, speaker: Option<&str>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text
        .bytes()
        .chain([0x1f])
        .chain(speaker.unwrap_or("").bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl Builder {
    /// An empty builder.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Adds one article.
    pub fn add(&mut self, r: Record) {
        self.records.push(r);
    }

    /// Number of articles added.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether no article was added.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Builds the ledger. `progress(done, total)` is called after each article.
    pub fn build(mut self, mut progress: impl FnMut(usize, usize)) -> (Ledger, Summary) {
        let key = |r: &Record| Appearance {
            published: r.meta.published.clone(),
            ..Default::default()
        };
        self.records
            .sort_by(|a, b| date_order(&key(a), &key(b)).then_with(|| a.id.cmp(&b.id)));
        let total = self.records.len();
        let mut ledger = Ledger::default();
        let mut summary = Summary {
            articles: total,
            ..Default::default()
        };
        let finder = Engine::new(Ledger::default());
        for (n, r) in self.records.iter().enumerate() {
            let mut page = r.meta.clone();
            page.id = Some(r.id.clone());
            let here = Appearance {
                doc: Some(r.id.clone()),
                outlet: page.outlet.clone(),
                published: page.published.clone(),
                url: page.url.clone(),
                title: page.title.clone(),
                ..Default::default()
            };
            for f in finder.scan(&r.text, &page) {
                if !matches!(f.kind, Kind::Direct | Kind::Partial) {
                    continue;
                }
                let words = f.span.of(&r.text);
                let speaker = f.speaker.as_ref().map(|s| s.name.as_str());
                let n_words = crate::ledger::index::folded(words).len();
                // Titles are quoted, not said; short words need a speaker to mean anything.
                if n_words == 0
                    || (n_words <= crate::verdict::SHORT_QUOTE_WORDS && speaker.is_none())
                    || crate::verdict::is_title(words)
                {
                    continue;
                }
                summary.quotes += 1;
                match trace(&ledger, words, speaker, &PageMeta::default()) {
                    Some(t) if t.verdict != Verdict::Original => {
                        let e = &mut ledger.entries[t.entry];
                        let seen = e.first.doc == here.doc
                            || e.appearances.iter().any(|a| a.doc == here.doc);
                        if seen {
                            continue;
                        }
                        let mut a = here.clone();
                        a.text = Some(words.to_string());
                        a.verdict = Some(t.verdict.as_str().to_string());
                        if let (Some(es), Some(name)) = (&mut e.speaker, speaker) {
                            if same_speaker(name, es) {
                                if name != es.name && !es.aliases.iter().any(|x| x == name) {
                                    es.aliases.push(name.to_string());
                                }
                            } else {
                                a.speaker = Some(name.to_string());
                            }
                        }
                        e.appearances.push(a);
                    }
                    _ => {
                        let sp = f.speaker.as_ref().map(|s| EntrySpeaker {
                            name: s.name.clone(),
                            aliases: Vec::new(),
                            role: s.role.clone(),
                            org: s.org.clone(),
                        });
                        ledger.push(Entry {
                            id: entry_id(words, speaker),
                            text: words.to_string(),
                            speaker: sp,
                            first: here.clone(),
                            appearances: Vec::new(),
                        });
                    }
                }
            }
            progress(n + 1, total);
        }
        // Ids collide only for the same words from the same speaker, which trace() groups; make
        // any remaining collision (the same words in one article twice) unique all the same.
        let mut seen = std::collections::HashSet::new();
        for e in &mut ledger.entries {
            while !seen.insert(e.id.clone()) {
                e.id = entry_id(&e.id, Some("dup"));
            }
        }
        summary.entries = ledger.len();
        (ledger, summary)
    }
}
