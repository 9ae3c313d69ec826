//! Reported speech without quotation marks: "X said (that) …", "…, X said.", "according to X, …".

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::cue::{Cue, CueClass};
use crate::document::Document;
use crate::lexicon::{self, is};
use crate::span::{first_ending_after, Span};
use crate::speaker::{self, Mention};
use crate::text::{
    after_last_space, ahead, back, fold, fold_into, is_capitalized, trim, with_fold, Word,
    FOLD_BUFFER,
};

/// Fewest words of content for reported speech: "X said so" reports nothing.
const MIN_CONTENT_WORDS: usize = 3;

/// One reported-speech attribution before its speaker is resolved.
#[derive(Debug, Clone)]
pub struct Reported {
    /// The reported content (bytes).
    pub content: Span,
    /// The speaker as named; `None` for content that nobody in the text holds ("the plan seemed
    /// to work", "is expected to pass").
    pub mention: Option<Mention>,
    /// The cue.
    pub cue: Cue,
    /// Whether the content holds a partial quotation ("said the plan was “a disaster”"): then it
    /// is the clause of that quote, reported by the quote rules, not reported speech of its own.
    pub quoted: bool,
}

/// Trims final punctuation (and closing marks) from `span`.
fn trim_end_punct(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    let punct =
        |c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–');
    let mut t = s.trim_end_matches(punct);
    // "(As BuzzFeed first reported, Mr. Trump voiced support ….)": a parenthesis that closes
    // around the sentence, not one the content opened.
    if t.ends_with(')') && !t.contains('(') {
        t = t[..t.len() - 1].trim_end_matches(punct);
    }
    trim(text, Span::new(span.start, span.start + t.len()))
}

/// The words of `span`, counted up to a cap: only small counts are ever compared.
fn word_count(doc: &Document, span: Span) -> usize {
    let text = doc.text;
    let end = span.end.min(ahead(text, span.start, COUNT_WINDOW_BYTES));
    doc.words(Span::new(span.start, end.max(span.start))).len()
}

/// How much of a span `word_count` reads: counts are only compared with small numbers.
const COUNT_WINDOW_BYTES: usize = 160;

/// How much of a content's opening `is_clause` reads to find its verb.
const CLAUSE_WINDOW_BYTES: usize = 600;

/// How much of a content or a tag the rules read, in bytes: enough for any real sentence's
/// reported clause. Trade-off: content in a longer sentence is cut here, but no rule costs more
/// than this per cue, so a hostile million-byte sentence scans in linear time.
const WINDOW_BYTES: usize = 2000;

/// Fewest words after an interrupting tag ("…, he said, is a clash") to read them as the rest of
/// the report.
const MIN_TAIL_WORDS: usize = 2;

/// Whether the cue is a plain verb of saying ("say", "said", "told", "added"): its content is
/// reported speech even when the clause test cannot find a verb in it.
fn is_say(doc: &Document, cue: &Cue) -> bool {
    with_fold(cue.span.of(doc.text), |f| {
        matches!(
            f,
            "say" | "says" | "said" | "told" | "tells" | "added" | "adds"
        )
    })
}

/// How many words into a content [`is_said_content`] looks for an audience or an occasion.
const AUDIENCE_REACH_WORDS: usize = 4;

/// Whether a cue takes content the clause test cannot read as its own: a plain verb of saying,
/// or another verb of saying in a finite form ("reported", "pointed out", "offers"); not a
/// bare stem, mostly an infinitive ("to add", "to deny"), nor a verb whose object is more often
/// a thing or a time ("wrote a book", "posted a video", "continued his speech"). PolNeAR train:
/// about 160 reports found, 60 wrong.
fn says_anything(doc: &Document, cue: &Cue) -> bool {
    if is_say(doc, cue) {
        return true;
    }
    let mut w_buf = [0u8; FOLD_BUFFER];
    let w = fold_into(cue.span.of(doc.text), &mut w_buf);
    let w = w.split(' ').next().unwrap_or_default();
    matches!(cue.class, CueClass::Speech | CueClass::Belief)
        && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
        && !matches!(
            w,
            "posted" | "posts" | "continued" | "continues" | "maintained" | "maintains" | "remarks"
        )
}

/// Content after a plain verb of saying that the clause test missed for want of a verb it knows
/// ("One union steward says new contract ignores night shifts"): enough words, not opening
/// with a preposition or an auxiliary, and not a bare object of one or two words.
fn is_said_content(doc: &Document, c: Span) -> bool {
    // "told a crowd in Berea, Ohio Tuesday night", "told a plenary session of the Parliament":
    // an audience or an occasion after the verb is its listener, not what was said.
    let audience = doc.words(c).iter().take(AUDIENCE_REACH_WORDS).any(|w| {
        with_fold(w.span.of(doc.text), |f| {
            matches!(
                f,
                "crowd"
                    | "audience"
                    | "supporters"
                    | "throng"
                    | "gathering"
                    | "rally"
                    | "meeting"
                    | "townhall"
                    | "session"
                    | "briefing"
                    | "conference"
                    | "convention"
                    | "series"
                    | "hosts"
                    | "host"
                    | "visit"
                    | "hall"
                    | "forum"
                    | "reporters"
            )
        })
    });
    if audience {
        return false;
    }
    let ws = doc.words(c);
    let mut first_buf = [0u8; FOLD_BUFFER];
    let Some(first) = ws
        .first()
        .map(|w| fold_into(w.span.of(doc.text), &mut first_buf))
    else {
        return false;
    };
    ws.len() > MIN_CONTENT_WORDS
        && !is(lexicon::NP_PREPOSITIONS, &first)
        && !matches!(
            first.as_ref(),
            "by" | "to"
                | "into"
                | "about"
                | "was"
                | "were"
                | "is"
                | "are"
                | "so"
                | "nothing"
                | "something"
                | "goodbye"
                | "hello"
                | "yes"
                | "no"
                | "as"
                | "while"
                | "when"
                | "before"
                | "after"
                | "because"
                | "since"
                | "during"
                | "though"
                | "although"
                | "if"
                | "until"
                | "of"
        )
}

/// Longest fronted adverbial phrase ("In Africa,", "Over the past two years,") before the clause of
/// reported content, in words. Trade-off: longer phrases are more often a verb's object.
const MAX_FRONTED_WORDS: usize = 6;

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

/// [`FINITE`] as a set: it is asked about nearly every word of a candidate content.
static FINITE_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| FINITE.iter().copied().collect());

fn is_finite(w: &str) -> bool {
    FINITE_SET.contains(w)
}

/// Whether `w` is a subject pronoun: a content that opens "he …" / "they …" is a clause.
/// Compared in place rather than looked up in a word set as `lexicon::is` would: the list is
/// eight short words, and the rules ask about thousands of words a page.
fn is_subject_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "she" | "they" | "we" | "i" | "you" | "it" | "there"
    )
}

/// Most words between a cue and its "that" when a place or time phrase stands between them
/// ("said at a Saturday rally in Texas that …"). Trade-off: a longer reach finds a "that" that
/// belongs to a relative clause of the content itself.
const THAT_REACH_WORDS: usize = 10;

/// Whether the content reads as a clause: it has a finite verb (an auxiliary, a past tense, a
/// present tense after its subject), and does not open with a preposition or an auxiliary (a
/// headline's "US had warned Russia ISIS was determined …").
fn is_clause(doc: &Document, c: Span) -> bool {
    let text = doc.text;
    // The verb must be the content's own, not that of a clause coordinated after it
    // ("claimed responsibility for the attack, and officials confirmed …").
    let c = Span::new(
        c.start,
        c.end
            .min(ahead(text, c.start, CLAUSE_WINDOW_BYTES))
            .max(c.start),
    );
    let s = c.of(text);
    let head = crate::text::clause_breaks(s, &["and", "but", "while"], false)
        .next()
        .unwrap_or(s.len());
    let c = Span::new(c.start, c.start + head);
    // Each word folded where a test reads it, on the stack: most clauses show a verb within a
    // few words, and a capitalized word costs no allocation (against folding every word of the
    // window into a vector first: fewer instructions, a few words folded twice).
    let words = doc.words(c);
    let Some(w0) = words.first() else {
        return false;
    };
    let mut first_buf = [0u8; FOLD_BUFFER];
    let first = &fold_into(w0.span.of(text), &mut first_buf);
    let second_is =
        |p: &dyn Fn(&str) -> bool| words.get(1).is_some_and(|n| with_fold(n.span.of(text), p));
    // "about half of the adjustment reflected …", "over 30,000 immigrants are …": before a
    // number the word is no preposition but the quantity's modifier.
    let quantity = (matches!(first.as_ref(), "about" | "around" | "over" | "under")
        && second_is(&|n| {
            n.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                || n == "half"
                || is(lexicon::NUMBERS, n)
        }))
        // "CNN reported at least six planes filled the skies".
        || (first == "at" && second_is(&|n| matches!(n, "least" | "most")));
    let opens_with_preposition = !quantity
        && (is(lexicon::NP_PREPOSITIONS, first)
            || matches!(first.as_ref(), "by" | "to" | "into" | "about"));
    if opens_with_preposition {
        // A fronted adverbial ("In Africa, 46 percent of people … have hypertension, she said")
        // is set off by a comma within a few words: the clause is what follows it. Without the
        // comma the content is a verb's object ("warned Iran of a possible attack …").
        let own = &s[..head];
        let fronted = own
            .find(',')
            .filter(|&i| own[..i].split_whitespace().count() <= MAX_FRONTED_WORDS);
        // After the complementizer the phrase opens a clause, comma or not ("says that in
        // 2012 it paid …"): the verb test below decides.
        let after_that = text[..c.start].trim_end().ends_with(" that");
        match fronted {
            Some(i) => {
                return crate::text::trim(text, Span::new(c.start + i + 1, c.end))
                    .is_some_and(|rest| is_clause(doc, rest))
            }
            None if !after_that => return false,
            None => {}
        }
    }
    if matches!(first.as_ref(), "was" | "were" | "is" | "are") {
        return false;
    }
    // A verb after a relative pronoun is the relative clause's, not the content's: "claimed
    // responsibility for an attack that left 40 dead" reports no clause.
    // Only when the content opens with a bare noun (an object, not a subject with its article).
    let bare = !is_capitalized(w0.span.of(text))
        && !is(lexicon::DETERMINERS, first)
        && !is_subject_pronoun(first)
        && !matches!(
            first.as_ref(),
            "this" | "these" | "those" | "no" | "all" | "every" | "each"
        );
    let rel = if bare {
        words
            .iter()
            .position(|w| with_fold(w.span.of(text), |w| matches!(w, "that" | "which" | "who")))
            .unwrap_or(words.len())
    } else {
        words.len()
    };
    // Whether the word before is a subject pronoun (and no finite verb): carried from its own
    // fold, not folded again for the word after it (200 PolNeAR train articles in callgrind:
    // 0.4 M fewer instructions).
    let mut after_pronoun = false;
    (0..rel).any(|i| {
        with_fold(words[i].span.of(text), |w| {
            let found = is_finite(w)
                || (w.ends_with("ed") && w.len() > 4)
                || w.ends_with("n't")
                || (after_pronoun && w.len() > 2)
                // A present tense before its object: "the system favors the wealthy".
                || (i > 0
                    && w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.ends_with("us")
                    && words.get(i + 1).is_some_and(|n| {
                        with_fold(n.span.of(text), |n| {
                            matches!(
                                n,
                                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
                                    | "that" | "to" | "him" | "them" | "it" | "us" | "no"
                                    | "more" | "less"
                            )
                        })
                    }));
            after_pronoun = is_subject_pronoun(w) && !is_finite(w);
            found
        })
    })
}

/// Where the content starts after a cue: past a listener ("told reporters", "told CNN"), time
/// and place words ("on Monday", "in a statement", "at a rally in Texas") and the complementizer
/// "that". `None` when punctuation stands between the cue and its content ("said, adding …").
fn content_start(doc: &Document, cue: &Cue, end: usize) -> Option<usize> {
    let text = doc.text;
    let end = end.min(ahead(text, cue.span.end, 400)).max(cue.span.end);
    let ws = doc.words(Span::new(cue.span.end, end));
    let mut i = 0;
    // "pointed out …": the particle is the cue's.
    if with_fold(cue.span.of(text), |f| f.starts_with("point"))
        && ws.first().is_some_and(|w| w.span.of(text) == "out")
    {
        i = 1;
    }
    if cue.takes_listener {
        // The listener: a pronoun, or a short noun phrase of names and role nouns.
        let mut j = 0;
        while j < ws.len().min(5) {
            let w = ws[j].span.of(text);
            let listener = with_fold(w, |f| {
                // An article is the listener's only before a name or a role ("told the Times",
                // "told a reporter"), not before the content ("asked them a simple question").
                let article = matches!(f, "the" | "a" | "an")
                    && ws.get(j + 1).is_some_and(|n| {
                        let w = n.span.of(text);
                        is_capitalized(w) || with_fold(w, |f| is(lexicon::ROLE_NOUNS, f))
                    });
                matches!(f, "him" | "her" | "them" | "me" | "us" | "reporters")
                    || article
                    || (is_capitalized(w) && !is_subject_pronoun(f))
                    || is(lexicon::ROLE_NOUNS, f)
            });
            if listener {
                j += 1;
            } else {
                break;
            }
        }
        // "asked the Supreme Court to intervene", "urged voters to …": the listener is whom the
        // content is asked of, and part of it (PolNeAR marks it so in about 3 of 4 such reports).
        let infinitive = ws.get(j).is_some_and(|w| w.span.of(text) == "to" && j > i);
        if !infinitive {
            i = j;
        }
    }
    // "that" within reach after a time or place phrase, with no punctuation and no finite verb
    // before it: skip to it. ("warned Iran of an attack that killed …" has no such phrase.)
    let reach = ws.len().min(i + THAT_REACH_WORDS);
    let phrase = cue.takes_listener
        || ws.get(i).is_some_and(|w| {
            with_fold(w.span.of(text), |f| {
                is(lexicon::BETWEEN_WORDS, f)
                    || matches!(
                        f,
                        "in" | "at"
                            | "during"
                            | "via"
                            | "through"
                            | "over"
                            | "with"
                            | "to"
                            | "late"
                            | "early"
                            | "privately"
                            | "publicly"
                    )
            })
        });
    // (Looked for only after such a phrase: most cues have none.)
    if let Some(t) = phrase
        .then(|| (i..reach).find(|&k| is_that(ws[k].span.of(text))))
        .flatten()
    {
        let between = Span::new(ws[i].span.start, ws[t].span.start);
        let clean = !between
            .of(text)
            .contains([',', ';', ':', '—', '(', '“', '"'])
            && ws[i..t].iter().all(|w| {
                with_fold(w.span.of(text), |f| {
                    // "warned Iran of an attack before the bombings that killed …": an object's
                    // own phrase, and its relative clause, not a place or time before "that".
                    !is_finite(f)
                        && !is_subject_pronoun(f)
                        && !matches!(
                            f,
                            "of" | "about"
                                | "for"
                                | "before"
                                | "after"
                                | "against"
                                | "from"
                                | "by"
                                | "into"
                                | "over"
                                | "with"
                        )
                })
            });
        if clean && t > i {
            return ws.get(t + 1).map(|w| w.span.start);
        }
    }
    while i < ws.len() {
        let mut f_buf = [0u8; FOLD_BUFFER];
        let f = fold_into(ws[i].span.of(text), &mut f_buf);
        if is(lexicon::BETWEEN_WORDS, &f) && i < 3 {
            i += 1;
        } else if let Some(n) = time_phrase_words(text, &f, &ws[i + 1..]) {
            i += n;
        } else if matches!(f.as_ref(), "in" | "at" | "during" | "on")
            && i + 1 < ws.len()
            && with_fold(ws[i + 1].span.of(text), |f| is(lexicon::DETERMINERS, f))
        {
            // "said in a statement Thursday the plan …": the phrase ends where a new noun phrase
            // (a determiner or a pronoun after at least one noun) opens the clause.
            let mut k = i + 2;
            while k < ws.len().min(i + 8) {
                let mut g_buf = [0u8; FOLD_BUFFER];
                let g = fold_into(ws[k].span.of(text), &mut g_buf);
                if k > i + 2 && (is(lexicon::DETERMINERS, &g) || is_subject_pronoun(&g)) {
                    break;
                }
                k += 1;
            }
            if k >= ws.len().min(i + 8) {
                break;
            }
            i = k;
        } else {
            break;
        }
    }
    // "that" is the complementizer, unless a verb follows it: then it is the content's subject
    // ("attorneys said that is highly unlikely", "Zuckoff said that was in part because …").
    if ws.get(i).is_some_and(|w| is_that(w.span.of(text)))
        && !ws
            .get(i + 1)
            .is_some_and(|n| with_fold(n.span.of(text), is_auxiliary))
    {
        i += 1;
    }
    let at = ws.get(i).map_or(end, |w| w.span.start);
    // Punctuation between the cue and its content: "said, adding …" has no content of its own.
    let gap = &text[cue.span.end..at];
    (!gap.contains([',', ';', ':', '.', '—', '–', '(', ')'])).then_some(at)
}

/// Whether word `w`, as written, folds to "that": `with_fold(w, |f| f == "that")`, asked of each
/// word after a cue, compared ignoring ASCII case without folding. A word that is not ASCII
/// never folds to "that": of the chars that are not ASCII only the Kelvin sign folds to an
/// ASCII letter ("k"), and the apostrophes and hyphens to ASCII marks (`is_that` in the tests).
#[inline]
fn is_that(w: &str) -> bool {
    crate::text::trim_periods(w.as_bytes()).eq_ignore_ascii_case(b"that")
}

/// How many words a phrase of duration opening at `first` (folded) takes, `after` being the words
/// that follow it: "for weeks", "for some time", "for a while", "from the start" ("has said for
/// weeks he's the only candidate …", "said from the start that …"); `None` for any other word.
fn time_phrase_words(text: &str, first: &str, after: &[Word]) -> Option<usize> {
    let next = |k: usize| after.get(k).map(|w| fold(w.span.of(text)));
    let duration = |n: Option<Cow<str>>| {
        n.is_some_and(|n| {
            matches!(
                n.as_ref(),
                "weeks"
                    | "months"
                    | "years"
                    | "days"
                    | "decades"
                    | "while"
                    | "time"
                    | "year"
                    | "month"
                    | "week"
                    | "decade"
            )
        })
    };
    match first {
        "for" => match next(0).as_deref() {
            Some("some" | "a") => duration(next(1)).then_some(3),
            _ => duration(next(0)).then_some(2),
        },
        "from" => (next(0).as_deref() == Some("the")
            && next(1).is_some_and(|n| matches!(n.as_ref(), "start" | "outset" | "beginning")))
        .then_some(3),
        _ => None,
    }
}

/// Content right after a cue whose subject is "that" before a verb ("attorneys said that is
/// highly unlikely"): a clause, though [`is_clause`] reads a leading "that" as a relative pronoun.
/// Only after a cue that cannot be a plural noun ("Rust Belt states that have suffered …" is a
/// relative clause), and only before an auxiliary ("that he's …" opens a clause of its own).
fn that_subject(doc: &Document, cue: &Cue, c: Span) -> bool {
    let text = doc.text;
    let ws = doc.words(c);
    ws.len() >= MIN_CONTENT_WORDS
        && !cue.span.of(text).ends_with('s')
        && is_that(ws[0].span.of(text))
        && with_fold(ws[1].span.of(text), is_auxiliary)
}

/// Content after the complementizer "that" whose verb the clause test does not know ("the poll
/// shows that Trump leads in Ohio", "found that 449 insiders back Clinton"): "that" opens a
/// clause. Not when the content opens with a verb ("states that have suffered …": "that" is a
/// relative pronoun after a noun).
fn after_that(doc: &Document, c: Span) -> bool {
    let text = doc.text;
    let ws = doc.words(Span::new(
        c.start,
        c.end.min(ahead(text, c.start, 200)).max(c.start),
    ));
    text[..c.start].trim_end().ends_with(" that")
        && ws.len() >= MIN_CONTENT_WORDS
        && with_fold(ws[0].span.of(text), |f| !is_finite(f) && !f.ends_with("ed"))
}

/// Content whose subject is a relative pronoun before the speaker: "a strike that company
/// executives said could affect earnings", "slots, which he said were evenly split". The content
/// is the relative clause's predicate: it opens with a finite verb.
fn relative_report(doc: &Document, m: &Mention, c: Span) -> bool {
    let text = doc.text;
    let head = text[..m.span.start].trim_end();
    let ws = doc.words(Span::new(
        c.start,
        c.end.min(ahead(text, c.start, 200)).max(c.start),
    ));
    (head.ends_with(" that") || head.ends_with(" which"))
        && ws.len() >= 2
        && with_fold(ws[0].span.of(text), |f| {
            is_finite(f) || (f.ends_with("ed") && f.len() > 4)
        })
}

/// A singular auxiliary: after "that", it makes "that" a subject ("that is", "that would").
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "has"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "might"
            | "may"
            | "isn't"
            | "wasn't"
            | "wouldn't"
    )
}

/// Most words in a subject read without a name ("about half of the voters in each state").
/// Trade-off: a longer subject is more often a whole clause mistaken for one.
const SUBJECT_MAX_WORDS: usize = 10;

/// Where the text after the last of `marks` in `head` starts (bytes into `head`), if any mark
/// stands there. A comma between digits is a number's ("more than 250,000 Iowans are expected
/// to …", "200,000 voters said …"), not a clause's, and is passed over.
///
/// Read backwards by byte against the table of [`Marks`]: `rmatch_indices` of a slice of chars
/// decoded every char of the head and compared it with each mark in turn (on 200 PolNeAR train
/// articles 1.4 M instructions and 21k simulated mispredicted branches in 683 calls, heads of up
/// to 300 bytes).
fn after_last_mark(head: &str, marks: &Marks) -> Option<usize> {
    let b = head.as_bytes();
    let mut end = b.len();
    loop {
        // The last byte before `end` that may end a mark.
        let k = b[..end].iter().rposition(|&x| marks.may_end(x))?;
        end = k;
        if b[k] < 0x80 {
            // An ASCII mark (the table holds no other ASCII byte).
            if !crate::text::is_number_comma(b, k) {
                return Some(k + 1);
            }
        } else if head.is_char_boundary(k + 1)
            && head[..=k]
                .chars()
                .next_back()
                .is_some_and(|c| marks.chars.contains(&c))
        {
            // The last byte of a mark that is not ASCII.
            return Some(k + 1);
        }
    }
}

/// A set of marks for [`after_last_mark`]: the chars, and a table of the bytes that may end one
/// (an ASCII mark's byte, the last UTF-8 byte of any other), one bit a byte.
struct Marks {
    chars: &'static [char],
    ends: [u64; 4],
}

impl Marks {
    /// The set of `chars`.
    const fn new(chars: &'static [char]) -> Marks {
        let mut ends = [0u64; 4];
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i] as u32;
            // An ASCII char is its byte; another ends in 0b10 and its six low bits.
            let last = if c < 0x80 { c } else { 0x80 | (c & 0x3F) } as usize;
            ends[last / 64] |= 1 << (last % 64);
            i += 1;
        }
        Marks { chars, ends }
    }

    /// Whether byte `x` may end one of the marks.
    #[inline]
    fn may_end(&self, x: u8) -> bool {
        self.ends[usize::from(x / 64)] & (1 << (x % 64)) != 0
    }
}

/// The marks that open a subject's clause ([`subject`]).
const SUBJECT_MARKS: Marks = Marks::new(&[
    ',', ';', ':', '—', '–', '(', ')', '“', '”', '"', '.', '?', '!',
]);

/// The marks that open a stance verb's subject (the same without the sentence's final marks).
const CLAUSE_MARKS: Marks = Marks::new(&[',', ';', ':', '—', '–', '(', ')', '“', '”', '"']);

/// The subject of a cue when no speaker phrase reads as a name or a description: the words from
/// the clause's start to the cue ("85 percent of Democrats said", "two in three said", "voters
/// who attended the caucuses said"). `None` when those words hold a verb of their own.
fn subject(doc: &Document, floor: usize, end: usize) -> Option<Mention> {
    let text = doc.text;
    let floor = floor.max(back(text, end, 300)).min(end);
    let head = &text[floor..end];
    let start = after_last_mark(head, &SUBJECT_MARKS).map_or(floor, |i| floor + i);
    let read = doc.words(Span::new(start, end));
    let mut ws: &[Word] = &read;
    while ws.last().is_some_and(|w| {
        let w = w.span.of(text);
        lexicon::stands_between(w)
    }) {
        ws = &ws[..ws.len() - 1];
    }
    while ws.first().is_some_and(|w| {
        matches!(
            fold(w.span.of(text)).as_ref(),
            "and"
                | "but"
                | "so"
                | "yet"
                | "while"
                | "because"
                | "if"
                | "when"
                | "as"
                | "that"
                | "though"
                | "although"
                | "since"
                | "where"
                | "now"
                | "still"
        )
    }) {
        ws = &ws[1..];
    }
    if ws.is_empty() || ws.len() > SUBJECT_MAX_WORDS {
        return None;
    }
    // A relative clause may hold a verb: "voters who attended the caucuses".
    let rel = ws
        .iter()
        .position(|w| with_fold(w.span.of(text), |f| matches!(f, "who" | "that" | "which")))
        .unwrap_or(ws.len());
    if rel == 0 {
        return None;
    }
    let verb = ws[..rel].iter().enumerate().any(|(k, w)| {
        let mut f_buf = [0u8; FOLD_BUFFER];
        let f = fold_into(w.span.of(text), &mut f_buf);
        // A participle after its noun modifies it ("people briefed on the move", "those
        // surveyed"): the last word, or one before a preposition.
        let modifier = k > 0
            && !with_fold(ws[k - 1].span.of(text), is_subject_pronoun)
            && (k + 1 == rel
                || ws.get(k + 1).is_some_and(|n| {
                    matches!(
                        fold(n.span.of(text)).as_ref(),
                        "on" | "by" | "in" | "for" | "about" | "with" | "at" | "from"
                    )
                }));
        is_finite(&f)
            || (f.ends_with("ed") && f.len() > 4 && !modifier)
            || (crate::cue::classify(&f, None).is_some() && !modifier)
    });
    if verb {
        return None;
    }
    Some(group_mention(text, ws, ws[ws.len() - 1].span.end))
}

/// A group or a thing named by the phrase of words `ws` up to `end` ("The new Morning Consult
/// poll", "voters who attended"), its name without a leading article. `ws` is not empty.
fn group_mention(text: &str, ws: &[Word], end: usize) -> Mention {
    let det = usize::from(
        ws.len() > 1 && with_fold(ws[0].span.of(text), |f| matches!(f, "the" | "a" | "an")),
    );
    Mention {
        span: Span::new(ws[0].span.start, end),
        name: Span::new(ws[det].span.start, end).of(text).to_string(),
        role: None,
        org: None,
        class: speaker::MentionClass::Group,
    }
}

/// Finds reported speech in the sentences of `doc`, outside its quotation marks.
pub fn find(doc: &Document) -> Vec<Reported> {
    let quotes = &doc.top_quotes;
    let mut out = Vec::new();
    let polls = poll_positions(doc.text);
    for p in &doc.paragraphs {
        if let Some(r) = headline(doc, p.span)
            .or_else(|| headline_says(doc, p.span))
            .or_else(|| transcript(doc, p.span))
        {
            out.push(r);
            continue;
        }
        for &s in &p.sentences {
            // The sentence's quotes: top-level quotes are in text order and do not overlap.
            let a = quotes.partition_point(|q| q.end <= s.start);
            let b = a + quotes[a..].partition_point(|q| q.start < s.end);
            let from = out.len();
            // "Asked why …, Sanders said …": the question, then the rest of the sentence.
            let rest = match asked(doc, s) {
                Some(r) => {
                    let rest = Span::new(r.content.end, s.end);
                    out.push(r);
                    rest
                }
                None => s,
            };
            in_sentence(doc, rest, &quotes[a..b], &mut out);
            if out.len() == from {
                out.extend(
                    in_evidence(doc, s, &quotes[a..b])
                        .or_else(|| in_polls(doc, s, &quotes[a..b], &polls)),
                );
            }
            raising(doc, s, &quotes[a..b], from, &mut out);
        }
    }
    out
}

/// Most words in the source before a headline's colon ("Wash Post Fact-Check: …").
const HEADLINE_SOURCE_MAX_WORDS: usize = 5;

/// Longest paragraph read as a headline, in words.
const HEADLINE_MAX_WORDS: usize = 30;

/// A headline that names its source before a colon: "Graham: Trump’s Rhetoric Destroying GOP’s
/// Chance", "NY Daily News: Paris Attacks Highlight Threat". The paragraph is one short line; the
/// source is a few capitalized words, not a label ("Update:", "Watch:") or a time ("7:05"); the
/// rest opens with a capital and is the source's words, reported without quotation marks.
fn headline(doc: &Document, p: Span) -> Option<Reported> {
    let text = doc.text;
    let line = p.of(text);
    if line.len() > 400 {
        return None;
    }
    let colon = crate::text::find_str(line, ": ")?;
    if line.contains('\n') || doc.words(p).len() > HEADLINE_MAX_WORDS {
        return None;
    }
    let source = Span::new(p.start, p.start + colon);
    let sw = doc.words(source);
    let named = !sw.is_empty()
        && sw.len() <= HEADLINE_SOURCE_MAX_WORDS
        && sw.iter().all(|w| {
            let w = w.span.of(text);
            is_capitalized(w) || is_say_label(w)
        })
        && !sw.iter().any(|w| with_fold(w.span.of(text), is_label_word));
    if !named {
        return None;
    }
    let content = trim_end_punct(text, Span::new(source.end + 1, p.end))?;
    let first = doc.words(content).first()?.span.of(text);
    if !is_capitalized(first) && !first.starts_with(['‘', '“', '\'', '"'])
        || word_count(doc, content) < MIN_CONTENT_WORDS
    {
        return None;
    }
    if first_ending_after(&doc.top_quotes, content.start).is_some_and(|q| q.start < content.end) {
        return None;
    }
    let det = usize::from(with_fold(sw[0].span.of(text), |f| f == "the") && sw.len() > 1);
    let mention = Mention {
        span: source,
        name: Span::new(sw[det].span.start, source.end)
            .of(text)
            .to_string(),
        role: None,
        org: None,
        class: if sw.len() <= 3 {
            speaker::MentionClass::Person
        } else {
            speaker::MentionClass::Group
        },
    };
    Some(Reported {
        content,
        mention: Some(mention),
        cue: Cue::plain(Span::new(source.end, source.end + 1), CueClass::Speech),
        quoted: false,
    })
}

/// Words that make a line's opening before a colon a label of the page, not a source: "Update:",
/// "Watch:", "Q:", "Correction:" (folded).
fn is_label_word(w: &str) -> bool {
    matches!(
        w,
        "update"
            | "updated"
            | "watch"
            | "video"
            | "photos"
            | "note"
            | "related"
            | "breaking"
            | "exclusive"
            | "live"
            | "source"
            | "sources"
            | "q"
            | "a"
            | "read"
            | "listen"
            | "editor's"
            | "editor’s"
            | "correction"
            | "warning"
            | "poll"
            | "report"
            | "analysis"
            | "opinion"
            | "review"
            | "transcript"
            | "earlier"
            | "later"
            | "more"
            | "also"
            | "previously"
            | "see"
            | "here"
            | "background"
            | "context"
            | "latest"
            | "developing"
            | "editorial"
            | "commentary"
            | "explainer"
            | "factbox"
            | "timeline"
            | "graphic"
            | "map"
            | "photo"
            | "podcast"
            | "newsletter"
            | "sponsored"
            | "advertisement"
    )
}

/// Most words in a transcript's speaker label ("CLINTON:", "SEN. WARREN:").
const TRANSCRIPT_LABEL_MAX_WORDS: usize = 3;

/// Longest transcript label, in bytes.
const TRANSCRIPT_LABEL_MAX_BYTES: usize = 40;

/// A paragraph of an interview transcript: "CLINTON: Honestly, I mean, I just believe that …",
/// "A: No, no one did." The label is "Q", "A" or a name in capitals before the colon; the rest of
/// the paragraph is the speaker's words, reported without quotation marks. A question or an
/// answer has no speaker we can name. Paragraphs holding quotation marks are the quote rules'.
fn transcript(doc: &Document, p: Span) -> Option<Reported> {
    let text = doc.text;
    let line = p.of(text);
    // The first ": ", if it is within the label's bytes: only those are searched, not the
    // whole paragraph.
    let head = &line.as_bytes()[..line.len().min(TRANSCRIPT_LABEL_MAX_BYTES + 2)];
    let colon = memchr::memchr_iter(b':', head).find(|&c| head.get(c + 1) == Some(&b' '))?;
    let label = Span::new(p.start, p.start + colon);
    let lw = doc.words(label);
    let qa = matches!(label.of(text), "Q" | "A");
    // A paragraph that opens with a quotation mark ("“PENCE: Well, …") is a quoted transcript:
    // the quote rules' to read.
    let named = label.of(text).starts_with(char::is_alphabetic)
        && !lw.is_empty()
        && lw.len() <= TRANSCRIPT_LABEL_MAX_WORDS
        && lw.iter().all(|w| {
            let w = w.span.of(text);
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        })
        && !lw.iter().any(|w| with_fold(w.span.of(text), is_label_word));
    if !qa && !named {
        return None;
    }
    let content = trim_end_punct(text, Span::new(label.end + 1, p.end))
        .and_then(|c| crate::text::trim(text, c))?;
    // Not a headline in capitals ("UN: PEACEKEEPERS PAYING …").
    let lower = content.of(text).chars().any(char::is_lowercase);
    if !lower
        || word_count(doc, content) < MIN_CONTENT_WORDS
        || first_ending_after(&doc.top_quotes, content.start).is_some_and(|q| q.start < p.end)
    {
        return None;
    }
    let mention = (!qa).then(|| Mention {
        span: label,
        name: label.of(text).to_string(),
        role: None,
        org: None,
        class: speaker::MentionClass::Person,
    });
    Some(Reported {
        content,
        mention,
        cue: Cue::plain(Span::new(label.end, label.end + 1), CueClass::Speech),
        quoted: false,
    })
}

/// A headline in title case whose verb is "Says": "Roe Says We Must Learn From The Past In
/// Foreign Policy", "Jane Roe Says She Has Already Begun Her Victory Speech".
/// The words before the verb are the source (a name of at most five capitalized words); every
/// word of the line is capitalized, which no sentence of running text is.
fn headline_says(doc: &Document, p: Span) -> Option<Reported> {
    let text = doc.text;
    let line = p.of(text);
    // (One line: a paragraph holds no line break, [`crate::text::paragraphs`] ends one at
    // each. Not searched for: the search read every short paragraph of a page again.)
    debug_assert!(!line.contains('\n'));
    if line.len() > 300 {
        return None;
    }
    let ws = doc.words(p);
    if ws.len() > HEADLINE_MAX_WORDS {
        return None;
    }
    // Title case before the search for the verb: running text fails it within a few words,
    // where every paragraph's search for " Says " and " Say " stopped at each capital S.
    let title_case = ws
        .iter()
        .filter(|w| w.span.of(text).len() > 3)
        .all(|w| is_capitalized(w.span.of(text)));
    if !title_case {
        return None;
    }
    let at =
        crate::text::find_str(line, " Says ").or_else(|| crate::text::find_str(line, " Say "))?;
    let verb = if line[at + 1..].starts_with("Says") {
        4
    } else {
        3
    };
    let source = Span::new(p.start, p.start + at);
    let sw = doc.words(source);
    if sw.is_empty() || sw.len() > HEADLINE_SOURCE_MAX_WORDS {
        return None;
    }
    let content = trim_end_punct(text, Span::new(p.start + at + 1 + verb + 1, p.end))?;
    if word_count(doc, content) < MIN_CONTENT_WORDS {
        return None;
    }
    Some(Reported {
        content,
        mention: Some(Mention {
            span: source,
            name: source.of(text).to_string(),
            role: None,
            org: None,
            class: speaker::MentionClass::Person,
        }),
        cue: Cue::plain(
            Span::new(p.start + at + 1, p.start + at + 1 + verb),
            CueClass::Speech,
        ),
        quoted: false,
    })
}

/// A question put to the speaker of the main clause: "Asked about Cruz’s charges, Rubio said
/// …", "When asked if it would be possible …, Gale said: …". The content is the question, from
/// after "asked" (and its "by …" asker) to the comma; the speaker is the main clause's subject.
fn asked(doc: &Document, s: Span) -> Option<Reported> {
    let text = doc.text;
    let line = s.of(text);
    let lead = line
        .strip_prefix("Asked ")
        .or_else(|| line.strip_prefix("When asked "))
        .or_else(|| line.strip_prefix("After being asked "))?;
    let cue_start = s.start + line.len() - lead.len() - "asked ".len();
    let start = s.end - lead.len();
    let comma = lead.find(", ")?;
    if comma > 400 {
        return None;
    }
    let content = trim_end_punct(text, Span::new(start, start + comma))?;
    if first_ending_after(&doc.top_quotes, content.start).is_some_and(|q| q.start < content.end) {
        return None;
    }
    let mention = speaker::leading(doc, start + comma + 1, s.end);
    Some(Reported {
        content,
        mention,
        cue: Cue {
            span: Span::new(cue_start, cue_start + "asked".len()),
            class: CueClass::Speech,
            takes_listener: false,
            object: true,
        },
        quoted: false,
    })
}

/// Most bytes of the opening "In the … poll," phrase that [`in_evidence`] reads.
const EVIDENCE_OPENING_MAX_BYTES: usize = 120;

/// A sentence that opens with its source, a poll or a study: "In the new Morning Consult poll,
/// conducted March 11-13, 40 percent of likely Democratic voters back Sanders". The source is the
/// opening phrase (a noun of evidence among its words), the content the clause after it (past a
/// participle phrase that describes the source). Only for a sentence with no other report.
fn in_evidence(doc: &Document, s: Span, quotes: &[Span]) -> Option<Reported> {
    let text = doc.text;
    let line = s.of(text);
    let lead = line.strip_prefix("In ")?;
    let comma = lead
        .find(", ")
        .filter(|&c| c <= EVIDENCE_OPENING_MAX_BYTES)?;
    let opening = Span::new(s.start + 3, s.start + 3 + comma);
    let ows = doc.words(opening);
    if !ows
        .iter()
        .any(|w| with_fold(w.span.of(text), crate::cue::is_evidence_noun))
    {
        return None;
    }
    let mut start = opening.end + 2;
    // ", conducted March 11-13, …": a participle phrase about the source.
    let first = text[start..s.end].split_whitespace().next().unwrap_or("");
    if first.ends_with("ed") {
        let skip =
            text[start..s.end.min(ahead(text, start, EVIDENCE_OPENING_MAX_BYTES))].find(", ")?;
        start += skip + 2;
    }
    let end = s.end.min(ahead(text, start, WINDOW_BYTES)).max(start);
    let content = trim_end_punct(text, Span::new(start, clause_end(text, start, end)))
        .and_then(|c| outside_quotes(text, c, quotes))
        .filter(|c| is_content(doc, *c) || is_said_content(doc, *c))?;
    Some(Reported {
        content,
        mention: Some(group_mention(text, &ows, opening.end)),
        cue: Cue {
            span: Span::new(s.start, s.start + 2),
            class: CueClass::According,
            takes_listener: false,
            object: false,
        },
        quoted: false,
    })
}

/// Most words of the closing "in … polls" phrase that [`in_polls`] reads.
const POLLS_PHRASE_MAX_WORDS: usize = 10;

/// Searchers for the stems of the nouns of polling [`in_polls`] looks for, built once.
static POLL_FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 3]> =
    LazyLock::new(|| ["poll", "survey", "average"].map(memchr::memmem::Finder::new));

/// Where the stems of the nouns of polling start in `text` (byte offsets, in order): three SIMD
/// passes over the document, so that [`in_polls`] reads no words of a sentence without one.
fn poll_positions(text: &str) -> Vec<usize> {
    let mut at: Vec<usize> = POLL_FINDERS
        .iter()
        .flat_map(|f| f.find_iter(text.as_bytes()))
        .collect();
    at.sort_unstable();
    at
}

/// How far back from a sentence's end [`in_polls`] reads for its phrase, in bytes.
const POLLS_PHRASE_MAX_BYTES: usize = 160;

/// A sentence that ends with its source, a poll: "Trump leads Cruz by 9 points in the
/// RealClearPolitics average of recent Hoosier polls", "Cruz came in second in January polls".
/// The source is the closing "in …" phrase (a noun of polling among its words, no verb, no
/// comma), the content the clause before it. Only for a sentence with no other report.
fn in_polls(doc: &Document, s: Span, quotes: &[Span], polls: &[usize]) -> Option<Reported> {
    let text = doc.text;
    // This runs for every sentence without a report: most have no noun of polling near their
    // end, which `polls` (where the document's nouns of polling start, in order) tells.
    let from = s.start.max(back(text, s.end, POLLS_PHRASE_MAX_BYTES));
    if polls
        .get(polls.partition_point(|&at| at < from))
        .is_none_or(|&at| at >= s.end)
    {
        return None;
    }
    let line = trim_end_punct(text, s)?;
    // The phrase's words, read back from the end of the sentence to its "in".
    let all = doc.words(Span::new(
        line.start.max(back(text, line.end, POLLS_PHRASE_MAX_BYTES)),
        line.end,
    ));
    let at = all
        .iter()
        .rev()
        .take(POLLS_PHRASE_MAX_WORDS + 1)
        .position(|w| w.span.of(text) == "in")?;
    let in_word = all[all.len() - 1 - at].span;
    let ws = &all[all.len() - at..];
    let phrase = Span::new(in_word.end + 1, line.end);
    if ws.is_empty()
        || in_word.start == 0
        || text.as_bytes()[in_word.start - 1] != b' '
        || text.as_bytes()[in_word.end] != b' '
        || phrase.of(text).contains([',', ';', ':', '(', '—'])
        || ws.iter().any(|w| is_finite(w.span.of(text)))
    {
        return None;
    }
    let at = in_word.start - 1;
    // The noun of polling ends the phrase, or what follows it tells whose poll or when: "in a
    // survey from Florida Southern College", "in a Fox poll released Thursday"; not "in the polls
    // nationally and in every other state", "in the polls there".
    let noun = ws.iter().rposition(|w| {
        with_fold(w.span.of(text), |f| {
            matches!(
                f,
                "poll" | "polls" | "survey" | "surveys" | "average" | "averages"
            )
        })
    })?;
    if let Some(after) = ws.get(noun + 1) {
        let follows = with_fold(after.span.of(text), |f| {
            matches!(
                f,
                "from"
                    | "by"
                    | "of"
                    | "released"
                    | "conducted"
                    | "taken"
                    | "published"
                    | "for"
                    | "to"
            )
        });
        if !follows {
            return None;
        }
    }
    let content = trim_end_punct(text, Span::new(s.start, at))
        .and_then(|c| outside_quotes(text, c, quotes))
        .filter(|c| is_content(doc, *c))?;
    Some(Reported {
        content,
        mention: Some(group_mention(text, ws, phrase.end)),
        cue: Cue {
            span: Span::new(at + 1, at + 3),
            class: CueClass::According,
            takes_listener: false,
            object: false,
        },
        quoted: false,
    })
}

/// Small words a capitalized source may hold: "Wash Post Fact-Check", "Secretary of State".
fn is_say_label(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "&" | "de" | "van" | "von")
}

/// Longest subject read before a raising verb, in words. Trade-off: a longer one is more often
/// a whole clause.
const RAISED_SUBJECT_MAX_WORDS: usize = 12;

/// Longest noun phrase read before "known as" / "known to be", in words.
const KNOWN_SUBJECT_MAX_WORDS: usize = 4;

/// Content that the writer presents as appearance or expectation, held by nobody in the text:
/// "the politician seemed to be shrinking in political stature", "Christie appeared to end his
/// bid …", "the birth is expected to coincide with the conventions", "Bloomberg reportedly
/// considering a run". PolNeAR annotates these as attributions without a source, in two
/// fragments: the subject and the rest. A subject "it" ("it appears that …") is no fragment.
/// `from` is where this sentence's reports start in `out`: their content is not read again.
fn raising(doc: &Document, s: Span, quotes: &[Span], from: usize, out: &mut Vec<Reported>) {
    let text = doc.text;
    let ws = doc.words(Span::new(
        s.start,
        s.end.min(ahead(text, s.start, WINDOW_BYTES)),
    ));
    let mut floor = s.start;
    for i in 1..ws.len() {
        // Most words are none of the raising verbs: a test of the first four bytes before any
        // folding (this loop reads every word of the page), then the length.
        if !may_be_raising(text.as_bytes(), ws[i].span.start)
            || !(4..=10).contains(&ws[i].span.len())
        {
            continue;
        }
        const RAISING: [&str; 11] = [
            "known",
            "seen",
            "regarded",
            "seem",
            "seems",
            "seemed",
            "appear",
            "appears",
            "appeared",
            "expected",
            "reportedly",
        ];
        let word = ws[i].span.of(text);
        let Some(&w) = RAISING.iter().find(|r| r.eq_ignore_ascii_case(word)) else {
            continue;
        };
        let next = ws.get(i + 1).map(|n| fold(n.span.of(text)));
        let prev = fold(ws[i - 1].span.of(text));
        // "it appears he has little chance …": after "it", a clause with no "that".
        let it_clause = prev == "it"
            && ws.get(i + 1).is_some_and(|n| {
                with_fold(n.span.of(text), is_subject_pronoun) || is_capitalized(n.span.of(text))
            });
        let (verb_start, complement_at) = match w {
            "seems" | "seemed" | "appears" | "appeared" if it_clause => (ws[i].span.start, i + 1),
            "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
                if matches!(next.as_deref(), Some("to" | "that")) =>
            {
                (ws[i].span.start, i + 1)
            }
            // "seemed equally unperturbed", "seems like an odd choice", "appeared headed for a
            // prolonged contest": an adjective, a participle or "like". Not where "appear" is
            // being seen ("appeared on Fox News", "appeared Monday with …"). Not the bare "seem"
            // ("they seem enamored with": PolNeAR train, 10 reports fixed, 16 broken).
            "seems" | "seemed" | "appear" | "appears" | "appeared"
                if next.as_deref().is_some_and(|n| raising_complement(w, n))
                    && ws.get(i + 1).is_some_and(|n| {
                        !n.span.of(text).starts_with(char::is_uppercase)
                            && text[ws[i].span.end..n.span.start].trim().is_empty()
                    }) =>
            {
                (ws[i].span.start, i + 1)
            }
            // "is expected to …", "is not expected to …", "is widely expected to …", "had been
            // expected to …": the auxiliary, perhaps with an adverb or "not" after it.
            "expected" if next.as_deref() == Some("to") => {
                let aux = |k: usize| {
                    with_fold(ws[k].span.of(text), |f| {
                        matches!(
                            f,
                            "is" | "are"
                                | "was"
                                | "were"
                                | "been"
                                | "isn't"
                                | "aren't"
                                | "wasn't"
                                | "weren't"
                        )
                    })
                };
                let modifier = prev.ends_with("ly") || matches!(prev.as_ref(), "not" | "also");
                let k = if aux(i - 1) {
                    i - 1
                } else if modifier && i >= 2 && aux(i - 2) {
                    i - 2
                } else {
                    continue;
                };
                // "had been expected": the verb starts at "had".
                let perfect = k >= 1
                    && ws[k].span.of(text) == "been"
                    && with_fold(ws[k - 1].span.of(text), |f| {
                        matches!(f, "has" | "had" | "have")
                    });
                (ws[if perfect { k - 1 } else { k }].span.start, i + 1)
            }
            "reportedly" => (ws[i].span.start, i + 1),
            // "is widely seen as a conservative icon", "a state seen as critical for …".
            // Not "viewed" (0 right of 7 on PolNeAR train) nor "will be seen" (4 of 10).
            // "a community known to be supportive of …": no speaker.
            "known"
                if next.as_deref() == Some("to")
                    && ws.get(i + 2).is_some_and(|n| n.span.of(text) == "be") =>
            {
                (ws[i].span.start, i + 1)
            }
            // "the contests known as Super Tuesday" (PolNeAR train, with "known to be": 28 fixed,
            // 13 broken).
            "seen" | "regarded" | "known" if next.as_deref() == Some("as") && prev != "be" => {
                let aux = matches!(prev.as_ref(), "is" | "are" | "was" | "were" | "been");
                let adverb = prev.ends_with("ly")
                    && i >= 2
                    && with_fold(ws[i - 2].span.of(text), |f| {
                        matches!(f, "is" | "are" | "was" | "were" | "been")
                    });
                let from = if aux {
                    i - 1
                } else if adverb {
                    i - 2
                } else {
                    i
                };
                (ws[from].span.start, i + 2)
            }
            _ => continue,
        };
        let at = ws[i].span.start;
        let taken = out[from..]
            .iter()
            .any(|r| r.content.start <= at && at < r.content.end);
        let quoted = first_ending_after(quotes, at).is_some_and(|q| q.start <= at);
        if taken || quoted || verb_start < floor {
            continue;
        }
        let Some(&after) = ws.get(complement_at) else {
            continue;
        };
        let start = if with_fold(after.span.of(text), |f| f == "that") {
            match ws.get(complement_at + 1) {
                Some(n) => n.span.start,
                None => continue,
            }
        } else {
            after.span.start
        };
        let end = s.end.min(ahead(text, start, WINDOW_BYTES)).max(start);
        let stop = phrase_stop(text, start, end);
        let Some(rest) = trim_end_punct(text, Span::new(start, clause_end(text, start, stop)))
            .and_then(|c| outside_quotes(text, c, quotes))
        else {
            continue;
        };
        if word_count(doc, rest) < 2 {
            continue;
        }
        let cue = Cue {
            span: Span::new(verb_start, ws[i].span.end),
            class: CueClass::Stance,
            takes_listener: false,
            object: true,
        };
        // The subject: from the clause's opening to the verb.
        let head_from = floor.max(back(text, verb_start, 300));
        let head = &text[head_from..verb_start];
        let open = after_last_mark(head, &CLAUSE_MARKS).map_or(head_from, |k| head_from + k);
        let subject = trim(text, Span::new(open, verb_start)).and_then(|sub| {
            let sw = doc.words(sub);
            let skip = sw
                .iter()
                .take_while(|w| {
                    matches!(
                        fold(w.span.of(text)).as_ref(),
                        "and"
                            | "but"
                            | "so"
                            | "yet"
                            | "while"
                            | "because"
                            | "if"
                            | "when"
                            | "as"
                            | "that"
                            | "though"
                            | "although"
                            | "since"
                            | "with"
                            | "now"
                            | "still"
                            | "also"
                            | "even"
                    )
                })
                .count();
            let mut sw = &sw[skip..];
            // "He just can't seem …", "It now seems …": adverbs and modals after the subject.
            while sw.len() > 1
                && sw.last().is_some_and(|w| {
                    let w = w.span.of(text);
                    lexicon::stands_between(w)
                        || with_fold(w, |f| {
                            matches!(
                                f,
                                "can't"
                                    | "cannot"
                                    | "can’t"
                                    | "not"
                                    | "only"
                                    | "just"
                                    | "doesn't"
                                    | "doesn’t"
                                    | "didn't"
                                    | "didn’t"
                                    | "don't"
                                    | "don’t"
                            )
                        })
                })
            {
                sw = &sw[..sw.len() - 1];
            }
            let lone_it =
                sw.len() == 1 && with_fold(sw[0].span.of(text), |f| matches!(f, "it" | "there"));
            // "known" follows its noun directly (a reduced relative: "a community known to
            // be …"); a longer head is a clause of its own ("The senator waved to …").
            let max = if w == "known" {
                KNOWN_SUBJECT_MAX_WORDS
            } else {
                RAISED_SUBJECT_MAX_WORDS
            };
            (!sw.is_empty() && sw.len() <= max && !lone_it)
                .then(|| Span::new(sw[0].span.start, sw[sw.len() - 1].span.end))
        });
        for c in subject.into_iter().chain([rest]) {
            out.push(Reported {
                content: c,
                mention: None,
                cue,
                quoted: false,
            });
        }
        floor = rest.end;
    }
}

/// Whether the word that starts at byte `at` of `text` may be one of [`raising`]'s verbs
/// ("seen", "regarded", "known", "seem…", "appear…", "expected", "reportedly"), by its first
/// four bytes with ASCII case ignored: `false` for about 99 words in 100 of prose. One load
/// from a table of the seven stems and one compare: the test of the length and the first letter it replaces
/// let a fifth of the words through, and six compares compiled into a search tree whose
/// branches the processor could not predict (`raising` read 6% of the scan's time for 4% of
/// its instructions).
///
/// Setting the 0x20 bit lowercases a capital and makes no other byte a small letter, so every
/// spelling of the verbs passes; what passes is then compared whole.
#[inline]
fn may_be_raising(text: &[u8], at: usize) -> bool {
    let Some(&[a, b, c, d]) = text.get(at..at + 4) else {
        return false;
    };
    let head = u32::from_le_bytes([a, b, c, d]) | 0x2020_2020;
    RAISING_STEMS[raising_slot(head)] == head
}

/// The multiplier of [`raising_slot`]: puts the seven stems in seven different slots (checked
/// when [`RAISING_STEMS`] is built).
const RAISING_MULTIPLIER: u32 = 0xb3fa_7aa7;

/// The slot of [`RAISING_STEMS`] of a word whose first four bytes (little-endian, 0x20 bits
/// set) are `head`: the top three bits of a multiplicative hash.
#[inline(always)]
const fn raising_slot(head: u32) -> usize {
    (head.wrapping_mul(RAISING_MULTIPLIER) >> 29) as usize
}

/// The first four bytes of [`raising`]'s verbs, each in its [`raising_slot`]; the empty slots
/// hold 0, which no word's head (every byte's 0x20 bit set) is.
static RAISING_STEMS: [u32; 8] = {
    let stems: [&[u8; 4]; 7] = [
        b"seen", b"seem", b"rega", b"appe", b"expe", b"repo", b"know",
    ];
    let mut t = [0u32; 8];
    let mut i = 0;
    while i < stems.len() {
        let k = u32::from_le_bytes(*stems[i]);
        let slot = raising_slot(k);
        assert!(t[slot] == 0, "two raising stems share a slot");
        t[slot] = k;
        i += 1;
    }
    t
};

/// Whether `next`, the word after a raising verb `verb` other than "to" and "that", opens its
/// complement: an adjective, a participle or "like" ("seemed equally unperturbed", "appeared
/// headed for …"). After "appear" a preposition or an adverb of time is a physical appearance
/// ("appeared on Fox News", "appears tonight").
fn raising_complement(verb: &str, next: &str) -> bool {
    if matches!(
        next,
        "and" | "but" | "or" | "if" | "when" | "while" | "because"
    ) {
        return false;
    }
    if !verb.starts_with("appear") {
        return true;
    }
    let preposition = crate::lexicon::is(crate::lexicon::FUNCTION_WORDS, next)
        || matches!(
            next,
            "into" | "through" | "throughout" | "around" | "across" | "amid" | "inside"
        );
    let seen = matches!(
        next,
        "onstage"
            | "alongside"
            | "together"
            | "tonight"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "live"
            | "again"
            | "briefly"
            | "regularly"
            | "frequently"
            | "twice"
            | "once"
            | "personally"
            | "jointly"
    );
    !preposition && !seen
}

/// `c` cut short of the first quotation it runs into. Content that runs into a quote is the
/// quote's clause (a partial quote, reported by the quote rules) unless a clause boundary stands
/// before the quote ("said the plan failed, and called it “…”"): then the content ends there.
fn outside_quotes(text: &str, c: Span, quotes: &[Span]) -> Option<Span> {
    // Quotes are in order and do not overlap: the first that ends after `c` starts is the one.
    let Some(q) = first_ending_after(quotes, c.start).filter(|q| q.start < c.end) else {
        return Some(c);
    };
    if q.start <= c.start {
        return None;
    }
    let from = c.start.max(back(text, q.start, WINDOW_BYTES));
    let head = &text[from..q.start];
    // "…, which he called “a cartel …”", "…, to which O'Malley interjected: “…”": a relative
    // clause that holds the quote is the quote's own report.
    let cut = crate::text::clause_breaks(head, &["and", "but", "while"], true)
        .last()
        .or_else(|| {
            crate::text::clause_breaks(head, &["which", "to which"], false)
                .filter(|&i| {
                    head[i + 1..]
                        .split_whitespace()
                        .skip(1)
                        .take(RELATIVE_REPORT_WORDS)
                        .any(|w| crate::cue::classify(w, None).is_some())
                })
                .last()
        })?;
    trim_end_punct(text, Span::new(c.start, from + cut))
}

/// Where reported content that starts at `start` ends: at the sentence's end, or before a
/// contrasting clause of the writer's own ("…, but Putin rejected the warning").
fn clause_end(text: &str, start: usize, end: usize) -> usize {
    let end = end.min(ahead(text, start, WINDOW_BYTES)).max(start);
    // One pass over the commas: "…, but …" is the writer's; "…, saying …", a participle of
    // saying, opens a report of its own.
    let s = &text[start..end];
    let b = s.as_bytes();
    let cut = memchr_commas(b).find(|&i| {
        let next = s[i + 2..]
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // "…, but Putin rejected the warning" is the writer's; "…, but that he would
        // not …" and "…, but hasn't decided …" go on with the speaker's words.
        // "…, according to an account she gave": the source of the whole sentence.
        // "…, while other voters said …", "…, and he added that …": a report of its own
        // (PolNeAR train: 48 reports fixed, 17 broken).
        next == "according"
                || (matches!(
                    next,
                    "while" | "whereas" | "and" | "but" | "though" | "although"
                ) && opens_report(&s[i + 2 + next.len()..]))
                || (next == "but" && {
                    let after = s[i + 6..].trim_start();
                    after.starts_with(|c: char| c.is_uppercase())
                })
                // "Podesta, who said the project was vetted …, said he was unaware …": the
                // relative clause ends where the main verb of saying takes its own content.
                || (matches!(next, "said" | "says" | "added" | "adds")
                    && s[i + 2 + next.len()..].trim_start().split(' ').next().is_some_and(|w| {
                        matches!(w, "he" | "she" | "they" | "it" | "that" | "we" | "there")
                    }))
                || closing_tag(&s[i + 2..])
                || (next.ends_with("ing")
                    && crate::cue::classify(next, None)
                        .is_some_and(|c| c.0 == CueClass::Participle))
                // "…, Emanuel said he meets …", "…, she told reporters …": a subject of its own
                // and a verb of saying open another report (PolNeAR train: N fixed, M broken).
                || (next.starts_with(|c: char| c.is_uppercase())
                    || matches!(next, "he" | "she" | "they" | "we"))
                    && opens_report_within(&s[i + 2..], SUBJECT_REPORT_WORDS)
    });
    // "…; 46 percent said they were …": a report of its own after a semicolon.
    let semicolon = crate::text::match_indices(s, "; ")
        .find(|&(i, _)| opens_report(&s[i + 2..]))
        .map(|(i, _)| i);
    // "rejected the idea … and said that Mr. Manafort …": a second plain verb of saying
    // opens a report of its own. (Any verb of saying, belief or stance there: 28 reports
    // fixed, 64 broken on PolNeAR train; "he said Clinton lied and refused …".)
    let and_says = [" and ", " but "]
        .iter()
        .filter_map(|conj| {
            crate::text::match_indices(s, conj).find(|&(i, _)| {
                let mut after = s[i + conj.len()..].split(' ').peekable();
                // "… and has repeatedly said …": auxiliaries and adverbs first.
                let mut skipped = 0;
                while skipped < 2 && after.next_if(|w| lexicon::stands_between(w)).is_some() {
                    skipped += 1;
                }
                // "… and one in four said the party was …": a subject of its own (no word
                // skipped above), then a verb of saying (PolNeAR train: 11 fixed, 7 broken;
                // the auxiliaries, 3 / 1).
                if skipped == 0 {
                    let mut subject = after.clone();
                    let first = subject.next().unwrap_or("");
                    if !first.ends_with(['.', ',', ';'])
                        && subject
                            .take(4)
                            .take_while(|w| !w.ends_with([',', ';', ':']))
                            .any(|w| {
                                matches!(w, "said" | "says" | "say" | "told" | "added" | "noted")
                            })
                    {
                        return true;
                    }
                }
                let next = after.next().unwrap_or("");
                // "fear that … and warn that …": any verb of saying before "that" too.
                matches!(
                    next,
                    "said"
                        | "added"
                        | "told"
                        | "noted"
                        | "says"
                        | "adds"
                        | "argued"
                        | "insisted"
                        | "stressed"
                        | "warned"
                ) || (after.next() == Some("that")
                    && crate::cue::classify(next, Some("that"))
                        .is_some_and(|c| matches!(c.0, CueClass::Speech | CueClass::Belief)))
            })
        })
        .map(|(i, _)| i)
        .min();
    [cut, semicolon, and_says]
        .into_iter()
        .flatten()
        .min()
        .map_or(end, |i| start + i)
}

/// Whether "called"/"calls" at `cue` names a label, not a name given ("a group called Citizens
/// for Trump": after a common noun) nor a telephone call ("called them on it", "called into the
/// program", "called her to take the slot").
fn label_call(text: &str, cue: &Cue) -> bool {
    let prev = text[..cue.span.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let named_subject = !prev.starts_with(char::is_lowercase)
        || prev.ends_with(',')
        || is_subject_pronoun(prev)
        || prev == "who";
    // "called them on it", "called her back on Tuesday": a particle or a preposition among the
    // two words after the verb.
    named_subject
        && !text[cue.span.end..].split_whitespace().take(2).any(|w| {
            matches!(
                w,
                "to" | "into" | "on" | "with" | "back" | "for" | "off" | "up" | "them" | "both"
            )
        })
}

/// Most words in a tag that closes its sentence, from the comma to the final stop or an
/// appositive's comma ("…, the campaign's senior adviser said on Tuesday in Des Moines.").
const CLOSING_TAG_MAX_WORDS: usize = 10;

/// Most bytes from a closing tag's comma to the end of its sentence, appositive included
/// ("…, said John Doe, director of Acme Speechwriters and an independent political analyst in
/// New York City." is 106).
const CLOSING_TAG_MAX_BYTES: usize = 200;

/// Most words before the verb in a tag that closes its sentence ("…, a senior campaign official
/// said.").
const CLOSING_SUBJECT_MAX_WORDS: usize = 6;

/// Whether `after` (the text after a comma, to the end of what is read) is a tag that closes the
/// sentence: content before it ends at the comma; the tag is a report of its own, and the
/// sentence its content. Two shapes:
/// - a short subject, a verb of saying, and nothing after but a time, a place or a listener
///   ("…, sources said.", "…, he said Wednesday on MSNBC.", "…, Smith told reporters.");
/// - a plain verb of saying, then a speaker with no verb of its own, maybe with an appositive
///   ("…, said Nora Whitfield.", "…, said Abel Moreau, director of Harbor Speechwriters.").
fn closing_tag(after: &str) -> bool {
    // Most commas stand far from the end of what is read: refused before any word is split.
    if after.len() > CLOSING_TAG_MAX_BYTES {
        return false;
    }
    let t = after.trim_end().trim_end_matches(['.', '!', '?']);
    // The tag's words up to an appositive's comma, in one pass.
    let mut ws = [""; CLOSING_TAG_MAX_WORDS];
    let mut n = 0;
    let mut appositive = false;
    for w in split_spaces(t) {
        if n == CLOSING_TAG_MAX_WORDS || w.is_empty() || w.ends_with([';', ':']) {
            return false;
        }
        let word = w.strip_suffix(',');
        ws[n] = word.unwrap_or(w);
        n += 1;
        if word.is_some() {
            appositive = true;
            break;
        }
    }
    let ws = &ws[..n];
    if n < 2
        || matches!(
            ws[0],
            "which"
                | "that"
                | "as"
                | "what"
                | "who"
                | "where"
                | "when"
                | "so"
                | "and"
                | "but"
                | "or"
                | "if"
                | "because"
                | "while"
                | "than"
        )
    {
        return false;
    }
    let no_verb =
        |w: &&str| !(is_finite(w) || (w.ends_with("ed") && w.starts_with(char::is_lowercase)));
    // "…, said Larry Sabato.": a speaker after the verb, with no verb of its own ("…, said the
    // Khan family deserved better" is a report of its own).
    if matches!(
        ws[0],
        "said" | "says" | "added" | "adds" | "wrote" | "writes" | "noted" | "explained"
    ) {
        return (ws[1].starts_with(char::is_uppercase)
            || with_fold(ws[1], |f| is(lexicon::DETERMINERS, f)))
            && ws[1..].iter().all(no_verb);
    }
    if appositive {
        return false;
    }
    let speech = |w: &str| crate::cue::classify(w, None).is_some_and(|c| c.0 == CueClass::Speech);
    let Some(v) = ws
        .iter()
        .take(CLOSING_SUBJECT_MAX_WORDS + 1)
        .position(|w| speech(w))
    else {
        return false;
    };
    // A subject with no verb of its own, not a preposition's phrase ("…, with US officials
    // subsequently verifying the claim on Friday"), and a verb, not a noun after a determiner.
    if v == 0
        || !ws[..v]
            .iter()
            .all(|w| no_verb(w) && !(w.ends_with("ing") && w.starts_with(char::is_lowercase)))
        || is(lexicon::NP_PREPOSITIONS, ws[0])
        || with_fold(ws[v - 1], |f| is(lexicon::DETERMINERS, f))
    {
        return false;
    }
    let trail = &ws[v + 1..];
    let Some(next) = trail.first() else {
        return true;
    };
    // "…, Smith told reporters.", "…, he told The Washington Post."
    let listener = ws[v] == "told" && trail.len() <= 4;
    listener
        || ((opens_time_or_place(next) || *next == "Thanksgiving") && trail.iter().all(no_verb))
}

/// `s.split(' ')`, each piece found by a loop over its bytes: the pieces are words of a few
/// bytes, where the `memchr` behind `split` paid its set-up for each (200 PolNeAR train articles
/// in callgrind: about 140 instructions a word in [`closing_tag`]).
fn split_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(k) => {
                rest = Some(&r[k + 1..]);
                Some(&r[..k])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Whether word `w` opens a time or a place phrase after a verb of saying ("said during his
/// speech", "said Wednesday on MSNBC"), which is no clause of its own: the test of a tag with
/// nothing more to say, in the "…, X said." reading and in [`closing_tag`].
fn opens_time_or_place(w: &str) -> bool {
    matches!(
        w,
        "during"
            | "in"
            | "at"
            | "on"
            | "after"
            | "before"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "recently"
            | "yesterday"
            | "today"
            | "afterward"
    )
}

/// Whether the clause that `after` opens (the text after a comma and its conjunction) is a
/// report of its own: a verb of saying among its first [`OPENS_REPORT_WORDS`] words, before any
/// other punctuation ("…, and he added that …", "…, while other voters said …").
fn opens_report(after: &str) -> bool {
    opens_report_within(after, OPENS_REPORT_WORDS)
}

/// [`opens_report`] with its verb among the first `words` words.
fn opens_report_within(after: &str, words: usize) -> bool {
    after
        .split_whitespace()
        .take(words)
        .take_while(|w| !w.ends_with([',', ';', ':']))
        .any(|w| crate::cue::classify(w, None).is_some_and(|c| c.0 == CueClass::Speech))
}

/// How far into a clause [`opens_report`] looks for its verb of saying (words).
const OPENS_REPORT_WORDS: usize = 6;

/// How far after a comma a new subject's verb of saying may stand for the content before it to
/// end there ("…, Emanuel said …", "…, Sen. John Smith told …"), in words.
const SUBJECT_REPORT_WORDS: usize = 4;

/// The offsets of ", " in `b`, in order.
fn memchr_commas(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b',', b).filter(move |&i| b.get(i + 1) == Some(&b' '))
}

/// Whether `c` is enough words to report something, and reads as a clause: not an adverbial
/// clause on its own ("said as she accepted her award"), not a shouted headline.
fn is_content(doc: &Document, c: Span) -> bool {
    let text = doc.text;
    let s = &text[c.start..c.end.min(ahead(text, c.start, WINDOW_BYTES)).max(c.start)];
    // Folded on the stack: a capitalized first word was copied to the heap (this and the other
    // folds of a cue's word or a content's first word: 0.13 M fewer instructions on 200
    // PolNeAR train articles in callgrind).
    let mut first_buf = [0u8; FOLD_BUFFER];
    let first = s
        .split_whitespace()
        .next()
        .map(|w| fold_into(w, &mut first_buf))
        .unwrap_or_default();
    let adverbial = matches!(
        first.as_ref(),
        "as" | "after"
            | "before"
            | "when"
            | "while"
            | "because"
            | "since"
            | "until"
            | "during"
            | "though"
            | "although"
    ) && !s.contains(',');
    let shouted = crate::text::mostly_uppercase(s);
    !adverbial && !shouted && word_count(doc, c) >= MIN_CONTENT_WORDS && is_clause(doc, c)
}

/// The reported-speech constructions in sentence `s`, whose top-level quotes are `quotes`.
fn in_sentence(doc: &Document, s: Span, quotes: &[Span], out: &mut Vec<Reported>) {
    let text = doc.text;
    let sentence_from = out.len();
    // Content already reported in this sentence ends here; a later cue reads past it.
    let mut taken = s.start;
    let inside = |at: usize| first_ending_after(quotes, at).is_some_and(|q| q.start <= at);
    for cue in doc.cues(s) {
        if cue.span.start < taken || inside(cue.span.start) {
            continue;
        }
        // "who is expected to deliver …": a passive of expectation, read by [`raising`] with no
        // speaker, not a report of the phrase before it.
        if cue.span.of(text) == "expected"
            && text[s.start..cue.span.start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| matches!(w, "is" | "are" | "was" | "were" | "be" | "been"))
        {
            continue;
        }
        // "Alastair Osman called him a loving and admirable person": "call" with no
        // quotation after it in the sentence names its object's label in the writer's words,
        // reported like a stance verb's object.
        let cue = if cue.class == CueClass::Label
            && !cue.object
            && quotes.last().is_none_or(|q| q.end <= cue.span.start)
            && matches!(cue.span.of(text), "called" | "calls")
            && label_call(text, &cue)
        {
            Cue {
                object: true,
                ..cue
            }
        } else {
            cue
        };
        let report = |c: Span, mention: Option<Mention>, out: &mut Vec<Reported>| {
            out.push(Reported {
                content: c,
                mention,
                cue,
                quoted: false,
            });
        };
        let push = |c: Span, m: &Mention, out: &mut Vec<Reported>| report(c, Some(m.clone()), out);
        // The clause of a partial quote: reported by the quote rules, not as reported speech.
        let push_clause = |c: Span, m: &Mention, out: &mut Vec<Reported>| {
            out.push(Reported {
                content: c,
                mention: Some(m.clone()),
                cue,
                quoted: true,
            });
        };
        let object_cue =
            cue.class == CueClass::Stance || (cue.class == CueClass::Label && cue.object);
        match cue.class {
            CueClass::Participle => {
                // The speaker of this sentence's last report, the participle's subject when
                // no other is named ("ISIS-K has criticized Russia, accusing Putin of …").
                let previous = out[sentence_from..]
                    .last()
                    .filter(|r| r.content.end <= cue.span.start)
                    .and_then(|r| r.mention.as_ref());
                if let Some((c, m)) = participle(doc, s, taken, &cue, quotes, previous) {
                    report(c, m, out);
                    taken = c.end;
                }
            }
            CueClass::Speech | CueClass::Belief | CueClass::Stance | CueClass::Label
                if cue.class != CueClass::Label || object_cue =>
            {
                let floor = taken.max(s.start);
                // Reading is bounded to a window around the cue; content that would start
                // before the window (a tag after a very long sentence) is not read.
                let end_w = s.end.min(ahead(text, cue.span.end, WINDOW_BYTES));
                let head_fits = floor >= back(text, cue.span.start, WINDOW_BYTES);
                // "Obama positioned Clinton as … and said his former secretary …": a second verb
                // of the clause shares its subject.
                // Auxiliaries and adverbs may stand between: "… and has increasingly criticized".
                let coordinated = text[floor..cue.span.start]
                    .split_whitespace()
                    .rev()
                    .find(|w| !lexicon::stands_between(w))
                    .is_some_and(|w| w == "and" || w == "but");
                let head = text[floor..cue.span.start].trim_end();
                // "Podesta, who said the project was vetted …, said he was unaware …": the main
                // verb after a relative clause's report has the relative's speaker.
                let after_relative = || {
                    if text[floor..cue.span.start].trim() != "," {
                        return None;
                    }
                    out[sentence_from..]
                        .last()
                        .filter(|r| r.content.end == taken)
                        .filter(|r| {
                            after_last_space(text[s.start..r.cue.span.start].trim_end()) == "who"
                        })
                        .and_then(|r| r.mention.clone())
                };
                // "Cruz lacks support …, whom he has alienated, said Larry Sabato, director of
                // …": a speaker right after the cue, the content before the comma. When no
                // speaker phrase stands before the cue, none is made of the content's words.
                let inverted_tag = || {
                    cue.class == CueClass::Speech
                        && !cue.takes_listener
                        && head.ends_with(',')
                        && speaker::after(doc, cue.span.end, s.end).is_some_and(|a| {
                            let rest = text[a.span.end..s.end].trim_start();
                            a.class != speaker::MentionClass::Pronoun
                                && (rest.is_empty() || rest.starts_with([',', '.', ';']))
                        })
                };
                let m = if coordinated {
                    // "… and said that …" after a report of this sentence: that report's
                    // speaker, whose subject the coordination shares.
                    speaker::leading(doc, floor, cue.span.start).or_else(|| {
                        out[sentence_from..]
                            .last()
                            .filter(|r| r.content.end == taken)
                            .and_then(|r| r.mention.clone())
                    })
                } else if let Some(m) = speaker::relative(doc, floor, cue.span.start) {
                    // "… Jeb Bush and Chris Christie, who say the senator …", "voters who say":
                    // a relative pronoun's speaker is the phrase it follows.
                    Some(m)
                } else if let Some(m) = after_relative() {
                    Some(m)
                } else {
                    speaker::before(doc, floor, cue.span.start).or_else(|| {
                        // Else left to the "…, said the official" reading below.
                        if inverted_tag() {
                            return None;
                        }
                        subject(doc, floor, cue.span.start)
                            .or_else(|| speaker::subject_of(doc, floor, cue.span.start))
                            .or_else(|| {
                                // "The clerk of almost six years, a registered independent
                                // who asked not to be named, said": the opening
                                // phrase before a long appositive.
                                let head = text[floor..cue.span.start].trim_end();
                                let opens_sentence = floor == s.start;
                                (opens_sentence
                                    && head.ends_with(',')
                                    && head.matches(',').count() >= 2)
                                    .then(|| speaker::described(doc, floor, cue.span.start))
                                    .flatten()
                            })
                    })
                };
                if let Some(m) = m {
                    // Where the cue's content starts: the same for each reading below.
                    let start = content_start(doc, &cue, end_w);
                    let after = reported_clause(doc, start, end_w, quotes);
                    if let Some(c) = after.filter(|c| {
                        is_content(doc, *c)
                            || (says_anything(doc, &cue) && is_said_content(doc, *c))
                            || that_subject(doc, &cue, *c)
                            || after_that(doc, *c)
                            || relative_report(doc, &m, *c)
                    }) {
                        push(c, &m, out);
                        taken = c.end;
                        continue;
                    }
                    // A stance verb's object: "endorsed Trump last week", "called for a
                    // special prosecutor".
                    if let Some(c) = object(doc, &cue, start, end_w, quotes) {
                        push(c, &m, out);
                        taken = c.end;
                        continue;
                    }
                    // "…, a Quinnipiac University poll shows.": a verb of finding also closes
                    // content that comes first.
                    if object_cue && !with_fold(cue.span.of(text), crate::cue::is_finding_verb) {
                        continue;
                    }
                    // The clause runs into a quote of its own: the clause of a partial quote.
                    let raw = start.and_then(|start| trim_end_punct(text, Span::new(start, end_w)));
                    if let Some(c) = raw.filter(|c| {
                        quotes
                            .get(quotes.partition_point(|q| q.start < c.start))
                            .is_some_and(|q| q.start < c.end)
                    }) {
                        push_clause(c, &m, out);
                        taken = c.end;
                        continue;
                    }
                    // "…, X said." / "…, X said, …" — the content comes first and the speaker
                    // directly follows the comma; an interrupted sentence goes on after the tag.
                    // The phrase before the speaker, without a title the speaker's span leaves
                    // out ("…, Ms. Gedrich said").
                    let mut before = &text[floor..m.span.start.max(floor)];
                    while let Some(last) = Some(after_last_space(before.trim_end())).filter(|w| {
                        !w.is_empty()
                            && with_fold(w.trim_end_matches('.'), |f| is(lexicon::TITLES, f))
                    }) {
                        before = &before[..before.trim_end().len() - last.len()];
                    }
                    let adjacent = head_fits && before.trim_end().ends_with(',')
                        || before.trim_end().ends_with(|c: char| c.is_alphabetic())
                            && with_fold(after_last_space(before.trim_end()), |f| {
                                is(lexicon::DETERMINERS, f)
                            });
                    let rest = text[cue.span.end..end_w].trim_start();
                    let bare = rest.is_empty()
                        || rest.starts_with(',')
                        || rest.starts_with(['.', '!', '?', ';'])
                        || after.is_none_or(|a| word_count(doc, a) < MIN_CONTENT_WORDS)
                        // "…, he told the court in his filing.": what follows the cue is a
                        // listener and a place, no clause of its own.
                        || (cue.takes_listener && after.is_some_and(|a| !is_clause(doc, a)))
                        // "…, Wilkin said during his campaign speech.": a time or place phrase
                        // after the cue, no clause.
                        || (after.is_some_and(|a| !is_clause(doc, a))
                            && rest
                                .split_whitespace()
                                .next()
                                .is_some_and(|w| opens_time_or_place(w) || w == "while"));
                    // `… a “very welcome tack,” he said`: the comma inside the closing mark.
                    let closed = before.trim_end();
                    let quote_comma =
                        head_fits && [",”", ",\"", ",’"].iter().any(|e| closed.ends_with(e));
                    if quote_comma && bare {
                        let whole = crate::text::trim(text, Span::new(floor, floor + closed.len()));
                        if let Some(w) = whole.filter(|w| holds_partial(doc, quotes, *w, true)) {
                            push_clause(w, &m, out);
                            taken = cue.span.end;
                            continue;
                        }
                    }
                    // "As the Herald reported, the mayor was also criticised …": "As" and the
                    // speaker open the sentence; the content is the clause after the comma.
                    let as_opening = bare && rest.starts_with(',') && {
                        let mut head: Vec<&str> = before.split_whitespace().collect();
                        if head
                            .last()
                            .is_some_and(|w| with_fold(w, |f| is(lexicon::DETERMINERS, f)))
                        {
                            head.pop();
                        }
                        // Or after a comma and "and": "…, and as Comey noted, people …".
                        let n = head.len();
                        let opening = n == 1
                            || (n == 2 && matches!(head[0], "And," | "But" | "But," | "And" | "("))
                            || (n >= 3
                                && matches!(head[n - 2], "and" | "but")
                                && head[n - 3].ends_with(','))
                            || (n >= 2 && head[n - 2].ends_with(','));
                        opening
                            && head
                                .last()
                                .is_some_and(|w| matches!(*w, "As" | "as" | "(As"))
                    };
                    if as_opening {
                        let tail = &rest[1..];
                        let start = end_w - tail.trim_start().len();
                        if let Some(c) = trim_end_punct(text, Span::new(start, end_w))
                            .and_then(|t| outside_quotes(text, t, quotes))
                            .filter(|t| is_content(doc, *t))
                        {
                            push(c, &m, out);
                            taken = c.end;
                            continue;
                        }
                    }
                    if let Some(comma) = before.rfind(',').filter(|_| bare && adjacent) {
                        if let Some(c) =
                            whole_sentence(doc, s, floor + comma, quotes, out, sentence_from)
                        {
                            push(c, &m, out);
                            taken = cue.span.end;
                            continue;
                        }
                        let whole = trim_end_punct(text, Span::new(floor, floor + comma));
                        // "The new strategy is a “very welcome tack,” he said.": a clause that
                        // holds a partial quote after words of its own is the quote's clause.
                        if let Some(w) = whole.filter(|w| holds_partial(doc, quotes, *w, false)) {
                            push_clause(w, &m, out);
                            taken = cue.span.end;
                            continue;
                        }
                        let c = whole.and_then(|c| outside_quotes_tail(text, c, quotes));
                        // The sentence goes on after the tag: "The bigger risk, he said, is a
                        // clash …" — one report in two fragments around the tag.
                        let tail = rest.strip_prefix(',').and_then(|tail| {
                            let start = end_w - tail.trim_start().len();
                            trim_end_punct(text, Span::new(start, end_w))
                                .and_then(|t| outside_quotes(text, t, quotes))
                                .filter(|t| word_count(doc, *t) >= MIN_TAIL_WORDS)
                                // Not a second verb of saying ("…, he said, adding …"); a
                                // stance verb is the tail's own ("His wife, he says, plans
                                // to …"; PolNeAR train: 4 fixed, 0 broken).
                                .filter(|t| {
                                    crate::cue::classify(doc.words(*t)[0].span.of(text), None)
                                        .is_none_or(|c| {
                                            !matches!(c.0, CueClass::Speech | CueClass::Participle)
                                        })
                                })
                        });
                        // A head too short to be a clause ("The outreach, they said, raised new
                        // worries") is content when the tail completes it.
                        let interrupted = |c: &Span| {
                            tail.is_some_and(|t| is_clause(doc, t) || is_say(doc, &cue))
                                && word_count(doc, *c) >= 1
                        };
                        let head_content = c.filter(|c| is_content(doc, *c));
                        if let Some(c) = c.filter(|c| head_content.is_some() || interrupted(c)) {
                            push(c, &m, out);
                            taken = cue.span.end;
                            // A head that is no clause alone ("This campaign, he says, is
                            // different") is completed by any tail the test above let through.
                            if let Some(t) = tail.filter(|t| {
                                head_content.is_none()
                                    || word_count(doc, *t) >= MIN_CONTENT_WORDS
                                    || is_clause(doc, *t)
                            }) {
                                push(t, &m, out);
                                taken = t.end;
                            }
                            continue;
                        }
                    }
                } else if matches!(
                    cue.class,
                    CueClass::Speech | CueClass::Belief | CueClass::Stance
                ) {
                    // No speaker we can name ("Large majorities of Republican primary voters
                    // in six states said …", "those who said …"): the clause after a verb of
                    // saying or belief, or a stance verb's object, is still reported, with no
                    // speaker rather than a wrong one. PolNeAR train: +360 reports found, -150
                    // wrong (indirect F1 train 0.555 -> 0.573, dev 0.566 -> 0.588).
                    let head = text[floor..cue.span.start].trim_end();
                    // Not a tag after a quote ("…,” said Biden, who served"), whose
                    // speaker follows the cue.
                    let inverted = head.ends_with(['”', '"', '’', '\''])
                        || speaker::after(doc, cue.span.end, s.end)
                            .is_some_and(|a| text[cue.span.end..a.span.start].trim().is_empty());
                    // A plural noun before "that" reads as a verb ("in Rust Belt states that
                    // have …"); only a subject we can name tells the two apart.
                    let cue_word = cue.span.of(text);
                    let noun_like = cue_word.ends_with('s')
                        && (cue.class == CueClass::Stance
                            || text[cue.span.end..].trim_start().starts_with("that "));
                    if !head.is_empty()
                        && !head.ends_with([',', ':', ';'])
                        && !inverted
                        && !noun_like
                    {
                        let start = content_start(doc, &cue, end_w);
                        let c = reported_clause(doc, start, end_w, quotes)
                            .filter(|c| is_content(doc, *c))
                            .or_else(|| object(doc, &cue, start, end_w, quotes));
                        if let Some(c) = c {
                            report(c, None, out);
                            taken = c.end;
                            continue;
                        }
                    }
                }
                // "…, said the official."
                if cue.class == CueClass::Speech && !cue.takes_listener && head_fits {
                    let before = text[floor..cue.span.start].trim_end();
                    if before.ends_with(',') {
                        if let Some(m) = speaker::after(doc, cue.span.end, s.end) {
                            if let Some(c) = whole_sentence(
                                doc,
                                s,
                                floor + before.len() - 1,
                                quotes,
                                out,
                                sentence_from,
                            ) {
                                push(c, &m, out);
                                taken = cue.span.end;
                                continue;
                            }
                            let c = trim_end_punct(text, Span::new(floor, floor + before.len()))
                                .and_then(|c| outside_quotes_tail(text, c, quotes));
                            // A long opening phrase before the clause ("In a year when …
                            // resonating, candidates have more room …, said Steve Grubbs"): the
                            // clause after a comma makes the whole content.
                            let c = c.filter(|&c| {
                                is_content(doc, c)
                                    || memchr_commas(c.of(text).as_bytes())
                                        .filter_map(|i| {
                                            trim(text, Span::new(c.start + i + 1, c.end))
                                        })
                                        .any(|t| is_content(doc, t))
                            });
                            if let Some(c) = c {
                                push(c, &m, out);
                                taken = cue.span.end;
                            }
                        }
                    }
                }
            }
            CueClass::According => {
                let Some(m) = speaker::after(doc, cue.span.end, s.end)
                    .or_else(|| speaker::described(doc, cue.span.end, s.end))
                    .or_else(|| opening_source(doc, &cue, s))
                else {
                    continue;
                };
                let end_w = s.end.min(ahead(text, m.span.end, WINDOW_BYTES));
                // "The president told her that …, according to an account": a report already
                // read in this sentence is itself what the source tells; the content starts
                // with the sentence.
                let from = if text[taken..cue.span.start]
                    .trim_matches(|c: char| c.is_whitespace() || c == ',')
                    .is_empty()
                    && taken > s.start
                    && text[s.start..cue.span.start].trim_end().ends_with(',')
                    && s.start >= back(text, cue.span.start, WINDOW_BYTES)
                {
                    s.start
                } else {
                    taken
                };
                let raw_head = text[from..cue.span.start].trim();
                // "But according to X, …": a conjunction alone is no content of its own, nor
                // what a colon ends ("It hasn't gone unnoticed: According to recent polls, …").
                let head = if raw_head.ends_with(':')
                    || matches!(
                        raw_head.trim_end_matches(','),
                        "But"
                            | "And"
                            | "Yet"
                            | "So"
                            | "However"
                            | "Still"
                            | "Now"
                            | "Instead"
                            | "In addition"
                            | "Meanwhile"
                            | "Moreover"
                            | "Also"
                            | "Furthermore"
                            | "Indeed"
                    ) {
                    ""
                } else {
                    raw_head
                };
                // "The implication, according to the aide, is that …": the source interrupts
                // the content, which goes on after it.
                let tail = (!head.is_empty() && head.ends_with(','))
                    .then(|| text[m.span.end..end_w].strip_prefix(','))
                    .flatten()
                    .and_then(|rest| {
                        let start = end_w - rest.trim_start().len();
                        trim_end_punct(text, Span::new(start, end_w))
                    })
                    .and_then(|t| outside_quotes(text, t, quotes))
                    .filter(|t| word_count(doc, *t) >= MIN_CONTENT_WORDS)
                    // The rest of a clause ("…, is that …", "…, Trump made demands"), not an
                    // appositive of the source ("…, an analyst at Pivotal Research").
                    .filter(|t| {
                        let mut first_buf = [0u8; FOLD_BUFFER];
                        let first = fold_into(doc.words(*t)[0].span.of(text), &mut first_buf);
                        let opens_clause = !matches!(
                            first.as_ref(),
                            "a" | "an"
                                | "the"
                                | "and"
                                | "but"
                                | "or"
                                | "including"
                                | "where"
                                | "which"
                                | "who"
                                | "compared"
                                | "during"
                                | "while"
                                | "although"
                                | "though"
                        );
                        opens_clause
                            && (is_content(doc, *t)
                                || matches!(first.as_ref(), "is" | "was" | "are" | "were" | "has"))
                    });
                if let Some(t) = tail {
                    let lead = crate::text::trim(text, Span::new(from, cue.span.start))
                        .and_then(|h| trim_end_punct(text, h))
                        .and_then(|h| outside_quotes_tail(text, h, quotes));
                    if let Some(h) = lead {
                        push(h, &m, out);
                    }
                    push(t, &m, out);
                    taken = t.end;
                    continue;
                }
                let c = if head.is_empty() {
                    // "According to X, …"
                    let rest = &text[m.span.end..end_w];
                    rest.find(',').and_then(|comma| {
                        trim_end_punct(text, Span::new(m.span.end + comma + 1, end_w))
                    })
                } else if from < back(text, cue.span.start, WINDOW_BYTES) {
                    None
                } else {
                    trim_end_punct(text, Span::new(from, cue.span.start))
                };
                let c = c.and_then(|c| outside_quotes(text, c, quotes));
                if let Some(c) = c.filter(|c| word_count(doc, *c) >= MIN_CONTENT_WORDS) {
                    if from < taken {
                        // The source tells the whole report: one attribution, the outer.
                        out.retain(|r| {
                            r.quoted || r.content.start < from || r.content.end > cue.span.start
                        });
                    }
                    push(c, &m, out);
                    taken = c.end.max(m.span.end);
                }
            }
            // A label verb without an object bit ("called it a “…”") is the quote rules'.
            _ => {}
        }
    }
}

/// The whole sentence before a tag that closes it ("But a campaign operative decided to change
/// course …, a source said."): when reports were already read inside the sentence, the closing
/// tag's source tells all of them, and they give way to one report of the sentence up to
/// `comma` (a byte offset, the tag's comma). `None`, and nothing dropped, when the tag does not
/// close the sentence ([`closing_tag`]), nothing was read before it, the sentence holds a
/// quote, or the sentence is not a clause.
fn whole_sentence(
    doc: &Document,
    s: Span,
    comma: usize,
    quotes: &[Span],
    out: &mut Vec<Reported>,
    sentence_from: usize,
) -> Option<Span> {
    let text = doc.text;
    let end = s.end.min(ahead(text, comma, WINDOW_BYTES)).max(comma + 1);
    if out.len() == sentence_from
        || s.start < back(text, comma, WINDOW_BYTES)
        || quotes.iter().any(|q| q.start < comma && q.end > s.start)
        || !closing_tag(text[comma + 1..end].trim_start())
    {
        return None;
    }
    let c = trim_end_punct(text, Span::new(s.start, comma)).filter(|c| is_content(doc, *c))?;
    out.truncate(sentence_from);
    Some(c)
}

/// Most words of a source that opens its sentence ("According to early results of exit polls
/// conducted for The Associated Press by Edison Research, …").
const OPENING_SOURCE_MAX_WORDS: usize = 20;

/// The source of a sentence that opens "According to …,": the phrase up to the comma, when
/// neither a name nor a described speaker reads it (a long description of a poll or a study).
fn opening_source(doc: &Document, cue: &Cue, s: Span) -> Option<Mention> {
    let text = doc.text;
    if cue.span.start != s.start {
        return None;
    }
    let rest = &text[cue.span.end..s.end.min(ahead(text, cue.span.end, 300)).max(cue.span.end)];
    let phrase = trim(
        text,
        Span::new(cue.span.end, cue.span.end + rest.find(", ")?),
    )?;
    let ws = doc.words(phrase);
    if ws.is_empty() || ws.len() > OPENING_SOURCE_MAX_WORDS {
        return None;
    }
    Some(group_mention(text, &ws, phrase.end))
}

/// The clause a cue reports, read up to `end`: from `start`, where [`content_start`] puts it
/// (`content_start(doc, cue, end)`), to [`clause_end`], final punctuation trimmed, and outside
/// quotations. Whether it is content (a clause, said words) is the caller's test. The caller
/// finds the start, once for this and the cue's other readings ([`object`], a partial quote's
/// clause), which read the same (200 PolNeAR train articles in callgrind: finding it for each
/// cost 1.56 M more instructions).
fn reported_clause(
    doc: &Document,
    start: Option<usize>,
    end: usize,
    quotes: &[Span],
) -> Option<Span> {
    let text = doc.text;
    start
        .and_then(|start| trim_end_punct(text, Span::new(start, clause_end(text, start, end))))
        .and_then(|c| outside_quotes(text, c, quotes))
        .filter(|c| !second_predicate(doc, *c))
}

/// Whether `c` opens with "and" and a verb of the speaker's own ("…,” Miller said, and quickly
/// hung up", "yelled and held up a banner"): a second predicate, not reported content.
fn second_predicate(doc: &Document, c: Span) -> bool {
    let text = doc.text;
    let ws = doc.words(Span::new(
        c.start,
        c.end.min(ahead(text, c.start, 80)).max(c.start),
    ));
    let verb = |w: &str| {
        (w.len() > 4 && w.ends_with("ed"))
            || matches!(
                w,
                "hung"
                    | "held"
                    | "left"
                    | "went"
                    | "took"
                    | "gave"
                    | "made"
                    | "ran"
                    | "walked"
                    | "sat"
                    | "stood"
                    | "got"
                    | "put"
                    | "came"
                    | "began"
            )
    };
    ws.first()
        .is_some_and(|w| matches!(w.span.of(text), "and" | "And"))
        && ws.get(1).is_some_and(|w| {
            let w = w.span.of(text);
            verb(w)
                || (lexicon::is_ly_adverb(w) && ws.get(2).is_some_and(|n| verb(n.span.of(text))))
        })
}

/// Where a phrase that starts at `start` ends, at most at `end`: the first comma, semicolon,
/// colon, dash or parenthesis. A comma between digits is a number's ("200,000 jobs", "$1,500").
fn phrase_stop(text: &str, start: usize, end: usize) -> usize {
    let b = text.as_bytes();
    text[start..end]
        .match_indices([',', ';', '(', '—', '–', ':'])
        .map(|(i, _)| start + i)
        .find(|&i| !crate::text::is_number_comma(b, i))
        .unwrap_or(end)
}

/// The object of a stance verb as attributed content: from the cue (past a listener or a time
/// phrase) to the first comma, dash, semicolon or parenthesis, or the clause's end. `None` when
/// the cue's object is not content ([`Cue::object`]), when punctuation or a quotation stands
/// first, or when the object is a pronoun or a quantity alone ("criticized him", "promised much").
/// `start` is `content_start(doc, cue, end)`, found by the caller as for [`reported_clause`].
fn object(
    doc: &Document,
    cue: &Cue,
    start: Option<usize>,
    end: usize,
    quotes: &[Span],
) -> Option<Span> {
    if !cue.object {
        return None;
    }
    let text = doc.text;
    let start = start?;
    let stop = phrase_stop(text, start, end);
    let c = trim_end_punct(text, Span::new(start, clause_end(text, start, stop)))?;
    let mut c = outside_quotes(text, c, quotes)?;
    // "rejected that idea": "that" is the object's determiner when no clause follows it.
    let gap = text[cue.span.end..c.start].trim_end();
    if (gap.ends_with(" that") || gap == "that")
        && word_count(doc, c) <= THAT_OBJECT_MAX_WORDS
        && doc.words(c).first().is_some_and(|w| {
            let w = w.span.of(text);
            w.starts_with(char::is_lowercase)
                && !lexicon::is_word(lexicon::FUNCTION_WORDS, w)
                && !lexicon::stands_between(w)
        })
        && !is_clause(doc, c)
    {
        c.start = cue.span.end + gap.len() - "that".len();
    }
    let ws = doc.words(c);
    let mut first_buf = [0u8; FOLD_BUFFER];
    let first = fold_into(ws.first()?.span.of(text), &mut first_buf);
    let lone_pronoun = ws.len() == 1
        && matches!(
            first.as_ref(),
            "him"
                | "her"
                | "them"
                | "it"
                | "me"
                | "us"
                | "you"
                | "this"
                | "that"
                | "so"
                | "much"
                | "more"
                | "little"
                | "less"
                | "nothing"
                | "everything"
                | "something"
                | "anything"
        );
    let adverbial = matches!(
        first.as_ref(),
        "as" | "after"
            | "before"
            | "when"
            | "while"
            | "because"
            | "since"
            | "until"
            | "during"
            | "by"
            | "in"
            | "on"
            | "at"
            | "from"
            | "with"
            | "without"
            | "up"
            | "out"
            | "back"
            | "down"
            | "off"
            | "over"
            | "again"
            | "also"
            | "and"
            | "or"
            | "but"
            | "than"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "had"
            | "have"
    );
    (!lone_pronoun && !adverbial).then_some(c)
}

/// Longest object read as "that" and a noun ("rejected that idea", "asked just that question"),
/// in words; a longer one is more often a clause the clause test missed.
const THAT_OBJECT_MAX_WORDS: usize = 3;

/// Reported content after a participle that takes its speaker from its clause: "…, saying he was
/// rooting for Peyton Manning", "…,” said Devine, suggesting that the contests won’t be so
/// vivifying". The participle follows a comma or a dash; its speaker is the speaker named around
/// an earlier verb of saying in the sentence, else the subject that opens the clause, else
/// `previous`, the speaker of the sentence's last report ("ISIS-K has criticized Russia,
/// accusing …").
fn participle(
    doc: &Document,
    s: Span,
    taken: usize,
    cue: &Cue,
    quotes: &[Span],
    previous: Option<&Mention>,
) -> Option<(Span, Option<Mention>)> {
    let text = doc.text;
    let floor = taken
        .max(s.start)
        .max(back(text, cue.span.start, WINDOW_BYTES));
    let mut before = text[floor..cue.span.start].trim_end();
    // "…, falsely suggesting that …": adverbs in "-ly" before the participle (PolNeAR train:
    // 5 fixed, 2 broken).
    while let Some((head, last)) = before.rsplit_once(' ') {
        if !lexicon::is_ly_adverb(last) {
            break;
        }
        before = head.trim_end();
    }
    let end_w = s.end.min(ahead(text, cue.span.end, WINDOW_BYTES));
    let start = content_start(doc, cue, end_w);
    let clause = reported_clause(doc, start, end_w, quotes);
    if !before.ends_with([',', '—', '–']) {
        // "…, with 38 percent of retired teachers saying they will …", "the mayor was
        // saying the reverse": no comma, so no clause subject to take; a clause after a participle of
        // saying is still reported, with no speaker.
        // The clause must follow the participle at once (or after "that"): "a public warning on
        // March 7 of a possible attack, officials said …" is a noun, not a report.
        let of_saying = !cue.object && !before.is_empty();
        let adjacent = |c: &Span| {
            let gap = text[cue.span.end..c.start].trim();
            gap.is_empty() || gap == "that"
        };
        return clause
            .filter(|c| of_saying && adjacent(c) && is_clause(doc, *c))
            .map(|c| (c, None));
    }
    let c = clause
        .filter(|c| is_content(doc, *c) || is_said_content(doc, *c))
        .or_else(|| object(doc, cue, start, end_w, quotes))?;
    // The speaker: around an earlier verb of saying ("said Devine,", "he said,"), else the
    // clause's subject, else the speaker of the sentence's last report.
    let named = doc
        .cues(Span::new(floor, cue.span.start))
        .into_iter()
        .rev()
        .find(|c| c.class == CueClass::Speech)
        .and_then(|c| {
            speaker::after(doc, c.span.end, cue.span.start)
                .or_else(|| speaker::before(doc, floor, c.span.start))
        });
    // No subject we can name ("Ms. Ortega, in a radio interview on Monday, hardly touched on
    // …, saying …"): the report stands without a speaker.
    Some((
        c,
        named
            .or_else(|| speaker::leading(doc, floor, cue.span.start))
            .or_else(|| previous.cloned()),
    ))
}

/// Whether content `w` before a tag holds a partial quote after at least two words of its own
/// ("The new strategy is a “very welcome tack,” he said"): then it is the quote's clause.
/// `closing`: the quote must end the content (its comma inside the closing mark).
fn holds_partial(doc: &Document, quotes: &[Span], w: Span, closing: bool) -> bool {
    let k = quotes.partition_point(|q| q.end <= w.start);
    quotes.get(k).is_some_and(|q| {
        q.start > w.start
            && q.start < w.end
            && (!closing || q.end == w.end)
            && word_count(doc, Span::new(w.start, q.start)) >= 2
    })
}

/// How many words after ", which" a verb of saying may stand for the relative clause to be a
/// report of its own ("…, which he called “…”", "…, to which O'Malley interjected: “…”").
const RELATIVE_REPORT_WORDS: usize = 4;

/// Content that ends at a tag ("…, X said"): it starts after the last quotation before the tag;
/// `None` when that leaves nothing, or the content is itself quoted.
fn outside_quotes_tail(text: &str, c: Span, quotes: &[Span]) -> Option<Span> {
    let last = quotes
        .get(
            quotes
                .partition_point(|q| q.start < c.end)
                .checked_sub(1)
                .unwrap_or(usize::MAX),
        )
        .filter(|q| q.end > c.start)
        .map(|q| q.end);
    match last {
        None => Some(c),
        Some(e) if e < c.end => {
            let rest = text[e..c.end].trim_start_matches(|ch: char| {
                ch.is_whitespace() || matches!(ch, ',' | ';' | '—' | '–')
            });
            let start = c.end - rest.len();
            (start < c.end).then(|| Span::new(start, c.end))
        }
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Vec<(String, String, String)> {
        let doc = Document::new(t);
        find(&doc)
            .into_iter()
            .filter(|r| !r.quoted)
            .map(|r| {
                (
                    r.content.of(t).to_string(),
                    r.mention.map(|m| m.name).unwrap_or_default(),
                    r.cue.span.of(t).to_string(),
                )
            })
            .collect()
    }

    /// [`is_that`] is `with_fold(w, |f| f == "that")`: for the case variants of "that", with
    /// periods, and every char that is not ASCII in place of a letter or added.
    #[test]
    fn indirect004_is_that_as_its_fold() {
        let mut words: Vec<String> = ["that", "That", "THAT", "tHaT", "that.", "that..", "thats"]
            .map(String::from)
            .to_vec();
        words.extend(["", "tha", "hat", "thatt", "th-at", "that’", "’that"].map(String::from));
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            for k in 0..=4 {
                let mut w = String::from("that");
                w.insert(k, c);
                words.push(w.clone());
                if k < 4 {
                    w.remove(k + c.len_utf8());
                    words.push(w);
                }
            }
        }
        for w in &words {
            assert_eq!(super::is_that(w), with_fold(w, |f| f == "that"), "{w:?}");
        }
    }

    /// [`after_last_mark`] against the reading it replaced: `rmatch_indices` of the marks.
    #[test]
    fn indirect005_after_last_mark_as_rmatch_indices() {
        let naive = |head: &str, marks: &[char]| {
            let b = head.as_bytes();
            head.rmatch_indices(marks)
                .find(|&(k, _)| !crate::text::is_number_comma(b, k))
                .map(|(k, m)| k + m.len())
        };
        for head in [
            "",
            "voters who attended",
            "more than 250,000 Iowans",
            "1,2,",
            "He said: “we (the party) won”, and — then — 3,000 – Ó Ü Ý Ô x",
            "“a”",
            "é,Ý",
            "ends.",
            "what? no! 5,5",
        ] {
            for (set, chars) in [
                (&SUBJECT_MARKS, SUBJECT_MARKS.chars),
                (&CLAUSE_MARKS, CLAUSE_MARKS.chars),
            ] {
                for end in (0..=head.len()).filter(|&e| head.is_char_boundary(e)) {
                    let h = &head[..end];
                    assert_eq!(after_last_mark(h, set), naive(h, chars), "{h:?}");
                }
            }
        }
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
    fn indirect015_that_before_an_auxiliary_is_the_subject() {
        // PolNeAR train (paraphrased): "that" opens the content as its subject.
        let got = run("But lawyers and legal experts said that is highly unlikely.");
        assert_eq!(got[0].0, "that is highly unlikely");
        assert_eq!(got[0].2, "said");
        let got = run("Zuckoff said that was partly because the agency did not want it.");
        assert_eq!(
            got[0].0,
            "that was partly because the agency did not want it"
        );
        // A plural noun before "that" is no cue: no report.
        assert!(
            run("Voters went to the polls in Rust Belt states that have suffered job losses.")
                .is_empty()
        );
        // After "that", a phrase opens the clause even without a comma.
        assert_eq!(
            contents("Acme Steel says that in 2014 it paid $1.7 billion in income taxes."),
            ["in 2014 it paid $1.7 billion in income taxes"]
        );
        // The complementizer is still skipped before a clause of its own.
        assert_eq!(run("She said that he would run.")[0].0, "he would run");
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

    fn contents(t: &str) -> Vec<String> {
        run(t).into_iter().map(|r| r.0).collect()
    }

    /// [`run`] as arrays, which compare with arrays of `&str`: `[content, speaker, cue]`.
    fn reports(t: &str) -> Vec<[String; 3]> {
        run(t).into_iter().map(|(c, s, k)| [c, s, k]).collect()
    }

    #[test]
    fn indirect050_that_after_a_place_or_time() {
        assert_eq!(
            contents("Jane Roe said at a rally in Texas on Saturday that the border should close."),
            ["the border should close"]
        );
        assert_eq!(
            contents("The senator told an audience at a festival in Houston last week that the comments were intolerable."),
            ["the comments were intolerable"]
        );
        assert_eq!(
            contents("Acme Auctions said in a statement Friday night they removed the item from the site."),
            ["they removed the item from the site"]
        );
    }

    #[test]
    fn indirect060_content_first_and_interrupted() {
        assert_eq!(
            contents("But he operates on a different principle, he said."),
            ["But he operates on a different principle"]
        );
        assert_eq!(
            contents(
                "The networks have been standing in the way, he said, by inventing a false picture."
            ),
            [
                "The networks have been standing in the way",
                "by inventing a false picture"
            ]
        );
    }

    #[test]
    fn indirect070_subjects_without_names() {
        assert_eq!(
            run("Two in three said they are less likely to vote Democratic in the fall.")[0].1,
            "Two in three"
        );
        assert_eq!(
            run(
                "In Virginia, 85 percent of Democrats said the economic system favors the wealthy."
            )[0]
            .1,
            "85 percent of Democrats"
        );
        assert_eq!(
            contents("Hawkins and others who want to ban abortion said the decision will make the choice starker."),
            ["the decision will make the choice starker"]
        );
    }

    #[test]
    fn indirect080_sentences_with_quotes() {
        // Content before the quote's own clause is reported speech.
        assert_eq!(
            contents("Sen. Jane Roe said the tax plan would give money to immigrants, and called him “the leading proponent.”"),
            ["the tax plan would give money to immigrants"]
        );
        assert_eq!(
            contents("Jane Roe, who calls him a “sociopath,” said she does not believe the effort requires an alternative."),
            ["she does not believe the effort requires an alternative"]
        );
    }

    #[test]
    fn indirect090_objects_and_adverbials_are_not_content() {
        for t in [
            "The United States had warned Iran of a possible attack before two bombings that killed dozens.",
            "An estimated 200 officers were assigned to the parade.",
            "The actress said as she accepted her award.",
            "Within hours of being posted online, the video was everywhere.",
        ] {
            assert!(contents(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn indirect100_a_contrasting_clause_is_the_writers() {
        assert_eq!(
            contents("The US warned Moscow that militants were determined to attack, but Putin rejected the warning."),
            ["militants were determined to attack", "the warning"]
        );
    }

    #[test]
    fn indirect110_stance_objects() {
        // The verbs whose object is what their subject holds (PolNeAR's annotators mark these).
        for (t, want) in [
            ("Christie endorsed Trump last week.", "Trump last week"),
            ("Former state senator Jane Roe called for the impeachment of the attorney general.", "the impeachment of the attorney general"),
            ("Sen. Jane Roe defended his call to raise the minimum wage, saying the economy needs it.", "his call to raise the minimum wage"),
            ("A Morning Consult poll found that he would draw support from Clinton.", "he would draw support from Clinton"),
            ("FEC records from the 2008 cycle show he backed both McCain and Giuliani.", "he backed both McCain and Giuliani"),
            ("The senator declined to say whether it was a violation of the rules.", "to say whether it was a violation of the rules"),
            ("A branch of the group claimed responsibility for an attack that left 40 people dead.", "responsibility for an attack that left 40 people dead"),
        ] {
            assert_eq!(contents(t).first().map(String::as_str), Some(want), "{t}");
        }
        // A pronoun or a quantity alone is no content.
        assert!(contents("The governor criticized him.").is_empty());
        assert!(contents("The mayor has promised much.").is_empty());
    }

    #[test]
    fn indirect111_stance_objects_of_plans_wishes_and_announcements() {
        // PolNeAR train (paraphrased): verbs of announcing, wanting, planning and backing whose
        // object the annotators marked as their subject's content.
        for (t, want) in [
            (
                "She expressed concern about the pace of the investigation.",
                "concern about the pace of the investigation",
            ),
            (
                "The governor proposed a new tax on carbon emissions.",
                "a new tax on carbon emissions",
            ),
            (
                "Sanders wants to raise the minimum wage to $15 an hour.",
                "to raise the minimum wage to $15 an hour",
            ),
            (
                "The campaign announced a small ad buy in Nevada.",
                "a small ad buy in Nevada",
            ),
            (
                "Most Republicans supported the compromise on the budget.",
                "the compromise on the budget",
            ),
            (
                "Cruz plans to campaign in Iowa next week.",
                "to campaign in Iowa next week",
            ),
            (
                "The senator described the dire situation facing the campaign.",
                "the dire situation facing the campaign",
            ),
            (
                "Clinton talked about her plan to expand child care.",
                "her plan to expand child care",
            ),
        ] {
            assert_eq!(contents(t).first().map(String::as_str), Some(want), "{t}");
        }
        // The bare stem is an infinitive or a noun, not a stance: "to support", "their support".
        assert!(contents("Their support for the bill is tepid.").is_empty());
    }

    #[test]
    fn indirect112_a_report_whose_subject_is_no_speaker_we_read() {
        // PolNeAR train (paraphrased): a subject too long or too vague to name still reports
        // its clause; the report has no speaker rather than a wrong one.
        let t = "Large majorities of Republican primary voters in the six states going to the polls on Tuesday said they support a proposal to ban all non-citizens from entering the country.";
        assert_eq!(
            run(t),
            [(
                "they support a proposal to ban all non-citizens from entering the country".into(),
                String::new(),
                "said".into()
            )]
        );
        // A stance verb's object, likewise (its present tense is too often a noun to read).
        let t = "Two Republican senators in tight reelection races this fall and facing pressure at home endorsed the compromise led by Sen. Susan Collins.";
        assert_eq!(contents(t), ["the compromise led by Sen. Susan Collins"]);
        // A tag after a quote names its speaker after the cue: no report of "Biden, who …".
        assert!(
            run("“We will win this state,” said Biden, who served as a senator for 36 years.")
                .is_empty()
        );
    }

    #[test]
    fn indirect120_participles_take_the_clause_subject() {
        let got = run("Marco Rubio flipped his choice on the spot, saying he was rooting for the Broncos now.");
        assert_eq!(got[0].0, "he was rooting for the Broncos now");
        assert_eq!(got[0].1, "Marco Rubio");
        let got = run("“It is a heated campaign mood,” said Poe, suggesting that the next races will be quieter.");
        assert_eq!(
            got.last().map(|r| (r.0.as_str(), r.1.as_str())),
            Some(("the next races will be quieter", "Poe"))
        );
    }

    #[test]
    fn indirect125_participles_without_a_comma_or_a_subject() {
        // PolNeAR train (paraphrased): a participle of saying after a noun reports its clause;
        // it has no clause subject to take, so no speaker.
        let got = run("The ad comes as 52 percent of Irish Americans are saying they will surely back Roe over Doe.");
        assert_eq!(
            got,
            [(
                "they will surely back Roe over Doe".into(),
                String::new(),
                "saying".into()
            )]
        );
        // After a comma, a subject interrupted by a phrase of its own is not read: the report
        // stands without a speaker.
        let got = run("Mr. Doe, in an interview on Monday, barely lingered on those three rivals, saying that he was already thinking ahead.");
        assert_eq!(got[0].0, "he was already thinking ahead");
    }

    #[test]
    fn indirect130_according_to_a_described_source() {
        // PolNeAR train (paraphrased).
        let got = run("According to a newly released poll from Lakeview State University aired on WXYZ, Jane Roe leads the field by 12 points.");
        assert_eq!(got[0].0, "Jane Roe leads the field by 12 points");
        assert_eq!(
            got[0].1,
            "newly released poll from Lakeview State University aired on WXYZ"
        );
    }

    #[test]
    fn indirect135_according_to_inside_and_after_its_content() {
        // PolNeAR train (paraphrased): the source interrupts the content.
        let got = run(
            "The suggestion, according to the Doe aide, is that Roe cheated during the recess.",
        );
        assert_eq!(got[0].0, "The suggestion");
        assert_eq!(got[1].0, "is that Roe cheated during the recess");
        assert_eq!(got[1].1, "Doe aide");
        // Nor is what a colon ends before it.
        let got = run("And it has not been missed: According to recent polls, Doe holds just 12 percent of the youth vote.");
        assert_eq!(got[0].0, "Doe holds just 12 percent of the youth vote");
        // A conjunction before it is no content.
        let got =
            run("But according to interviews with his aides, he wants to campaign this fall.");
        assert_eq!(got[0].0, "he wants to campaign this fall");
        // A report already read is itself what the source tells.
        let got =
            run("The governor told her that it was not so easy, according to an account she gave.");
        assert!(
            got.iter()
                .any(|r| r.0 == "The governor told her that it was not so easy"),
            "{got:?}"
        );
        // An appositive after the source is not content.
        let got =
            run("Sales fell by a third, according to John Doe, an analyst at Acme Research Group.");
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn indirect139_and_he_added_is_a_report_of_its_own() {
        // PolNeAR train (paraphrased): the first report ends where a coordinated one begins.
        let t = "John Doe, a former governor of Ohio, said the charity should be closed if she won, and he added that it should stop accepting foreign gifts now.";
        assert_eq!(
            contents(t),
            [
                "the charity should be closed if she won",
                "it should stop accepting foreign gifts now"
            ]
        );
    }

    #[test]
    fn indirect137_a_time_or_place_after_a_closing_tag() {
        // PolNeAR train (paraphrased): the tag ends with where it was said, not a clause.
        let got = run("His allegiance has shifted from Fiorina to Rubio to Cruz, Wilkin said during his speech.");
        assert_eq!(
            got[0].0,
            "His allegiance has shifted from Fiorina to Rubio to Cruz"
        );
        assert_eq!(got[0].1, "Wilkin");
    }

    #[test]
    fn indirect138_while_others_said_is_a_report_of_its_own() {
        // PolNeAR train (paraphrased).
        let got = run("After the rally, several fans said the former governor had made a strong case, while other voters said they had not heard enough.");
        assert_eq!(got[0].0, "the former governor had made a strong case");
        assert_eq!(got[1].0, "they had not heard enough");
        assert_eq!(got[1].1, "voters");
    }

    #[test]
    fn indirect141_a_new_subject_or_a_semicolon_opens_a_report_of_its_own() {
        // PolNeAR train (paraphrased).
        let got = run("Trying to convince voters that he shares the anger in many towns, Doe said he meets with parents of young victims.");
        let last = got.last().unwrap();
        assert_eq!(last.0, "he meets with parents of young victims");
        assert_eq!(last.1, "Doe");
        let got = run("More than five in 10 said they were not looking forward to the debates; 41 percent said they were unexcited about the race.");
        assert_eq!(got[0].0, "they were not looking forward to the debates");
        assert_eq!(got[1].0, "they were unexcited about the race");
    }

    #[test]
    fn indirect142_what_evidence_shows() {
        // PolNeAR train (paraphrased): a singular noun of evidence before its verb of finding,
        // and "that" before a clause whose verb the clause test does not know.
        let got = run("One poll shows Jane Roe 11 points ahead of Doe in Ohio.");
        assert_eq!(got[0].0, "Jane Roe 11 points ahead of Doe in Ohio");
        assert_eq!(got[0].1, "poll");
        let got = run("The poll shows that Trump leads in Ohio by five points.");
        assert_eq!(got[0].0, "Trump leads in Ohio by five points");
        let got = run("A new study found that voters prefer Trump in Ohio.");
        assert_eq!(got[0].0, "voters prefer Trump in Ohio");
        // "… and said that …": a second report of the same speaker.
        let got = run("Mr. Doe rejected the notion that the moves amounted to a purge and said that Mr. Poe was not being sidelined.");
        assert_eq!(got[0].0, "the notion that the moves amounted to a purge");
        assert_eq!(got[1].0, "Mr. Poe was not being sidelined");
        assert_eq!(got[1].1, "Doe");
        let got =
            run("She said she had talked with Doe twice but said neither Doe nor Poe had a part.");
        assert_eq!(got[0].0, "she had talked with Doe twice");
        assert_eq!(got[1].0, "neither Doe nor Poe had a part");
        assert_eq!(got[1].1, "She");
        // A long described source that opens the sentence.
        let got = run("According to early results of exit polls carried out for two wire services and cable networks by Acme Research, at least 7 in 10 voters in each county feel bad about the government.");
        assert_eq!(
            got[0].0,
            "at least 7 in 10 voters in each county feel bad about the government"
        );
        assert!(got[0].1.starts_with("early results of exit polls"));
        // "made" with a noun of saying.
        let got = run("Some Democrats made clear that they would like to see her change course.");
        assert_eq!(got[0].0, "they would like to see her change course");
        assert_eq!(got[0].2, "made clear");
        let got = run(
            "Obama privately made the case to progressive leaders that he did not sell them out.",
        );
        assert_eq!(got[0].0, "he did not sell them out");
        assert!(run("He made the bed before leaving for the airport.").is_empty());
        assert!(run("The director makes this clear in her new documentary.").is_empty());
        // "sought", an irregular past, takes its object as "seeks" does.
        let got = run("President Obama has sought Republican suggestions on the nominee.");
        assert_eq!(got[0].0, "Republican suggestions on the nominee");
        // "Asked why …, X said …" in any sentence of a paragraph, then the rest of it.
        let got = run("Mr. Doe supports free transit. Asked why he had not yet endorsed Roe during a stop on Tuesday, Doe said he was waiting.");
        assert_eq!(
            got[1].0,
            "why he had not yet endorsed Roe during a stop on Tuesday"
        );
        assert_eq!(got[2].0, "he was waiting");
        assert_eq!(got[2].1, "Doe");
        // "asked X to …": the listener is part of what is asked.
        let got = run("Elias has asked the Supreme Court to intervene in the case.");
        assert_eq!(got[0].0, "the Supreme Court to intervene in the case");
        // A relative clause's predicate, reported by the speaker after the relative pronoun.
        let got = run("The county drew 40 applicants for delegate seats, which he said were roughly evenly split between Roe and Doe.");
        assert_eq!(got[0].0, "were roughly evenly split between Roe and Doe");
        // A long opening phrase before the clause of content that a tag closes.
        let got = run("In a year when arguments against big spending are resonating, candidates have more room to back away from the plan, said John Doe, an Ohio operative.");
        assert_eq!(got[0].1, "John Doe");
        assert!(got[0].0.starts_with("In a year when"));
        // Evidence named after its content, and before it in an opening phrase.
        let got =
            run("House races in Iowa and Maine are all tight, a Lakeview University poll shows.");
        assert_eq!(got[0].0, "House races in Iowa and Maine are all tight");
        assert_eq!(got[0].1, "Lakeview University poll");
        let got = run("In the new Morning Consult poll, conducted March 11-13, 40 percent of likely Democratic voters back Sanders.");
        assert_eq!(
            got[0].0,
            "40 percent of likely Democratic voters back Sanders"
        );
        assert_eq!(got[0].1, "new Morning Consult poll");
        assert!(
            run("In the new building, the workers back the union by a wide margin.").is_empty()
        );
    }

    #[test]
    fn indirect143_verbs_of_saying_report_what_the_clause_test_cannot_read() {
        // PolNeAR train (paraphrased): a finite verb of saying or belief reports its content
        // though the content has no verb the clause test knows.
        let got = run("The Times reported Mr. Trump's plan to visit the border next month.");
        assert_eq!(got[0].0, "Mr. Trump's plan to visit the border next month");
        assert_eq!(got[0].1, "Times");
        let got = run("He pointed out the seven-point gap in the latest polls.");
        assert_eq!(got[0].0, "the seven-point gap in the latest polls");
        // An ambiguous present tense after a name is a verb.
        let got = run("Meanwhile Clinton hopes to win the state by a wide margin in November.");
        assert_eq!(got[0].0, "to win the state by a wide margin in November");
        assert!(run("Her hopes of a wide margin in November are fading.").is_empty());
        // The stem after a plural subject.
        let got =
            run("But some Republican strategists fear that Roe has already missed a rare opening.");
        assert_eq!(got[0].0, "Roe has already missed a rare opening");
        // A progressive is a finite verb whose subject stands before the auxiliary.
        let got = run(
            "A major climate group is demanding that the candidates make clean energy a priority.",
        );
        assert_eq!(got[0].0, "the candidates make clean energy a priority");
        assert_eq!(got[0].1, "major climate group");
        let got = run("Clinton was arguing that the plan would cost too much.");
        assert_eq!(got[0].1, "Clinton");
        // Not a verb whose object is a thing it made.
        assert!(run("She wrote a book about her years in the Senate.").is_empty());
        assert!(run("He posted a video of the rally on Facebook.").is_empty());
    }

    #[test]
    fn indirect155_transcript_paragraphs() {
        // PolNeAR train (paraphrased): an interview printed as a transcript.
        let t = "Q: Did anyone help you after that?\n\nA: No, no one did. No one checked up on me.\n\nROE: Frankly, I really think that this is the hardest job in the country.\n\nCORRECTION: An earlier version misstated a date.\n";
        let got = run(t);
        let got: Vec<(&str, &str)> = got.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Did anyone help you after that", ""),
                ("No, no one did. No one checked up on me", ""),
                (
                    "Frankly, I really think that this is the hardest job in the country",
                    "ROE"
                ),
            ]
        );
    }

    #[test]
    fn indirect150_headlines_name_their_source_before_a_colon() {
        assert_eq!(
            run("Graham: Trump’s Hateful Rhetoric Destroying GOP’s Chance to Win.\n\nThe senator spoke on Thursday."),
            [("Trump’s Hateful Rhetoric Destroying GOP’s Chance to Win".into(), "Graham".into(), ":".into())]
        );
        // A label or a time is no source.
        assert!(run("Update: The Senate Voted on the Bill Tonight.").is_empty());
        assert!(run("7:05 p.m. The polls closed in Virginia.").is_empty());
    }

    #[test]
    fn indirect160_speakers_read_through_titles_coordination_and_modifiers() {
        // A title before the speaker's name does not hide the comma before it.
        assert_eq!(
            run("Some of the staff were not happy with her style, Ms. Roe said.")[0].1,
            "Roe"
        );
        // A second verb of the clause shares its subject.
        let got = run("In his address, Doe cast Roe as the best prepared person ever to seek the office and said his former chief of staff would finish the work.");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("his former chief of staff would finish the work", "Doe")
        );
        // A participle after its noun modifies the subject.
        assert_eq!(
            run("People briefed on the shift said that it showed turmoil in the campaign.")[0].1,
            "People briefed on the shift"
        );
        // The opening phrase before a long appositive.
        assert_eq!(
            run("The worker of almost five years, a registered Democrat who spoke on the condition of anonymity, said she was laid off last year.")[0].1,
            "worker of almost five years"
        );
    }

    #[test]
    fn indirect170_relative_pronouns_abbreviations_and_but() {
        // "who" speaks for the phrase it follows.
        assert_eq!(
            run("He was faulted by Jane Roe and John Doe, who say the first-term senator lacks the background.")[0].1,
            "John Doe"
        );
        // "U.S." ends a sentence before "He": the next sentence's quote is not this content's.
        let t = "Poe says Doe is trying to hide his lack of a plan for the U.S. He says voters don’t need any more “sermons.”";
        assert_eq!(
            contents(t),
            ["Doe is trying to hide his lack of a plan for the U.S"]
        );
        // ", but" goes on with the speaker's words unless a new subject is named.
        assert_eq!(
            contents("Ortega said that she hired Lindqvist for the post, but hasn’t settled what she’ll take on next."),
            ["she hired Lindqvist for the post, but hasn’t settled what she’ll take on next"]
        );
    }

    #[test]
    fn indirect180_questions_title_headlines_and_told_after() {
        // The question put to the main clause's speaker.
        let got = run("Asked about Cruz’s charges, Rubio said that the plan was fair to everyone.");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("about Cruz’s charges", "Rubio")
        );
        // A headline in title case with "Says".
        assert_eq!(
            run("Roe Says We Must Learn From The Past In Foreign Policy\n\nThe former senator spoke.")[0],
            ("We Must Learn From The Past In Foreign Policy".into(), "Roe".into(), "Says".into())
        );
        // "…, he told the court in his filing": the content comes first.
        assert_eq!(
            contents(
                "Ohio was only doing what 30 states already do, he told the judge in his brief."
            ),
            ["Ohio was only doing what 30 states already do"]
        );
    }

    #[test]
    fn indirect190_a_stance_stem_after_a_modal_or_a_plural_subject() {
        // PolNeAR train, paraphrased: the stem in a verb position takes its object.
        assert_eq!(
            run("His opponent, Rep. Alan Grayson, would support the later school start times."),
            [(
                "the later school start times".to_string(),
                "Alan Grayson".to_string(),
                "support".to_string()
            )]
        );
        assert_eq!(
            contents("Most voters support a temporary ban on new arrivals."),
            ["a temporary ban on new arrivals"]
        );
        // Before "to" the stem is left alone ("didn't want to give" is no report), but for
        // "want", a wish (PolNeAR train: 10 fixed, 5 wrong); not in a relative clause, whose
        // content would run into the sentence's own verb.
        assert_eq!(
            contents("Most candidates want to win over the viewers of the game."),
            ["to win over the viewers of the game"]
        );
        assert_eq!(
            contents("Most candidates support to win over the viewers of the game."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn indirect191_the_main_verb_after_a_relative_report() {
        // PolNeAR train: the relative clause's content ends at ", said he …", and the main
        // verb's report has the relative's speaker.
        assert_eq!(
            run("Poe, who said the deal was reviewed by his firm's lawyers, said he knew of no such disputes."),
            [
                (
                    "the deal was reviewed by his firm's lawyers".to_string(),
                    "Poe".to_string(),
                    "said".to_string()
                ),
                (
                    "he knew of no such disputes".to_string(),
                    "Poe".to_string(),
                    "said".to_string()
                )
            ]
        );
    }

    #[test]
    fn indirect192_as_the_source_reported_opens_the_sentence() {
        // PolNeAR train, paraphrased: "As X reported," then the content after the comma.
        let t =
            "Intro.\n\nAs The Hill reported, John Doe was also accused of bending debate rules.";
        assert_eq!(
            run(t),
            [(
                "John Doe was also accused of bending debate rules".to_string(),
                "Hill".to_string(),
                "reported".to_string()
            )]
        );
        assert_eq!(
            contents("Intro.\n\n(As the Daily Ledger first reported, Mr. Doe voiced support for the plan in 2004.)"),
            ["Mr. Doe voiced support for the plan in 2004"]
        );
        assert_eq!(
            contents("Intro.\n\nAnd, as the Daily Ledger noted, Roe raised more than $2 million from the sector."),
            ["Roe raised more than $2 million from the sector"]
        );
        assert_eq!(
            contents("Intro.\n\nEmployees can still get in trouble, and as Comey noted, people involved in the case could face sanctions."),
            ["people involved in the case could face sanctions"]
        );
        // "at least six" opening the content is a quantity.
        assert_eq!(
            contents("Intro.\n\nCNN reported at least six planes filled the skies with messages."),
            ["at least six planes filled the skies with messages"]
        );
    }

    #[test]
    fn indirect193_an_adverb_in_ly_between_the_speaker_and_the_verb() {
        // PolNeAR train: "Clinton was quietly arguing", "Trump notably made no mention".
        let names = |t: &str| -> Vec<String> { run(t).into_iter().map(|r| r.1).collect() };
        assert_eq!(
            names("Clinton was quietly arguing that the plan would fail."),
            ["Clinton"]
        );
        assert_eq!(
            names("Trump notably made no mention of the wall."),
            ["Trump"]
        );
        // A noun in "-ly" is the subject: "The family said".
        assert_eq!(names("The family said the plan would fail."), ["family"]);
    }

    #[test]
    fn indirect194_states_is_a_noun_after_a_name_or_a_number() {
        // PolNeAR train: "Rust Belt states have suffered", "Southern states that will hold …".
        assert_eq!(
            contents("Rust Belt states have suffered from the loss of good manufacturing jobs."),
            Vec::<String>::new()
        );
        assert_eq!(
            contents(
                "Southern states that will hold contests March 1 have large minority populations."
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            contents("It states that judges should not rule on the case too close to the vote."),
            ["judges should not rule on the case too close to the vote"]
        );
    }

    #[test]
    fn indirect195_time_phrases_and_quantities_around_the_content() {
        // PolNeAR train, paraphrased: "for weeks", "from the start" before the content; "about
        // half" opening it is a quantity, not a preposition.
        assert_eq!(
            contents("Cruz has said for weeks he is the only candidate who can beat Trump."),
            ["he is the only candidate who can beat Trump"]
        );
        assert_eq!(
            contents(
                "But he has said from the outset that he will make sure that Canada pays for the bridge."
            ),
            ["he will make sure that Canada pays for the bridge"]
        );
        assert_eq!(
            contents(
                "The budget office said about half of the adjustment reflected revenue losses."
            ),
            ["about half of the adjustment reflected revenue losses"]
        );
    }

    #[test]
    fn indirect196_a_relative_clause_that_reports_a_quote_ends_the_content() {
        // PolNeAR train (paraphrased): the content ends before ", which he called “…”".
        let t = "Doe said he has backed a bill that would go after licensing boards, which he called “a cartel for the trades.”";
        assert_eq!(
            contents(t),
            ["he has backed a bill that would go after licensing boards"]
        );
    }

    #[test]
    fn indirect197_seeing_an_object_as_something_is_an_opinion() {
        // PolNeAR train, paraphrased.
        assert_eq!(
            run("Republican voters in all three states see Roe as the candidate with the best shot at winning."),
            [(
                "Roe as the candidate with the best shot at winning".to_string(),
                "Republican voters in all three states".to_string(),
                "see".to_string()
            )]
        );
        assert_eq!(
            contents("She spoke up because she sees him as a real threat."),
            ["him as a real threat"]
        );
        // Not an infinitive, not a quoted judgement.
        assert_eq!(
            contents("They hope to see him as a nominee."),
            Vec::<String>::new()
        );
        // "call" with a pronoun and the name given, no quotation marks.
        assert_eq!(
            contents("Sanders called her fallen son her hero."),
            ["her fallen son her hero"]
        );
        assert_eq!(
            contents("He called her back on Tuesday."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn indirect198_a_second_predicate_and_pledged_delegates_are_no_content() {
        // PolNeAR train, paraphrased.
        assert_eq!(
            contents("A heckler shouted and held up a sign that was quickly torn away."),
            Vec::<String>::new()
        );
        assert_eq!(
            contents("Intro.\n\n“I'm sorry,” I said and laughed, for the first time in days."),
            Vec::<String>::new()
        );
        assert_eq!(
            contents("Clinton leads Sanders by 271 pledged delegates as the season ends."),
            Vec::<String>::new()
        );
        // "said … and that …" still goes on with the speaker's words.
        assert_eq!(
            contents("Rubio said he would stay and that he would try again."),
            ["he would stay and that he would try again"]
        );
    }

    #[test]
    fn indirect199_an_inverted_tag_after_a_long_content() {
        // PolNeAR train: no speaker is made of the content's opening words when the speaker
        // follows "said".
        assert_eq!(
            run("Cruz lacks support from his colleagues in Congress, whom he has alienated, said Larry Sabato, director of the center."),
            [(
                "Cruz lacks support from his colleagues in Congress, whom he has alienated"
                    .to_string(),
                "Larry Sabato".to_string(),
                "said".to_string()
            )]
        );
    }

    #[test]
    fn indirect200_an_audience_after_told_is_no_content() {
        // PolNeAR train, paraphrased: what "told" takes without a clause is its listener.
        assert_eq!(
            contents("Intro.\n\nHe told a crowd in Berea, Ohio on Tuesday night."),
            Vec::<String>::new()
        );
        assert_eq!(
            contents("Intro.\n\nRoe told a full session of the state assembly on Tuesday."),
            Vec::<String>::new()
        );
        // A clause after the listener is still the content.
        assert_eq!(
            contents("Intro.\n\nKasich told a crowd in Berea that he would win Ohio."),
            ["he would win Ohio"]
        );
    }

    #[test]
    fn indirect201_capitalized_pronouns_and_a_second_verb_of_saying_before_that() {
        // PolNeAR train, paraphrased: "He hopes …", "They fear …" open sentences.
        assert_eq!(
            contents("Intro.\n\nHe hopes to win the state next week."),
            ["to win the state next week"]
        );
        assert_eq!(
            contents("Intro.\n\nThey fear the plan will fail in the Senate."),
            ["the plan will fail in the Senate"]
        );
        // "… and warn that …" opens a second report of the same speaker.
        assert_eq!(
            run("Intro.\n\nSome strategists fear that Clinton has missed a chance and warn that counting on those votes is risky."),
            [
                (
                    "Clinton has missed a chance".to_string(),
                    "strategists".to_string(),
                    "fear".to_string()
                ),
                (
                    "counting on those votes is risky".to_string(),
                    "strategists".to_string(),
                    "warn".to_string()
                )
            ]
        );
    }

    #[test]
    fn indirect202_and_argued_opens_a_second_report() {
        // PolNeAR train (paraphrased): "claimed momentum and argued he is …".
        assert_eq!(
            contents(
                "Intro.\n\nDoe claimed momentum and argued he is a better candidate than Roe."
            ),
            ["momentum", "he is a better candidate than Roe"]
        );
    }

    #[test]
    fn indirect203_a_stem_before_the_subject_of_its_clause() {
        // PolNeAR train, paraphrased: a capitalized plural subject, and a pronoun or a name
        // opening the object clause.
        assert_eq!(
            run("Intro.\n\nRepublicans hope they will be able to win the seats they need."),
            [(
                "they will be able to win the seats they need".to_string(),
                "Republicans".to_string(),
                "hope".to_string()
            )]
        );
        assert_eq!(
            contents("Intro.\n\nMany fear Trump will feed insecurity in the region."),
            ["Trump will feed insecurity in the region"]
        );
        assert_eq!(
            contents("Intro.\n\nStrategists hope the efforts will help their candidates."),
            ["the efforts will help their candidates"]
        );
        assert_eq!(
            contents("Intro.\n\nSanders calls himself a democratic socialist."),
            ["himself a democratic socialist"]
        );
        // "would like to": a wish (PolNeAR train: 7 fixed, 1 broken); "like" alone is no cue.
        assert_eq!(
            contents("Intro.\n\nThe White House would like to make the election a battle about competence."),
            ["to make the election a battle about competence"]
        );
        assert_eq!(
            contents("Intro.\n\nVoters like to see a fighter."),
            Vec::<String>::new()
        );
        // "is eager to", "was hopeful that": adjectives of stance after "be".
        assert_eq!(
            contents("Intro.\n\nSanders is eager to debate Clinton in Brooklyn."),
            ["to debate Clinton in Brooklyn"]
        );
        assert_eq!(
            contents("Intro.\n\nThe eager crowd waited."),
            Vec::<String>::new()
        );
        // A noun after a determiner stays a noun.
        assert_eq!(
            contents("Intro.\n\nThe hope they will win is fading."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn indirect204_verbs_of_judging_take_their_object() {
        // PolNeAR train, paraphrased: "He denounced the United Nations …", "Democrats assailed
        // Portman …", "She thanked the voters of Iowa …".
        assert_eq!(
            run("Intro.\n\nHe denounced the United Nations for its vote."),
            [(
                "the United Nations for its vote".to_string(),
                "He".to_string(),
                "denounced".to_string()
            )]
        );
        assert_eq!(
            contents("Intro.\n\nSanders thanked the voters of Iowa on Monday night."),
            ["the voters of Iowa on Monday night"]
        );
        assert_eq!(
            contents("Intro.\n\nThe governor requested a recount in two counties."),
            ["a recount in two counties"]
        );
        // A noun of the same word is no cue.
        assert_eq!(
            contents("Intro.\n\nThe request was denied."),
            Vec::<String>::new()
        );
        // "issued a statement", "deemed the plan a failure", "railed against the deal".
        assert_eq!(
            contents("Intro.\n\nThe campaign issued a statement on Friday."),
            ["a statement on Friday"]
        );
        assert_eq!(
            contents("Intro.\n\nCritics deemed the plan a failure."),
            ["the plan a failure"]
        );
        assert_eq!(
            contents("Intro.\n\nSanders railed against the trade deal in Michigan."),
            ["the trade deal in Michigan"]
        );
        // "the issues that matter": a noun.
        assert_eq!(
            contents("Intro.\n\nVoters care about the issues that matter to them."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn indirect205_a_stance_verb_after_a_tag() {
        // PolNeAR train, paraphrased.
        assert_eq!(
            run("Intro.\n\nHis wife, he says, plans to vote for Trump."),
            [
                ("His wife".to_string(), "he".to_string(), "says".to_string()),
                (
                    "plans to vote for Trump".to_string(),
                    "he".to_string(),
                    "says".to_string()
                )
            ]
        );
    }

    #[test]
    fn indirect206_a_second_report_after_and() {
        // PolNeAR train, paraphrased.
        assert_eq!(
            contents("Intro.\n\nDoe has described himself as pro-business and has said that he would appoint conservative judges."),
            ["himself as pro-business", "he would appoint conservative judges"]
        );
        assert_eq!(
            contents("Intro.\n\nOne in three said the party does not care about Latinos and one in four said the party was hostile to them."),
            ["the party does not care about Latinos", "the party was hostile to them"]
        );
    }

    #[test]
    fn indirect207_an_adverb_before_a_participle() {
        // PolNeAR train, paraphrased.
        assert_eq!(
            run("Intro.\n\nTrump has raised questions about Obama's birthplace, falsely suggesting that Obama was born abroad."),
            [(
                "Obama was born abroad".to_string(),
                "Trump".to_string(),
                "suggesting".to_string()
            )]
        );
    }

    #[test]
    fn indirect209_a_numbers_comma_opens_no_subject() {
        // PolNeAR train, paraphrased.
        assert_eq!(
            contents("Intro.\n\nDespite mixed polls, more than 180,000 Ohioans are expected to attend rallies on Tuesday night."),
            ["more than 180,000 Ohioans", "to attend rallies on Tuesday night"]
        );
        assert_eq!(
            run("Intro.\n\nIn the end, 250,000 voters said they would stay home."),
            [(
                "they would stay home".to_string(),
                "250,000 voters".to_string(),
                "said".to_string()
            )]
        );
    }

    #[test]
    fn indirect210_known_as_and_known_to_be() {
        // PolNeAR train, paraphrased: no speaker, like "seen as".
        assert_eq!(
            contents(
                "Intro.\n\nThe senator waved to a community known to be supportive of gay rights."
            ),
            ["to be supportive of gay rights"]
        );
        assert_eq!(
            contents("Intro.\n\nThe wins put them ahead in the group of contests known as Super Tuesday."),
            ["Super Tuesday"]
        );
    }

    #[test]
    fn indirect211_a_closing_tag_tells_the_whole_sentence() {
        // PolNeAR dev (breitbart, 2016-09-12), paraphrased: the tag that closes the sentence is
        // the source of all of it, not of the words after its last comma; reports read inside
        // the sentence give way to it.
        let cases = [
            (
                "Intro.\n\nBut a campaign aide decided to change course to avoid doctors, nurses or other workers who could leak details, a source said.",
                "But a campaign aide decided to change course to avoid doctors, nurses or other workers who could leak details",
                "source",
            ),
            (
                "Intro.\n\nProtocol called for the nominee to be taken to a trauma center, officials said.",
                "Protocol called for the nominee to be taken to a trauma center",
                "officials",
            ),
            (
                "Intro.\n\nClinton had told police that she did not want the escort, but the police overruled that request, the source added.",
                "Clinton had told police that she did not want the escort, but the police overruled that request",
                "source",
            ),
            (
                "Intro.\n\nSmith called for a recount in three states, said Larry Sabato.",
                "Smith called for a recount in three states",
                "Larry Sabato",
            ),
            // PolNeAR train (paraphrased): a speaker's appositive after the tag.
            (
                "Intro.\n\nAs the contest moves to Ohio, a state that she hoped to win by a wide margin, the vote will be close, said John Doe, director of Acme Speechwriters.",
                "As the contest moves to Ohio, a state that she hoped to win by a wide margin, the vote will be close",
                "John Doe",
            ),
            // A time and a place after the verb.
            (
                "Intro.\n\nSmith called for a recount in three states, Jones said Wednesday on MSNBC.",
                "Smith called for a recount in three states",
                "Jones",
            ),
        ];
        for (text, content, speaker) in cases {
            let got = run(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(
                (got[0].0.as_str(), got[0].1.as_str()),
                (content, speaker),
                "{text}"
            );
        }
        // Not a closing tag: a report of its own after "said".
        assert_eq!(
            contents("Intro.\n\nGov. John Kasich of Ohio, a Republican, said the family deserved better."),
            ["the family deserved better"]
        );
    }

    #[test]
    fn indirect212_an_interrupting_tag_after_a_bare_subject() {
        // PolNeAR train (nyt, 2016-09-06), paraphrased: "these people" names a group; the head
        // is only a subject, so the tail completes it however short.
        assert_eq!(
            reports("Intro.\n\nMrs. Roe, these people said, would be open to other steps."),
            [
                ["Mrs. Roe", "people", "said"],
                ["would be open to other steps", "people", "said"]
            ]
        );
        // PolNeAR train (breitbart, 2016-02-08): a two-word tail.
        assert_eq!(
            contents("Intro.\n\nThis campaign, he says, is different."),
            ["This campaign", "is different"]
        );
    }

    #[test]
    fn indirect213_wishes_and_support_of_a_share_of_voters() {
        // PolNeAR train, paraphrased: "want to" after a plural subject (10 fixed, 5 wrong); a
        // share of voters ("60 percent") before the stem, and a gerund's clause as its object.
        assert_eq!(
            reports("Intro.\n\nThey want to compromise on the budget."),
            [["to compromise on the budget", "They", "want"]]
        );
        assert_eq!(
            reports("Intro.\n\nIn Vermont, 60 percent support reducing the prison sentences for drug crimes."),
            [["reducing the prison sentences for drug crimes", "60 percent", "support"]]
        );
    }

    #[test]
    fn indirect214_a_poll_that_closes_the_sentence() {
        // PolNeAR train (politico, 2016-02-17), paraphrased: the poll is the source.
        assert_eq!(
            reports("Intro.\n\nCruz came in second in January polls."),
            [["Cruz came in second", "January polls", "in"]]
        );
        assert_eq!(
            reports("Intro.\n\nDoe moved from fourth to second in a more-recent survey from Lakeview State College."),
            [["Doe moved from fourth to second", "more-recent survey from Lakeview State College", "in"]]
        );
        // Not a poll's phrase: "in the polls there", a phrase with a verb.
        assert!(reports("Intro.\n\nTrump is in the lead in the polls there.").is_empty());
        assert!(reports("Intro.\n\nHe gained ground in polls that were taken early.").is_empty());
    }

    #[test]
    fn indirect215_a_stance_participle_after_a_comma() {
        // PolNeAR train, paraphrased: the participle's object is reported; its speaker is the
        // tag's ("he said, citing …"), or that of the sentence's last report (the moscow
        // corpus: "ISIS-K … has increasingly criticized Russia, accusing President Vladimir
        // Putin of oppressing Muslims").
        assert_eq!(
            reports("Intro.\n\n\u{201c}This is not a hard race,\u{201d} he said, citing the unpopularity of the rivals."),
            [["the unpopularity of the rivals", "he", "citing"]]
        );
        assert_eq!(
            reports("Intro.\n\nThe group has increasingly criticized Russia, accusing the president of oppressing Muslims."),
            [
                ["Russia", "group", "criticized"],
                ["the president of oppressing Muslims", "group", "accusing"]
            ]
        );
        // "supporting" mostly describes ("a bill supporting the troops"): no cue.
        assert!(reports("Intro.\n\nThe bill passed the House, supporting the troops.").is_empty());
    }

    #[test]
    fn indirect216_a_label_without_quotation_marks() {
        // PolNeAR train, paraphrased: "call" with no quotation after it reports its object
        // (12 fixed, 4 broken); not a name given nor a telephone call.
        assert_eq!(
            reports("Intro.\n\nAlastair Osman called him a loving and admirable person."),
            [[
                "him a loving and admirable person",
                "Alastair Osman",
                "called"
            ]]
        );
        assert!(reports("Intro.\n\nThey formed a new group called Citizens for Trump.").is_empty());
        assert!(reports("Intro.\n\nObama called them on it and left the room.").is_empty());
    }

    #[test]
    fn indirect208_that_as_the_objects_determiner() {
        // PolNeAR train, paraphrased: "Priebus rejected that idea".
        assert_eq!(
            contents("Intro.\n\nClinton rejected that idea."),
            ["that idea"]
        );
        // A clause after "that" is still read without it.
        assert_eq!(
            contents("Intro.\n\nClinton rejected that the plan would fail."),
            ["the plan would fail"]
        );
    }

    #[test]
    fn indirect141_raising_filter_passes_every_spelling() {
        for w in [
            "known",
            "seen",
            "regarded",
            "seem",
            "seems",
            "seemed",
            "appear",
            "appears",
            "appeared",
            "expected",
            "reportedly",
        ] {
            let cap = format!("{}{}", w[..1].to_uppercase(), &w[1..]);
            for v in [w.to_string(), cap, w.to_uppercase()] {
                assert!(may_be_raising(v.as_bytes(), 0), "{v}");
            }
        }
        for w in [
            "said",
            "seat",
            "Sean",
            "appl",
            "exp",
            "",
            "rep.",
            "seen"[..3].as_ref(),
        ] {
            assert!(!may_be_raising(w.as_bytes(), 0), "{w}");
        }
    }

    #[test]
    fn indirect140_raising_verbs_have_no_speaker() {
        let t = "In the last few weeks, the candidate with the larger-than-life style seemed to be losing ground.";
        let doc = Document::new(t);
        let got: Vec<(&str, bool)> = find(&doc)
            .iter()
            .map(|r| (r.content.of(t), r.mention.is_none()))
            .collect();
        assert_eq!(
            got,
            [
                ("the candidate with the larger-than-life style", true),
                ("to be losing ground", true)
            ]
        );
        assert_eq!(
            contents("It appears, though, that the game was not boring to everyone."),
            Vec::<String>::new()
        );
        assert_eq!(
            contents("It appears that the game was not boring to everyone."),
            ["the game was not boring to everyone"]
        );
        assert_eq!(
            contents("The birth of the child is expected to coincide with the conventions."),
            ["The birth of the child", "to coincide with the conventions"]
        );
        // Adverbs and modals after the raised subject are not part of it.
        assert_eq!(
            contents("He just can't seem to convince the voters."),
            ["He", "to convince the voters"]
        );
        // "expected" after an auxiliary and an adverb or "not"; "had been expected" (PolNeAR
        // train, paraphrased).
        assert_eq!(
            contents("Yellen is widely expected to lay the ground for a rate hike next week."),
            ["Yellen", "to lay the ground for a rate hike next week"]
        );
        assert_eq!(
            contents("Mrs. Clinton is not expected to pressure Mr. Sanders to quit the race."),
            ["Mrs. Clinton", "to pressure Mr. Sanders to quit the race"]
        );
        assert_eq!(
            contents("Roe had been expected to visit the statehouse as soon as next month."),
            ["Roe", "to visit the statehouse as soon as next month"]
        );
        assert_eq!(
            contents("Rubio and Murphy, expected to win, will face each other."),
            Vec::<String>::new()
        );
        // A number's comma does not end the phrase; "who is expected" is no report of the name
        // before it (PolNeAR train, paraphrased).
        assert_eq!(
            contents("The economy is expected to add another 200,000 jobs."),
            ["The economy", "to add another 200,000 jobs"]
        );
        assert_eq!(
            run("Romney, who is expected to deliver a forceful speech, arrived.")
                .into_iter()
                .filter(|r| !r.1.is_empty())
                .count(),
            0
        );
        // An adjective, a participle or "like" after "seemed"/"appeared" (PolNeAR train, paraphrased).
        assert_eq!(
            contents("Her supporters seemed equally unperturbed by the fuss."),
            ["Her supporters", "equally unperturbed by the fuss"]
        );
        assert_eq!(
            contents("Democrats, too, appeared headed for a long and spirited contest."),
            ["headed for a long and spirited contest"]
        );
        // A passive of opinion with no holder named: "seen as", "regarded as".
        assert_eq!(
            contents(
                "The super PAC targeted Ohio, a state seen as vital for the Stop Roe movement."
            ),
            ["a state", "vital for the Stop Roe movement"]
        );
        // After "it", a clause with no "that".
        assert_eq!(
            contents("For now, it appears he has little chance of winning the nomination."),
            ["he has little chance of winning the nomination"]
        );
        // "appeared" seen in person is no appearance of opinion; nor is a bare "seem".
        assert_eq!(
            contents("The governor appeared on Fox News with his wife."),
            Vec::<String>::new()
        );
        assert_eq!(
            contents("Local leaners seem enamored with the mayor."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn indirect040_sentences_with_quotes_are_left_to_quotes() {
        let t = "Watson said the US government had “shared this information.”";
        assert!(run(t).is_empty());
        // The clause is kept for the quote rules.
        let doc = Document::new(t);
        let got = find(&doc);
        assert_eq!(got.len(), 1);
        assert!(got[0].quoted);
        assert_eq!(got[0].mention.as_ref().unwrap().name, "Watson");
    }
}
