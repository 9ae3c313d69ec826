//! An entry's text as its term ids plus a skeleton: how each word is cased and what separates
//! the words. The compiled form stores the skeleton instead of the text, since the term ids are
//! in the word index already.
//!
//! Size: one byte per word in the usual case (the folded word, capitalised or in capitals,
//! followed by one space or nothing), against about six for the word itself. A word whose
//! spelling is not its folded form in one of those three casings ("don’t" folded to "don't") is
//! stored as it is printed; a text the skeleton cannot rebuild exactly is stored whole.

use std::borrow::Cow;

use crate::span::Span;
use crate::text::{fold, words};

/// How a word is printed, relative to its folded form (the term).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// As the term.
    Folded = 0,
    /// The term with its first letter in capitals.
    Capitalised = 1,
    /// The term in capitals.
    Capitals = 2,
    /// Printed otherwise: the printed word is stored.
    Literal = 3,
}

/// What follows a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap<'t> {
    /// One space.
    Space,
    /// Nothing (the text's last word, or a word followed at once by the next).
    Nothing,
    /// Other characters.
    Text(&'t str),
}

/// One word of a skeleton: its casing, the printed word when [`Case::Literal`], and what follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'t> {
    /// How the word is cased.
    pub case: Case,
    /// The printed word, for [`Case::Literal`].
    pub literal: Option<&'t str>,
    /// What follows it.
    pub gap: Gap<'t>,
}

/// The text's skeleton: what precedes the first word, then each word. `None` when the text's
/// words are not `terms` (the skeleton could not rebuild it).
pub fn split<'t>(text: &'t str, terms: &[&str]) -> Option<(&'t str, Vec<Word<'t>>)> {
    let spans: Vec<Span> = words(text, Span::new(0, text.len()))
        .iter()
        .map(|w| w.span)
        .collect();
    if spans.len() != terms.len() {
        return None;
    }
    let lead = &text[..spans.first().map_or(text.len(), |s| s.start)];
    let mut out = Vec::with_capacity(spans.len());
    for (i, (s, term)) in spans.iter().zip(terms).enumerate() {
        let printed = s.of(text);
        if fold(printed) != *term {
            return None;
        }
        let case = [Case::Folded, Case::Capitalised, Case::Capitals]
            .into_iter()
            .find(|&c| cased(term, c) == printed)
            .unwrap_or(Case::Literal);
        let next = spans.get(i + 1).map_or(text.len(), |n| n.start);
        let gap = match &text[s.end..next] {
            " " => Gap::Space,
            "" => Gap::Nothing,
            g => Gap::Text(g),
        };
        out.push(Word {
            case,
            literal: (case == Case::Literal).then_some(printed),
            gap,
        });
    }
    Some((lead, out))
}

/// `term` printed in casing `case` (a [`Case::Literal`] word is the term itself here).
pub fn cased(term: &str, case: Case) -> Cow<'_, str> {
    match case {
        Case::Folded | Case::Literal => Cow::Borrowed(term),
        Case::Capitalised => {
            let mut cs = term.chars();
            match cs.next() {
                Some(f) if !f.is_uppercase() => {
                    Cow::Owned(f.to_uppercase().chain(cs).collect::<String>())
                }
                _ => Cow::Borrowed(term),
            }
        }
        Case::Capitals => Cow::Owned(term.to_uppercase()),
    }
}

/// Appends one skeleton word to `out`: the term in its casing (or the literal) and its gap.
pub fn push_word(out: &mut String, term: &str, w: &Word) {
    match w.literal {
        Some(l) => out.push_str(l),
        None => out.push_str(&cased(term, w.case)),
    }
    match w.gap {
        Gap::Space => out.push(' '),
        Gap::Nothing => {}
        Gap::Text(g) => out.push_str(g),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(text: &str) -> Option<String> {
        let folded = crate::ledger::index::folded(text);
        let terms: Vec<&str> = folded.iter().map(String::as_str).collect();
        let (lead, ws) = split(text, &terms)?;
        let mut out = lead.to_string();
        for (w, t) in ws.iter().zip(&terms) {
            push_word(&mut out, t, w);
        }
        Some(out)
    }

    #[test]
    fn skeleton010_rebuilds_the_text() {
        for t in [
            "We are ready.",
            "“ISIS-K has been obsessed with Russia for two years,”",
            "I don’t KNOW, said McCain — 42 times...",
            "",
            "...",
            "Ünïcode straße ÉCOLE",
        ] {
            assert_eq!(rebuild(t).as_deref(), Some(t), "{t}");
        }
        let (_, ws) = split("We are ready", &["we", "are", "ready"]).unwrap();
        assert_eq!(ws[0].case, Case::Capitalised);
        assert_eq!(ws[2].gap, Gap::Nothing);
        assert!(split("We are", &["we"]).is_none());
    }
}
