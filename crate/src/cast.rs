//! The cast of a document: the people it names in full, so that a later "Cotton said" or
//! "Mr. Byman" resolves to "Tom Cotton" or "Daniel Byman".

use crate::lexicon::{self, is};
use crate::span::Span;
use crate::text::{fold, is_capitalized, is_initial, words};

/// One full-name mention: a run of two to five name words, without titles.
#[derive(Debug, Clone)]
struct Member {
    at: usize,
    name: String,
    /// Folded name words, initials dropped: ["colin", "clarke"].
    parts: Vec<String>,
}

/// The people a document names in full, in text order. Built once per document in one pass over
/// its words; a lookup is a scan of the members (documents name tens of people, not thousands).
#[derive(Debug, Clone, Default)]
pub struct Cast {
    members: Vec<Member>,
}

fn is_part(w: &str) -> bool {
    (is_capitalized(w) && !is(lexicon::FUNCTION_WORDS, &fold(w)))
        || is_initial(w)
        || w.starts_with("al-")
}

impl Cast {
    /// Collects every person-like full name in `text`.
    pub fn new(text: &str) -> Cast {
        let ws = words(text, Span::new(0, text.len()));
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
                && is_part(ws[j + 1].span.of(text))
                && text[ws[j].span.end..ws[j + 1].span.start]
                    .chars()
                    .all(|c| c == ' ' || c == '\u{a0}')
            {
                j += 1;
            }
            let mut run: Vec<&str> = ws[i..=j].iter().map(|w| w.span.of(text)).collect();
            while run.len() > 1 && is(lexicon::TITLES, &fold(run[0])) {
                run.remove(0);
            }
            let institution = run.iter().any(|w| {
                is(lexicon::INSTITUTION_WORDS, &fold(w)) || is(lexicon::ROLE_NOUNS, &fold(w))
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
                    .map(|w| fold(w))
                    .collect();
                members.push(Member {
                    at: ws[i].span.start,
                    name: run.join(" "),
                    parts,
                });
            }
            i = j + 1;
        }
        Cast { members }
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
        let by = |pred: &dyn Fn(&Member) -> bool| {
            self.members
                .iter()
                .filter(|m| m.at < at && pred(m))
                .last()
                .or_else(|| self.members.iter().find(|m| m.at >= at && pred(m)))
        };
        by(&|m| m.parts.last() == Some(&last))
            .or_else(|| by(&|m| m.parts.contains(&last)))
            .map(|m| m.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cast010_surnames_resolve_to_the_latest_full_name() {
        let t = "Tom Cotton spoke. Daniel Byman, an expert, agreed. Later Cotton said so and Byman said more.";
        let c = Cast::new(t);
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
    fn cast020_titles_and_initials() {
        let t = "President Vladimir V. Putin spoke in Crocus City Hall. Putin said.";
        let c = Cast::new(t);
        assert_eq!(
            c.resolve("Putin", t.rfind("Putin").unwrap()),
            Some("Vladimir V. Putin")
        );
        assert_eq!(c.resolve("Hall", t.len()), None);
    }
}
