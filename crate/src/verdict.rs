//! Verdicts: how the words on a page relate to the ledger entry they come from.
//!
//! The main entry point is [`trace`]: exact word match first, then a word alignment against the
//! few entries that share the most word pairs with the quote.

use crate::diff::{align, hunks, longest_run, widen};
use crate::ledger::{Appearance, Entry, EntrySpeaker, Ledger};
use crate::lexicon::{self, is};
use crate::page::PageMeta;
use crate::span::Span;
use crate::text::{fold, words};

/// Entries compared word by word per quote, after the pair index ranks them.
const CANDIDATES: usize = 8;
/// Share of the page quote's words that must align with an entry for the quote to be traced to
/// it at all. Trade-off: 0.6 keeps a re-worded quote ("fixated on … for the past two years",
/// 7 of 10 words) and rejects a different quote that shares a phrase.
const MIN_COVERAGE: f64 = 0.6;
/// Fewest aligned words for a trace: below this, shared words are coincidence or boilerplate.
const MIN_ALIGNED: usize = 3;
/// Quotes of at most this many words are traced only when the speaker agrees (DESIGN.md).
pub const SHORT_QUOTE_WORDS: usize = 2;
/// A cut of a known quote shorter than this is an excerpt only when the speaker agrees: four
/// words ("neither do I", "exactly who did it") are said by many people.
const MIN_EXCERPT_WORDS: usize = 5;
/// Fewest words for calling known words misattributed: shorter shared words ("thank you",
/// "we will see", "this is not who we are", "we're going to get away from") are said by many
/// people.
const MIN_MISATTRIBUTED_WORDS: usize = 7;
/// Fewest content words (not function words) for calling words misattributed.
const MIN_MISATTRIBUTED_CONTENT: usize = 3;
/// Fewest page words for an `altered` verdict, and the longest run of unchanged words it needs:
/// a short quote that shares scattered words with an entry is another quote, not a changed one.
/// Trade-off: at 5, six-word phrases a speaker repeats in his own variants ("totally against the
/// war in Iraq", "how the system is rigged") were called altered copies of each other (4 of 715
/// quotes in no ledger in the verdict benchmark); at 7 none is, and no generated alteration of
/// an entry of 8 or more words is missed for it.
const MIN_ALTERED_WORDS: usize = 7;
const MIN_ALTERED_RUN: usize = 3;
/// How far the aligned words may spread in the entry, relative to the page quote's length: the
/// words of a real variant stay together; "I love you" aligned over a 40-word entry does not.
const MAX_SPREAD: f64 = 1.5;
/// Words that this many different speakers are known to have said ("thank you", "we'll see")
/// are boilerplate: no evidence of where anyone's words came from.
const BOILERPLATE_SPEAKERS: usize = 3;
/// Fewest content words in a run of known words reused without quotation marks.
const MIN_UNQUOTED_CONTENT: usize = 3;
/// Fewest consecutive known words in an unquoted sentence for it to count as reuse.
pub const UNQUOTED_MIN_RUN: usize = 6;

/// How a quote on a page relates to what the ledger knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// This page is the first known appearance.
    Original,
    /// The same words appeared earlier elsewhere.
    Verbatim,
    /// A faithful part of a longer known quote.
    Excerpt,
    /// Inside quotation marks, but the words differ from the first appearance.
    Altered,
    /// Known words, given to a different speaker.
    Misattributed,
    /// Known words reused without quotation marks.
    Unquoted,
}

impl Verdict {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Original => "original",
            Verdict::Verbatim => "verbatim",
            Verdict::Excerpt => "excerpt",
            Verdict::Altered => "altered",
            Verdict::Misattributed => "misattributed",
            Verdict::Unquoted => "unquoted",
        }
    }

    /// Every verdict, in the contract's order.
    pub const ALL: [Verdict; 6] = [
        Verdict::Original,
        Verdict::Verbatim,
        Verdict::Excerpt,
        Verdict::Altered,
        Verdict::Misattributed,
        Verdict::Unquoted,
    ];
}

/// Words the page changed: `from` as the first appearance printed them, `to` as this page does.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Change {
    /// The first appearance's words.
    pub from: String,
    /// This page's words.
    pub to: String,
}

/// A quote traced to a ledger entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// The verdict.
    pub verdict: Verdict,
    /// The entry's index in its ledger.
    pub entry: usize,
    /// The entry's id.
    pub id: String,
    /// The first appearance.
    pub first: Appearance,
    /// The later appearances the ledger knows, in date order.
    pub appearances: Vec<Appearance>,
    /// For `altered` (and `misattributed` with changed words): what changed.
    pub changes: Vec<Change>,
    /// The entry's speaker, for `misattributed`.
    pub speaker: Option<String>,
    /// The entry speaker's role and organisation, when known.
    pub speaker_role: Option<String>,
    /// See `speaker_role`.
    pub speaker_org: Option<String>,
}

/// Whether a speaker name as written on a page names the entry's speaker: the same last word
/// and compatible first names ("Clarke", "Colin Clarke", "Colin P. Clarke", "Sen. Tom Cotton"),
/// or either name containing the other ("US embassy" in "US embassy in Russia").
pub fn same_speaker(name: &str, s: &EntrySpeaker) -> bool {
    std::iter::once(&s.name)
        .chain(&s.aliases)
        .any(|n| names_agree(name, n))
}

fn name_parts(n: &str) -> Vec<String> {
    n.split_whitespace()
        .map(|w| fold(w).into_owned())
        .filter(|w| {
            !is(lexicon::TITLES, w)
                && !crate::text::is_initial(w)
                && !w.is_empty()
                && !is(lexicon::DETERMINERS, w)
        })
        .collect()
}

/// Whether two names as written can name the same speaker (see [`same_speaker`]).
pub fn names_agree(a: &str, b: &str) -> bool {
    let (pa, pb) = (name_parts(a), name_parts(b));
    if pa.is_empty() || pb.is_empty() {
        return false;
    }
    if pa == pb {
        return true;
    }
    let (fa, fb) = (pa.join(" "), pb.join(" "));
    if fa.contains(&fb) || fb.contains(&fa) {
        return true;
    }
    pa.last() == pb.last() && (pa.len() == 1 || pb.len() == 1 || pa[0] == pb[0])
}

/// Whether `page` is where `first` appeared: the same corpus id or url, the same outlet on the
/// same day, or a page published before the ledger's first appearance.
pub fn is_first(page: &PageMeta, first: &Appearance) -> bool {
    let eq = |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(x), Some(y)) if !x.is_empty() && x == y);
    if eq(&page.id, &first.doc) || eq(&page.url, &first.url) {
        return true;
    }
    let day = |d: &Option<String>| d.as_deref().map(|d| d.get(..10).unwrap_or(d).to_string());
    let (pd, fd) = (day(&page.published), day(&first.published));
    if eq(&page.outlet, &first.outlet) && pd.is_some() && pd == fd {
        return true;
    }
    matches!((pd, fd), (Some(p), Some(f)) if p.len() == 10 && f.len() == 10 && p < f)
}

/// The words of `text` as written, `i..j` (word indices), joined as the text has them.
fn phrase(text: &str, spans: &[Span], i: usize, j: usize) -> String {
    if i >= j {
        return String::new();
    }
    text[spans[i].start..spans[j - 1].end].to_string()
}

fn is_content(w: &str) -> bool {
    !is(lexicon::STOPWORDS, w)
}

/// Whether quoted words read as a title or a name ("Peace Through Strength", "Fox News
/// Sunday"): every word capitalized but function words. Titles are quoted, not said, and the same
/// title in two articles says nothing about where words first appeared.
pub fn is_title(text: &str) -> bool {
    let ws: Vec<&str> = words(text, Span::new(0, text.len()))
        .iter()
        .map(|w| w.span.of(text))
        .collect();
    ws.len() >= 2
        && ws.iter().all(|w| {
            crate::text::is_capitalized(w)
                || w.chars().next().is_some_and(|c| c.is_ascii_digit())
                || is(lexicon::STOPWORDS, &fold(w))
        })
        && ws.iter().filter(|w| crate::text::is_capitalized(w)).count() >= 2
}

/// Whether entries with the same words (`exact`) come from so many speakers that the words are
/// boilerplate.
fn is_boilerplate(ledger: &Ledger, exact: &[u32]) -> bool {
    if exact.len() < BOILERPLATE_SPEAKERS {
        return false;
    }
    let mut names: Vec<String> = exact
        .iter()
        .filter_map(|&e| {
            ledger
                .entry(e as usize)
                .speaker
                .as_ref()
                .map(|s| s.name.clone())
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names.len() >= BOILERPLATE_SPEAKERS
}

/// Pronouns name no one a verdict can compare: "he" is never misattributed.
fn is_pronoun(name: &str) -> bool {
    is(lexicon::PRONOUNS, &fold(name))
}

/// Where `needle` occurs as a contiguous run in `hay`, if it does.
fn find_run(hay: &[u32], needle: &[u32]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    // The first word first: comparing whole windows called `memcmp` at every position of every
    // candidate entry (5% of a scan against a million entries).
    let first = needle[0];
    hay.windows(needle.len())
        .position(|w| w[0] == first && w == needle)
}

/// Whether an alignment of quote words `ws` with entry words `ew` can pass the coverage tests of
/// [`trace`] (enough words, [`MIN_COVERAGE`] of them and of the content words): counted over the
/// quote words that occur anywhere in the entry, which every alignment's pairs are among.
///
/// Stops at the first quote word past which even every word after it held could no longer pass
/// the first two tests (the same answer: they only grow with the words held): at a million
/// entries most candidates are chance matches, and each word tested is a scan of the entry.
fn may_cover(ew: &[u32], ws: &[u32], content: &[bool], n_content: usize) -> bool {
    let enough =
        |m: usize| m >= MIN_ALIGNED.min(ws.len()) && m as f64 / ws.len() as f64 >= MIN_COVERAGE;
    // The fewest words held that pass (all of them always do), so the most that may be missing.
    let need = (0..=ws.len()).find(|&m| enough(m)).unwrap_or(ws.len());
    let may_miss = ws.len() - need;
    let (mut m, mut m_content, mut missed) = (0, 0, 0);
    for (j, w) in ws.iter().enumerate() {
        if ew.contains(w) {
            m += 1;
            m_content += usize::from(content[j]);
        } else {
            missed += 1;
            if missed > may_miss {
                return false;
            }
        }
    }
    enough(m) && (n_content == 0 || m_content as f64 >= MIN_COVERAGE * n_content as f64)
}

/// The longest run of consecutive aligned pairs (adjacent on both sides).
fn longest_aligned_run(pairs: &[(usize, usize)]) -> usize {
    let (mut best, mut cur) = (0, 0);
    for (i, p) in pairs.iter().enumerate() {
        cur = if i > 0 && p.0 == pairs[i - 1].0 + 1 && p.1 == pairs[i - 1].1 + 1 {
            cur + 1
        } else {
            1
        };
        best = best.max(cur);
    }
    best
}

fn is_number(w: &str) -> bool {
    is(lexicon::NUMBERS, w)
        || w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Traces a quote (its words `text`, folded as `folded_words` — [`folded`] of `text`, which the
/// caller has from its document — and its speaker's name as the page gives it) to `ledger`.
/// `None` when no entry holds these words closely enough.
pub fn trace<S: AsRef<str>>(
    ledger: &Ledger,
    text: &str,
    folded_words: &[S],
    speaker: Option<&str>,
    page: &PageMeta,
) -> Option<Trace> {
    if folded_words.is_empty() {
        return None;
    }
    if is_title(text) {
        return None;
    }
    let ix = ledger.index();
    let ws = ix.lookup(folded_words);
    if ws.len() <= SHORT_QUOTE_WORDS {
        let name = speaker?;
        let exact = ix.exact(&ws);
        if is_boilerplate(ledger, &exact) {
            return None;
        }
        let (e, entry) = exact.into_iter().find_map(|e| {
            let entry = ledger.entry(e as usize);
            let same = entry
                .speaker
                .as_ref()
                .is_some_and(|s| same_speaker(name, s));
            same.then_some((e, entry))
        })?;
        let verdict = if is_first(page, &entry.first) {
            Verdict::Original
        } else {
            Verdict::Verbatim
        };
        return Some(make(&entry, e as usize, verdict, Vec::new()));
    }
    let min_shared = if ws.len() <= 4 { 1 } else { 2 };
    // (score, entry, aligned word pairs) of the best candidate so far.
    let mut best: Option<(f64, u32, Vec<crate::diff::Pair>)> = None;
    let content: Vec<bool> = folded_words
        .iter()
        .map(|w| is_content(w.as_ref()))
        .collect();
    let n_content = content.iter().filter(|&&c| c).count();
    // An entry with exactly these words explains them fully: no other candidate can do better.
    let exact = ix.exact(&ws);
    if is_boilerplate(ledger, &exact) {
        return None;
    }
    let candidates = if exact.is_empty() {
        ix.quote_candidates(&ws, CANDIDATES, min_shared)
    } else {
        vec![(exact[0], u32::MAX)]
    };
    // Candidates sharing less than half the best one's word pairs cannot reach its coverage.
    let top_shared = candidates.first().map_or(0, |c| c.1);
    for (e, shared) in candidates {
        if shared < top_shared / 2 {
            break;
        }
        let ew = ix.words(e as usize);
        let ew: &[u32] = &ew;
        // A contiguous run of the entry is aligned as such: LCS may otherwise pair a repeated
        // word ("I could … I could") with its first occurrence and invent a change.
        let pairs = match find_run(ew, &ws) {
            Some(at) => (0..ws.len()).map(|j| (at + j, j)).collect(),
            // The quote's words that occur in the entry at all bound what any alignment can
            // pair: an entry that cannot reach the coverage below is not aligned (the word
            // alignment of the few entries the pair index ranks first was most of the tracing
            // time against large ledgers, where they are mostly chance matches).
            None if !may_cover(ew, &ws, &content, n_content) => continue,
            None => align(ew, &ws),
        };
        let m = pairs.len();
        let coverage = m as f64 / ws.len() as f64;
        if m < MIN_ALIGNED.min(ws.len()) || coverage < MIN_COVERAGE {
            continue;
        }
        let aligned_content = pairs.iter().filter(|p| content[p.1]).count();
        if n_content > 0 && (aligned_content as f64) < MIN_COVERAGE * n_content as f64 {
            continue;
        }
        let spread = pairs[m - 1].0 - pairs[0].0 + 1;
        if spread as f64 > MAX_SPREAD * ws.len() as f64 + 2.0 {
            continue;
        }
        // Prefer the entry that explains the most of the quote, then the one the quote covers best.
        let score = coverage + 0.01 * (m as f64 / ew.len() as f64);
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, e, pairs));
        }
    }
    let (_, e, pairs) = best?;
    let entry = ledger.entry(e as usize);
    let ew = ix.words(e as usize);
    let ew: &[u32] = &ew;
    let spans_b: Vec<Span> = words(text, Span::new(0, text.len()))
        .iter()
        .map(|w| w.span)
        .collect();
    let spans_a: Vec<Span> = words(&entry.text, Span::new(0, entry.text.len()))
        .iter()
        .map(|w| w.span)
        .collect();
    let interior = hunks(&pairs);
    let (first_pair, last_pair) = (pairs[0], pairs[pairs.len() - 1]);
    let extra_before = first_pair.1 > 0;
    let extra_after = last_pair.1 + 1 < ws.len();
    let whole_entry = pairs.len() == ew.len();
    let ellipsis = text.contains('…') || text.contains("...");
    let only_cuts = interior.iter().all(|h| h.b.0 == h.b.1);
    let mut changes = Vec::new();
    let mut verdict = if interior.is_empty() && !extra_before && !extra_after {
        if whole_entry {
            Verdict::Verbatim
        } else {
            Verdict::Excerpt
        }
    } else if interior.is_empty() && whole_entry {
        Verdict::Verbatim // the page quotes more than the ledger knows; the known part is intact
    } else if only_cuts && ellipsis && !extra_before && !extra_after {
        Verdict::Excerpt
    } else {
        Verdict::Altered
    };
    if verdict == Verdict::Altered {
        let mut all = interior.clone();
        if extra_before && !whole_entry {
            all.insert(
                0,
                crate::diff::Hunk {
                    a: (first_pair.0, first_pair.0),
                    b: (0, first_pair.1),
                },
            );
        }
        if extra_after && !whole_entry {
            all.push(crate::diff::Hunk {
                a: (last_pair.0 + 1, last_pair.0 + 1),
                b: (last_pair.1 + 1, ws.len()),
            });
        }
        for h in all {
            let word = |a: bool, i: usize| {
                if a {
                    ix.term(ew[i])
                } else {
                    folded_words[i].as_ref()
                }
            };
            let h = widen(
                h,
                ew.len(),
                ws.len(),
                |a, i| is_content(word(a, i)),
                |a, i| is_number(word(a, i)),
            );
            changes.push(Change {
                from: phrase(&entry.text, &spans_a, h.a.0, h.a.1),
                to: phrase(text, &spans_b, h.b.0, h.b.1),
            });
        }
    }
    let agrees = match (speaker, &entry.speaker) {
        (Some(name), Some(s)) if !is_pronoun(name) => Some(same_speaker(name, s)),
        _ => None,
    };
    match verdict {
        Verdict::Excerpt if ws.len() < MIN_EXCERPT_WORDS && agrees != Some(true) => return None,
        Verdict::Altered
            if ws.len() < MIN_ALTERED_WORDS || longest_aligned_run(&pairs) < MIN_ALTERED_RUN =>
        {
            return None
        }
        _ => {}
    }
    // An entry nobody is known to have said (a scare quote, a title) is evidence only of itself:
    // it is traced where the words are kept, never as a changed or misattributed quote.
    if entry.speaker.is_none() && !matches!(verdict, Verdict::Verbatim | Verdict::Excerpt) {
        return None;
    }
    let faithful = matches!(verdict, Verdict::Verbatim | Verdict::Excerpt) || changes.len() <= 1;
    if agrees == Some(false) {
        if faithful && ws.len() >= MIN_MISATTRIBUTED_WORDS && n_content >= MIN_MISATTRIBUTED_CONTENT
        {
            verdict = Verdict::Misattributed;
        } else {
            // Other or fewer words from another speaker: another quote, or words many people say.
            return None;
        }
    }
    if verdict == Verdict::Verbatim && is_first(page, &entry.first) {
        verdict = Verdict::Original;
    }
    Some(make(&entry, e as usize, verdict, changes))
}

fn make(entry: &Entry, e: usize, verdict: Verdict, changes: Vec<Change>) -> Trace {
    Trace {
        verdict,
        entry: e,
        id: entry.id.clone(),
        first: entry.first.clone(),
        appearances: entry.appearances.clone(),
        changes,
        speaker: entry.speaker.as_ref().map(|s| s.name.clone()),
        speaker_role: entry.speaker.as_ref().and_then(|s| s.role.clone()),
        speaker_org: entry.speaker.as_ref().and_then(|s| s.org.clone()),
    }
}

/// [`trace_unquoted_ids`] of the sentence whose words are `words` (spans of `text`, a page): the
/// same answer, but the words are folded and looked up only when the ledger's run filter says
/// they may hold a run of [`UNQUOTED_MIN_RUN`] known words
/// ([`crate::ledger::index::Index::may_share_run_in`]), which 97–99% of sentences do not.
pub fn trace_unquoted_in(
    ledger: &Ledger,
    text: &str,
    words: &[crate::text::Word],
) -> Option<Trace> {
    if ledger.is_empty() || !ledger.index().may_share_run_in(text, words) {
        return None;
    }
    trace_unquoted_ids(ledger, ledger.index().lookup_in(text, words))
}

/// [`trace_unquoted_ids`] of a sentence's folded words (tests).
#[cfg(test)]
pub fn trace_unquoted<S: AsRef<str>>(ledger: &Ledger, folded_words: &[S]) -> Option<Trace> {
    trace_unquoted_ids(ledger, ledger.index().lookup(folded_words))
}

/// Known words reused without quotation marks: the entry sharing the longest run of consecutive
/// words with a sentence outside any quote (`ws`, its term ids,
/// [`crate::ledger::index::UNKNOWN`] for a word no entry has), if that run is at least
/// [`UNQUOTED_MIN_RUN`] words and not all function words.
fn trace_unquoted_ids(ledger: &Ledger, ws: Vec<u32>) -> Option<Trace> {
    let ix = ledger.index();
    if ws.len() < UNQUOTED_MIN_RUN {
        return None;
    }
    // The entry traced must hold a run of UNQUOTED_MIN_RUN of these words: a test on the posting
    // lists that most sentences fail before any counting.
    if !ix.has_run(&ws, UNQUOTED_MIN_RUN) {
        return None;
    }
    let mut best: Option<(usize, u32)> = None;
    for (e, _) in ix.candidates(&ws, CANDIDATES, (UNQUOTED_MIN_RUN - 1) as u32) {
        let ew = ix.words(e as usize);
        let ew: &[u32] = &ew;
        let (i, _, len) = longest_run(ew, &ws);
        let content = ew[i..i + len]
            .iter()
            .filter(|&&w| is_content(ix.term(w)))
            .count();
        if len >= UNQUOTED_MIN_RUN
            && content >= MIN_UNQUOTED_CONTENT
            && best.is_none_or(|b| len > b.0)
        {
            best = Some((len, e));
        }
    }
    let (_, e) = best?;
    Some(make(
        &ledger.entry(e as usize),
        e as usize,
        Verdict::Unquoted,
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::index::folded;

    /// [`super::trace`] of a quote's text alone.
    fn trace(l: &Ledger, text: &str, speaker: Option<&str>, page: &PageMeta) -> Option<Trace> {
        super::trace(l, text, &folded(text), speaker, page)
    }

    /// [`super::trace_unquoted`] of a sentence's text alone.
    fn trace_unquoted(l: &Ledger, text: &str) -> Option<Trace> {
        super::trace_unquoted(l, &folded(text))
    }
    use crate::ledger::{Appearance, Entry, EntrySpeaker};

    fn entry(id: &str, text: &str, speaker: &str, outlet: &str) -> Entry {
        Entry {
            id: id.into(),
            text: text.into(),
            speaker: Some(EntrySpeaker {
                name: speaker.into(),
                ..Default::default()
            }),
            first: Appearance {
                outlet: Some(outlet.into()),
                published: Some("2024-03-22".into()),
                doc: Some(id.into()),
                ..Default::default()
            },
            appearances: vec![],
        }
    }

    fn ledger() -> Ledger {
        Ledger::new(vec![
            entry(
                "clarke",
                "ISIS-K has been obsessed with Russia for two years,",
                "Colin P. Clarke",
                "The New York Times",
            ),
            entry(
                "cotton",
                "It is deeply regrettable that innocent civilians were killed in Moscow",
                "Sen. Tom Cotton",
                "Fox",
            ),
            entry("ty1", "Thank you", "Jane Roe", "A"),
            entry("ty2", "Thank you", "John Doe", "B"),
            entry("ty3", "Thank you", "Max Mustermann", "C"),
            entry("provocative", "provocative", "Vladimir Putin", "CNN"),
        ])
    }

    /// (verdict, changes) for `text` said by `speaker` on an unknown page.
    fn v(text: &str, speaker: Option<&str>) -> Option<(&'static str, Vec<(String, String)>)> {
        trace(&ledger(), text, speaker, &PageMeta::default()).map(|t| {
            (
                t.verdict.as_str(),
                t.changes.into_iter().map(|c| (c.from, c.to)).collect(),
            )
        })
    }

    fn verdict(text: &str, speaker: Option<&str>) -> Option<&'static str> {
        v(text, speaker).map(|x| x.0)
    }

    #[test]
    fn verdict010_kept_cut_changed() {
        assert_eq!(
            verdict(
                "ISIS-K has been obsessed with Russia for two years.",
                Some("Clarke")
            ),
            Some("verbatim")
        );
        assert_eq!(
            verdict("obsessed with Russia for two years", Some("Colin Clarke")),
            Some("excerpt")
        );
        assert_eq!(
            v(
                "ISIS-K has been fixated on Russia for the past two years",
                Some("Colin P. Clarke")
            ),
            Some((
                "altered",
                vec![
                    ("obsessed with".into(), "fixated on".into()),
                    ("for two years".into(), "for the past two years".into())
                ]
            ))
        );
    }

    #[test]
    fn verdict020_aliases_titles_and_misattribution() {
        assert_eq!(
            verdict(
                "It is deeply regrettable that innocent civilians were killed in Moscow",
                Some("Tom Cotton")
            ),
            Some("verbatim")
        );
        assert_eq!(
            verdict(
                "It is deeply regrettable that innocent civilians were killed in Moscow",
                Some("Cotton")
            ),
            Some("verbatim")
        );
        assert_eq!(
            verdict(
                "It is deeply regrettable that innocent civilians were killed in Moscow",
                Some("Daniel Byman")
            ),
            Some("misattributed")
        );
        // A pronoun names nobody to compare with.
        assert_eq!(
            verdict(
                "It is deeply regrettable that innocent civilians were killed in Moscow",
                Some("he")
            ),
            Some("verbatim")
        );
    }

    #[test]
    fn verdict030_short_words_need_the_speaker_and_boilerplate_is_no_evidence() {
        assert_eq!(verdict("provocative", Some("Putin")), Some("verbatim"));
        assert_eq!(verdict("provocative", Some("Kirby")), None);
        assert_eq!(verdict("provocative", None), None);
        assert_eq!(verdict("Thank you", Some("Jane Roe")), None);
        // Four shared words from another speaker are not a misattribution.
        assert_eq!(
            verdict("obsessed with Russia for", Some("Tom Cotton")),
            None
        );
    }

    #[test]
    fn verdict040_original_is_this_page() {
        let l = ledger();
        let page = PageMeta {
            outlet: Some("The New York Times".into()),
            published: Some("2024-03-22T09:00:00Z".into()),
            ..Default::default()
        };
        let t = trace(
            &l,
            "ISIS-K has been obsessed with Russia for two years,",
            Some("Clarke"),
            &page,
        )
        .unwrap();
        assert_eq!(t.verdict, Verdict::Original);
        let earlier = PageMeta {
            published: Some("2024-03-01".into()),
            ..Default::default()
        };
        assert_eq!(
            trace(
                &l,
                "ISIS-K has been obsessed with Russia for two years,",
                None,
                &earlier
            )
            .unwrap()
            .verdict,
            Verdict::Original
        );
    }

    #[test]
    fn verdict050_unquoted_reuse_and_unrelated_words() {
        let l = ledger();
        assert_eq!(
            trace_unquoted(
                &l,
                "The group has been obsessed with Russia for two years now."
            )
            .map(|t| t.verdict),
            Some(Verdict::Unquoted)
        );
        assert_eq!(
            trace_unquoted(&l, "The weather in Moscow was cold for two days."),
            None
        );
        assert_eq!(
            verdict("Russia has been cold for two weeks and more", None),
            None
        );
    }
}
