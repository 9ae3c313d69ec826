//! Reported speech without quotation marks: "X said (that) …", "…, X said.", "according to X, …".

use crate::cue::{find_cues, Cue, CueClass};
use crate::document::Document;
use crate::lexicon::{self, is};
use crate::span::Span;
use crate::speaker::{self, Mention};
use crate::text::{fold, is_capitalized, trim, words};

/// Fewest words of content for reported speech: "X said so" reports nothing.
const MIN_CONTENT_WORDS: usize = 3;

/// One reported-speech attribution before its speaker is resolved.
#[derive(Debug, Clone)]
pub struct Reported {
    /// The reported content (bytes).
    pub content: Span,
    /// The speaker as named.
    pub mention: Mention,
    /// The cue.
    pub cue: Cue,
}

/// Trims final punctuation (and closing marks) from `span`.
fn trim_end_punct(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–')
    });
    trim(text, Span::new(span.start, span.start + t.len()))
}

fn word_count(text: &str, span: Span) -> usize {
    words(text, span).len()
}

/// Finite verbs and auxiliaries: evidence that reported content is a clause ("the talks had
/// failed"), not a noun phrase object ("claimed responsibility for the attack").
const FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "am",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "didn't",
    "doesn't",
    "don't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "hadn't",
    "shouldn't",
    "it's",
    "he's",
    "she's",
    "that's",
    "there's",
    "went",
    "came",
    "made",
    "took",
    "gave",
    "got",
    "saw",
    "knew",
    "thought",
    "found",
    "left",
    "became",
    "began",
    "kept",
    "held",
    "brought",
    "felt",
    "ran",
    "won",
    "lost",
    "paid",
    "met",
    "sent",
    "built",
    "spent",
    "stood",
    "led",
    "fell",
    "rose",
    "meant",
    "shot",
    "struck",
    "sought",
    "fought",
    "caught",
    "bought",
    "wrote",
    "spoke",
    "broke",
    "chose",
    "drove",
    "grew",
    "threw",
    "remains",
    "needs",
    "wants",
    "plans",
    "intends",
    "seems",
    "appears",
    "believes",
    "knows",
    "thinks",
    "says",
    "said",
    "told",
];

/// Whether the content reads as a clause: it has a finite verb, and does not open with a
/// preposition or an auxiliary (a headline's "US had warned Russia ISIS was determined …").
fn is_clause(text: &str, c: Span) -> bool {
    let ws: Vec<String> = words(text, c)
        .iter()
        .map(|w| fold(w.span.of(text)))
        .collect();
    let Some(first) = ws.first() else {
        return false;
    };
    if is(lexicon::NP_PREPOSITIONS, first)
        || matches!(
            first.as_str(),
            "was" | "were" | "is" | "are" | "by" | "to" | "into" | "about"
        )
    {
        return false;
    }
    ws.iter()
        .any(|w| is(FINITE, w) || (w.ends_with("ed") && w.len() > 4))
}

/// Where the content starts after a cue: past a listener ("told reporters", "told CNN"), time
/// words ("on Monday") and the complementizer "that".
fn content_start(text: &str, cue: &Cue, end: usize) -> usize {
    let ws = words(text, Span::new(cue.span.end, end));
    let mut i = 0;
    if cue.takes_listener {
        // The listener: a pronoun, or a short noun phrase of names and role nouns.
        let mut j = 0;
        while j < ws.len().min(5) {
            let w = ws[j].span.of(text);
            let f = fold(w);
            if matches!(
                f.as_str(),
                "him" | "her" | "them" | "me" | "us" | "reporters" | "the" | "a" | "an"
            ) || is_capitalized(w)
                || is(lexicon::ROLE_NOUNS, &f)
            {
                j += 1;
            } else {
                break;
            }
        }
        i = j;
    }
    while i < ws.len() {
        let f = fold(ws[i].span.of(text));
        if is(lexicon::BETWEEN_WORDS, &f) && i < 3 {
            i += 1;
        } else {
            break;
        }
    }
    if ws.get(i).is_some_and(|w| fold(w.span.of(text)) == "that") {
        i += 1;
    }
    ws.get(i).map_or(end, |w| w.span.start)
}

/// Finds reported speech in the sentences of `doc` that hold no quotation mark.
pub fn find(doc: &Document) -> Vec<Reported> {
    let text = doc.text;
    let quotes: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| q.outer())
        .collect();
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        for &s in &p.sentences {
            if quotes.iter().any(|q| q.overlaps(s)) {
                continue;
            }
            if let Some(r) = in_sentence(text, s) {
                out.push(r);
            }
        }
    }
    out
}

/// The first reported-speech construction in sentence `s`.
fn in_sentence(text: &str, s: Span) -> Option<Reported> {
    let ws = words(text, s);
    for cue in find_cues(text, &ws) {
        match cue.class {
            CueClass::Speech | CueClass::Belief => {
                if let Some(m) = speaker::before(text, s.start, cue.span.start) {
                    let start = content_start(text, &cue, s.end);
                    let after = trim_end_punct(text, Span::new(start, s.end));
                    if let Some(c) = after.filter(|c| {
                        word_count(text, *c) >= MIN_CONTENT_WORDS && is_clause(text, *c)
                    }) {
                        return Some(Reported {
                            content: c,
                            mention: m,
                            cue,
                        });
                    }
                    // "…, X said." — the content comes first: the cue has no object of its own,
                    // and the speaker directly follows the comma.
                    let before = &text[s.start..m.span.start];
                    let bare = after.is_none_or(|a| word_count(text, a) < MIN_CONTENT_WORDS);
                    let adjacent = before.trim_end().ends_with(',')
                        || before.trim_end().ends_with(|c: char| c.is_alphabetic())
                            && before
                                .trim_end()
                                .rsplit(' ')
                                .next()
                                .is_some_and(|w| is(lexicon::DETERMINERS, &fold(w)));
                    if let Some(comma) = before.rfind(',').filter(|_| bare && adjacent) {
                        if let Some(c) = trim_end_punct(text, Span::new(s.start, s.start + comma)) {
                            if word_count(text, c) >= MIN_CONTENT_WORDS && is_clause(text, c) {
                                return Some(Reported {
                                    content: c,
                                    mention: m,
                                    cue,
                                });
                            }
                        }
                    }
                }
                // "…, said the official."
                if cue.class == CueClass::Speech && !cue.takes_listener {
                    let before = text[s.start..cue.span.start].trim_end();
                    if before.ends_with(',') {
                        if let Some(m) = speaker::after(text, cue.span.end, s.end) {
                            if let Some(c) =
                                trim_end_punct(text, Span::new(s.start, s.start + before.len()))
                            {
                                if word_count(text, c) >= MIN_CONTENT_WORDS && is_clause(text, c) {
                                    return Some(Reported {
                                        content: c,
                                        mention: m,
                                        cue,
                                    });
                                }
                            }
                        }
                    }
                }
            }
            CueClass::According => {
                let m = speaker::after(text, cue.span.end, s.end)?;
                let head = text[s.start..cue.span.start].trim();
                let c = if head.is_empty() {
                    // "According to X, …"
                    let rest = &text[m.span.end..s.end];
                    let comma = rest.find(',')?;
                    trim_end_punct(text, Span::new(m.span.end + comma + 1, s.end))
                } else {
                    trim_end_punct(text, Span::new(s.start, cue.span.start))
                };
                if let Some(c) = c.filter(|c| word_count(text, *c) >= MIN_CONTENT_WORDS) {
                    return Some(Reported {
                        content: c,
                        mention: m,
                        cue,
                    });
                }
            }
            CueClass::Label | CueClass::Participle => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Vec<(String, String, String)> {
        let doc = Document::new(t);
        find(&doc)
            .into_iter()
            .map(|r| {
                (
                    r.content.of(t).to_string(),
                    r.mention.name,
                    r.cue.span.of(t).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn indirect010_said_that() {
        // 004
        let t = "Colin P. Clarke, a counterterrorism analyst at the Soufan Group, noted that ISIS-K has been targeting Russia for the past two years.";
        assert_eq!(
            run(t),
            [(
                "ISIS-K has been targeting Russia for the past two years".into(),
                "Colin P. Clarke".into(),
                "noted".into()
            )]
        );
    }

    #[test]
    fn indirect020_content_first_and_according_to() {
        // 001
        assert_eq!(
            run("ISIS members are active in Russia, a US official said."),
            [(
                "ISIS members are active in Russia".into(),
                "US official".into(),
                "said".into()
            )]
        );
        assert_eq!(run("Four men were arraigned Sunday night on terrorism charges, according to Russian media."),
            [("Four men were arraigned Sunday night on terrorism charges".into(), "Russian media".into(), "according to".into())]);
    }

    #[test]
    fn indirect030_told_skips_the_listener() {
        let t = "The official told reporters on Monday that the talks had failed.";
        assert_eq!(run(t)[0].0, "the talks had failed");
    }

    #[test]
    fn indirect040_sentences_with_quotes_are_left_to_quotes() {
        assert!(run("Watson said the US government had “shared this information.”").is_empty());
    }
}
