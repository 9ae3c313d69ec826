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

/// A stable id for an entry: FNV-1a (64 bits) of its words, first page and speaker, as 16 hex digits.
pub(super) fn entry_id(text: &str, speaker: Option<&str>) -> String {
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
            let found = finder.scan(&r.text, &page);
            summary.quotes += learn(&mut ledger, &r.text, &page, &found);
            progress(n + 1, total);
        }
        // Ids collide only for the same words from the same speaker, which trace() groups; make
        // any remaining collision (the same words in one article twice) unique all the same.
        let mut seen = std::collections::HashSet::new();
        for e in ledger.entries_mut() {
            while !seen.insert(e.id.clone()) {
                e.id = entry_id(&e.id, Some("dup"));
            }
        }
        summary.entries = ledger.len();
        (ledger, summary)
    }
}

/// Adds the quotations `found` on one page (its `text` and `page` metadata) to `ledger`: each one
/// that traces to an entry becomes a later appearance of it, with its own words and verdict; the
/// others start entries whose first appearance is this page. A page dated before an entry's first
/// appearance that prints the same words becomes the first (the personal ledger learns pages in
/// reading order, not date order). Returns how many quotations were recorded.
pub fn learn(ledger: &mut Ledger, text: &str, page: &PageMeta, found: &[crate::Finding]) -> usize {
    let here = Appearance {
        doc: page.id.clone(),
        outlet: page.outlet.clone(),
        published: page.published.clone(),
        url: page.url.clone(),
        title: page.title.clone(),
        ..Default::default()
    };
    let mut recorded = 0;
    for f in found {
        if !matches!(f.kind, Kind::Direct | Kind::Partial) {
            continue;
        }
        let speaker = f.speaker.as_ref().map(|s| EntrySpeaker {
            name: s.name.clone(),
            aliases: Vec::new(),
            role: s.role.clone(),
            org: s.org.clone(),
        });
        recorded += usize::from(record(ledger, f.span.of(text), speaker, &here));
    }
    recorded
}

/// Records one appearance of `words` (said by `speaker`, printed at `here`) in `ledger`. Returns
/// whether the words were worth recording.
pub(crate) fn record(
    ledger: &mut Ledger,
    words: &str,
    speaker: Option<EntrySpeaker>,
    here: &Appearance,
) -> bool {
    let name = speaker.as_ref().map(|s| s.name.as_str());
    let folded = crate::ledger::index::folded(words);
    let n_words = folded.len();
    // Titles are quoted, not said; short words need a speaker to mean anything.
    if n_words == 0
        || (n_words <= crate::verdict::SHORT_QUOTE_WORDS && name.is_none())
        || crate::verdict::is_title(words)
    {
        return false;
    }
    let same_page = |a: &Appearance| {
        (a.doc.is_some() && a.doc == here.doc) || (a.url.is_some() && a.url == here.url)
    };
    match trace(ledger, words, &folded, name, &PageMeta::default()) {
        Some(t) => {
            let e = &mut ledger.entries_mut()[t.entry];
            if same_page(&e.first) || e.appearances.iter().any(same_page) {
                return true;
            }
            let mut a = here.clone();
            a.text = Some(words.to_string());
            a.verdict = Some(t.verdict.as_str().to_string());
            if let (Some(es), Some(name)) = (&mut e.speaker, name) {
                if same_speaker(name, es) {
                    if name != es.name && !es.aliases.iter().any(|x| x == name) {
                        es.aliases.push(name.to_string());
                    }
                } else {
                    a.speaker = Some(name.to_string());
                }
            }
            if t.verdict == Verdict::Verbatim && here.published.is_some() && earlier(here, &e.first)
            {
                // The same words, printed earlier: this page is the first appearance.
                let mut old = std::mem::replace(&mut e.first, here.clone());
                old.text = Some(e.text.clone());
                old.verdict = Some(Verdict::Verbatim.as_str().to_string());
                e.appearances.push(old);
            } else {
                e.appearances.push(a);
            }
            e.appearances.sort_by(date_order);
        }
        None => {
            let key = format!(
                "{}\u{1f}{}",
                words,
                here.doc.as_deref().or(here.url.as_deref()).unwrap_or("")
            );
            ledger.push(Entry {
                id: entry_id(&key, name),
                text: words.to_string(),
                speaker,
                first: here.clone(),
                appearances: Vec::new(),
            });
        }
    }
    true
}
