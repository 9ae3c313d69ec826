//! The cast of a document: the people it names in full, so that a later "Cotton said" or
//! "Mr. Byman" resolves to "Tom Cotton" or "Daniel Byman".

use rustc_hash::FxHashMap;

use crate::lexicon::{self, is};
use crate::span::Span;
use crate::text::{fold, is_capitalized, is_initial, with_fold, Word};

/// One full-name mention: a run of two to five name words, without titles.
#[derive(Debug, Clone)]
struct Member {
    at: usize,
    /// The name's words as written, titles left out (bytes).
    span: Span,
    name: String,
    /// Folded name words, initials dropped: ["colin", "clarke"].
    parts: Vec<String>,
}

/// The people a document names in full, in text order. Built once per document in one pass over
/// its words; a lookup is a hash lookup and a binary search, however many names a page holds.
#[derive(Debug, Clone, Default)]
pub struct Cast {
    members: Vec<Member>,
    /// For each folded last name word, the members it ends, in text order.
    by_last: FxHashMap<String, Vec<usize>>,
    /// For each folded name word, the members that contain it, in text order.
    by_part: FxHashMap<String, Vec<usize>>,
}

/// Whether `w` is an acronym ("ISIS", "CNN", "US"): part of no person's name.
fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
}

fn is_part(w: &str) -> bool {
    // Most words start with a lowercase letter or a digit: neither capitalized nor an initial.
    if w.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return w.starts_with("al-");
    }
    (is_capitalized(w) && !is_acronym(w) && !with_fold(w, |f| is(lexicon::FUNCTION_WORDS, f)))
        || is_initial(w)
        || w.starts_with("al-")
}

impl Cast {
    /// Collects every person-like full name in `text`, whose words (all of them, in order) are
    /// `ws`.
    pub fn new(text: &str, ws: &[Word]) -> Cast {
        let mut members = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            if !is_part(ws[i].span.of(text)) {
                i += 1;
                continue;
            }
            let mut j = i;
            // A run continues over adjacent words only (a comma or period between ends it).
            while j + 1 < ws.len()
                && text[ws[j].span.end..ws[j + 1].span.start]
                    .chars()
                    .all(|c| c == ' ' || c == '\u{a0}')
                && is_part(ws[j + 1].span.of(text))
            {
                j += 1;
            }
            // Titles lead, and are not part of the name.
            let lead = ws[i..j]
                .iter()
                .take_while(|w| with_fold(w.span.of(text), |f| is(lexicon::TITLES, f)))
                .count();
            if j + 1 - i - lead > 5 {
                i = j + 1; // too long for a name: a headline or a list
                continue;
            }
            let run: Vec<&str> = ws[i + lead..=j].iter().map(|w| w.span.of(text)).collect();
            let institution = run.iter().any(|w| {
                with_fold(w, |f| {
                    is(lexicon::INSTITUTION_WORDS, f) || is(lexicon::ROLE_NOUNS, f)
                })
            });
            let all_caps = run.iter().all(|w| !w.chars().any(char::is_lowercase));
            if (2..=5).contains(&run.len())
                && !institution
                && !all_caps
                && !is_initial(run[run.len() - 1])
            {
                let parts = run
                    .iter()
                    .filter(|w| !is_initial(w))
                    .map(|w| fold(w).into_owned())
                    .collect();
                members.push(Member {
                    at: ws[i].span.start,
                    span: Span::new(ws[i + lead].span.start, ws[j].span.end),
                    name: run.join(" "),
                    parts,
                });
            }
            i = j + 1;
        }
        let mut by_last: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut by_part: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (k, m) in members.iter().enumerate() {
            if let Some(l) = m.parts.last() {
                by_last.entry(l.clone()).or_default().push(k);
            }
            for p in &m.parts {
                let v = by_part.entry(p.clone()).or_default();
                if v.last() != Some(&k) {
                    v.push(k);
                }
            }
        }
        Cast {
            members,
            by_last,
            by_part,
        }
    }

    /// The last full name that ends before byte `at`, with where it is written.
    pub fn latest_before(&self, at: usize) -> Option<(Span, &str)> {
        let k = self.members.partition_point(|m| m.span.end <= at);
        let m = &self.members[k.checked_sub(1)?];
        Some((m.span, m.name.as_str()))
    }

    /// The full name that a short mention (a surname, "Mr. Byman", a first name) at byte `at`
    /// refers to: the latest full name before it that ends with (or, failing that, contains) the
    /// mention's last word; failing that, the first after it. `None` when nobody fits.
    pub fn resolve(&self, mention: &str, at: usize) -> Option<&str> {
        let last = mention.split_whitespace().last().map(fold)?;
        if mention
            .split_whitespace()
            .filter(|w| !is(lexicon::TITLES, &fold(w)))
            .count()
            > 1
        {
            return None; // already a full name
        }
        // The latest member before `at` among `ids` (in text order), else the first after it.
        let by = |ids: Option<&Vec<usize>>| {
            let ids = ids?;
            let k = ids.partition_point(|&m| self.members[m].at < at);
            let pick = if k > 0 { ids[k - 1] } else { *ids.first()? };
            Some(&self.members[pick])
        };
        by(self.by_last.get(&*last))
            .or_else(|| by(self.by_part.get(&*last)))
            .map(|m| m.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn cast010_surnames_resolve_to_the_latest_full_name() {
        let t = "Tom Cotton spoke. Daniel Byman, an expert, agreed. Later Cotton said so and Byman said more.";
        let c = Cast::new(t, &words(t, Span::new(0, t.len())));
        assert_eq!(
            c.resolve("Cotton", t.find("Cotton said").unwrap()),
            Some("Tom Cotton")
        );
        assert_eq!(
            c.resolve("Byman", t.rfind("Byman").unwrap()),
            Some("Daniel Byman")
        );
        assert_eq!(
            c.resolve("Mr. Byman", t.rfind("Byman").unwrap()),
            Some("Daniel Byman")
        );
        assert_eq!(c.resolve("Smith", 0), None);
    }

    #[test]
    fn cast030_latest_full_name_before() {
        let t = "Jane Roe spoke. Then John Doe left. Later:";
        let c = Cast::new(t, &words(t, Span::new(0, t.len())));
        assert_eq!(c.latest_before(t.len()).map(|m| m.1), Some("John Doe"));
        assert_eq!(
            c.latest_before(t.find("Then").unwrap()).map(|m| m.1),
            Some("Jane Roe")
        );
        assert_eq!(c.latest_before(3), None);
    }

    #[test]
    fn cast020_titles_and_initials() {
        let t = "President Vladimir V. Putin spoke in Crocus City Hall. Putin said.";
        let c = Cast::new(t, &words(t, Span::new(0, t.len())));
        assert_eq!(
            c.resolve("Putin", t.rfind("Putin").unwrap()),
            Some("Vladimir V. Putin")
        );
        assert_eq!(c.resolve("Hall", t.len()), None);
    }
}
