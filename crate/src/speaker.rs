//! Speaker phrases: reading who is named next to a cue ("White House spokesman John Kirby",
//! "Colin P. Clarke, a counterterrorism analyst at the Soufan Group", "the US embassy in Russia").
//!
//! The main type is [`Mention`]; [`before`] reads the phrase that ends at a cue, [`after`] the one
//! that follows an inverted cue ("…,” said X). Offsets are bytes.

use crate::document::Document;
use crate::lexicon::Classes;
use crate::span::Span;
use crate::text::{ahead, back, fold, is_capitalized, is_initial, with_fold};

/// How far a speaker phrase (with its appositive) is read from its cue, in bytes. Trade-off: a
/// longer appositive is cut, but reading never costs more than this per cue.
const PHRASE_REACH_BYTES: usize = 300;

/// What kind of thing names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionClass {
    /// A person's name, full or surname only: "Colin P. Clarke", "Cotton".
    Person,
    /// An institution or a description: "the US embassy in Russia", "a US official", "officials".
    Group,
    /// A pronoun: "he", "they".
    Pronoun,
}

/// One place where the text names a speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The words that name the speaker here (bytes): the name for a person, the phrase otherwise.
    pub span: Span,
    /// The name as written, without titles and determiners: "John Kirby", "US embassy in Russia".
    pub name: String,
    /// Role, from a title, a descriptor or an appositive: "counterterrorism analyst".
    pub role: Option<String>,
    /// Organisation, from a descriptor or an appositive: "Soufan Group".
    pub org: Option<String>,
    /// Person, group or pronoun.
    pub class: MentionClass,
}

/// A token of a region: a word or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Word(Span),
    Punct(Span, char),
}

thread_local! {
    /// The vector of the last [`Tokens`] dropped on this thread, for the next [`tokens`] to fill.
    static SPARE_TOKENS: std::cell::Cell<Vec<Tok>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The tokens of a region, in a vector that goes back to [`SPARE_TOKENS`] when dropped: the
/// phrase readers tokenise a region per cue, and reusing one vector saves a `malloc` and a `free`
/// each time. Trade-off: a thread keeps its largest token vector (a few KB) for good, and a
/// reader called while another holds its tokens allocates its own.
struct Tokens(Vec<Tok>);

impl std::ops::Deref for Tokens {
    type Target = [Tok];

    fn deref(&self) -> &[Tok] {
        &self.0
    }
}

impl Drop for Tokens {
    fn drop(&mut self) {
        let v = std::mem::take(&mut self.0);
        // Not after the thread's locals are gone: then the vector is freed.
        let _ = SPARE_TOKENS.try_with(|s| s.set(v));
    }
}

/// The words of `range` and the punctuation marks between them, in order.
fn tokens(doc: &Document, range: Span) -> Tokens {
    let text = doc.text;
    let ws = doc.words(range);
    // Words, and about as many marks: at most one allocation, none once the spare vector is
    // that large.
    let mut out = SPARE_TOKENS.take();
    out.clear();
    out.reserve(2 * ws.len() + 2);
    let mut at = range.start;
    for w in ws.iter() {
        // Most words follow one space: no mark to read, and the gap is not sliced or walked
        // (200 PolNeAR train articles in callgrind: about 0.5 M instructions).
        let gap = w.span.start - at;
        let one_space = gap == 1 && text.as_bytes()[at] == b' ';
        // A comma between digits is a number's ("250,000 voters"): no mark.
        let number = gap == 1 && crate::text::is_number_comma(text.as_bytes(), at);
        if gap > 0 && !one_space && !number {
            for (i, c) in text[at..w.span.start].char_indices() {
                if !c.is_whitespace() {
                    out.push(Tok::Punct(Span::new(at + i, at + i + c.len_utf8()), c));
                }
            }
        }
        out.push(Tok::Word(w.span));
        at = w.span.end;
    }
    for (i, c) in text[at..range.end].char_indices() {
        if !c.is_whitespace() {
            out.push(Tok::Punct(Span::new(at + i, at + i + c.len_utf8()), c));
        }
    }
    Tokens(out)
}

/// The word of a token, if it is one.
fn word<'t>(text: &'t str, t: Option<&Tok>) -> Option<&'t str> {
    match t {
        Some(Tok::Word(s)) => Some(s.of(text)),
        _ => None,
    }
}

/// Whether word `w`, as written, is on the word list `list` (a [`Classes`] bit).
fn on(w: &str, list: Classes) -> bool {
    Classes::of(w).has(list)
}

/// Whether [`fold`] of `w` ends in "-based" ("Washington-based"), folded on the stack and only
/// for a word whose last letters may fold to "based".
fn is_based(w: &str) -> bool {
    let t = crate::text::trim_periods(w.as_bytes());
    let tail = t.len() >= 5 && t[t.len() - 5..].eq_ignore_ascii_case(b"based");
    (tail || !w.is_ascii()) && with_fold(w, |f| f.ends_with("-based"))
}

/// Whether a word can be part of a name: capitalized, not a sentence-initial function word.
fn is_name_word(w: &str) -> bool {
    (is_capitalized(w) || w.starts_with("al-") || w.starts_with("el-"))
        && (!on(w, Classes::FUNCTION) || is_initial(w) || matches!(w, "Will" | "May"))
}

/// [`is_name_word`] of a word whose lists `c` the caller has read.
fn is_name_word_in(w: &str, c: Classes) -> bool {
    (is_capitalized(w) || w.starts_with("al-") || w.starts_with("el-"))
        && (!c.has(Classes::FUNCTION) || is_initial(w) || matches!(w, "Will" | "May"))
}

/// Most words in a described speaker read by [`described`] ("one Republican involved in the
/// planning", "a newly released poll from Lakeview State University aired on WXYZ").
/// Trade-off: a longer phrase is more often a speaker followed by words of the writer's own.
const DESCRIBED_MAX_WORDS: usize = 14;

/// The words from `start` up to the next comma, dash, parenthesis, quotation mark or the end of
/// the clause (`limit`), read as a described speaker when no name or role phrase reads there:
/// after a cue that certainly names its speaker next ("according to FEC filings", `“…,” said
/// the base chief known as Bob`). A group by description; `None` past
/// [`DESCRIBED_MAX_WORDS`] words or when it opens with a verb-like word.
pub fn described(doc: &Document, start: usize, limit: usize) -> Option<Mention> {
    let text = doc.text;
    let end = limit.min(ahead(text, start, PHRASE_REACH_BYTES)).max(start);
    let stop = text[start..end]
        .find([',', ';', '—', '–', '(', ':', '“', '"', '.', '?', '!'])
        .map_or(end, |i| start + i);
    let span = crate::text::trim(text, Span::new(start, stop))?;
    let ws = doc.words(span);
    let first = fold(ws.first()?.span.of(text));
    if ws.len() > DESCRIBED_MAX_WORDS
        || matches!(
            first.as_ref(),
            "that" | "to" | "in" | "on" | "at" | "of" | "by" | "for" | "with"
        )
        || crate::cue::classify(&first, None).is_some()
    {
        return None;
    }
    let det = usize::from(matches!(first.as_ref(), "the" | "a" | "an") && ws.len() > 1);
    Some(Mention {
        span,
        name: Span::new(ws[det].span.start, span.end).of(text).to_string(),
        role: None,
        org: None,
        class: MentionClass::Group,
    })
}

/// Lowercase words that describe a role noun ("senior administration official").
fn is_modifier(w: &str) -> bool {
    if is_capitalized(w) {
        return false;
    }
    let c = Classes::of(w);
    !c.has(Classes::FUNCTION)
        && !c.has(Classes::BETWEEN)
        && !with_fold(w, |f| f.ends_with("ed") || f.ends_with("ly"))
        && crate::cue::classify(w, None).is_none()
}

/// Reads the speaker phrase that ends just before byte `end` (a cue), looking no further back
/// than `floor`. Skips auxiliaries and time words ("Putin last week dismissed"), and an
/// appositive between commas ("Tom Cotton, an Arkansas Republican on …, called"). A phrase
/// right after a preposition is its object, not the cue's subject ("an attack in Iran claimed"):
/// none.
pub fn before(doc: &Document, floor: usize, end: usize) -> Option<Mention> {
    phrase_before(doc, floor, end, false)
}

/// The phrase a relative pronoun before byte `end` stands for ("a reaction from Barack Obama,
/// who said …": Obama), read as [`before`] reads a speaker, except that the object of a
/// preposition may be one: a relative clause can follow any noun of its sentence.
pub fn antecedent(doc: &Document, floor: usize, end: usize) -> Option<Mention> {
    phrase_before(doc, floor, end, true)
}

/// The speaker of a relative clause whose cue starts at byte `end` ("voters who say …",
/// "Chris Christie, who said …"): the phrase before the pronoun, as [`antecedent`] reads it,
/// mentioned by the pronoun as "he" mentions its antecedent; `None` when no "who" stands right
/// before the cue (auxiliaries and adverbs aside: "who has long argued").
pub fn relative(doc: &Document, floor: usize, end: usize) -> Option<Mention> {
    // Most cues have no "who" near: answered without tokenising (the words that may stand
    // between a pronoun and its verb fit in [`RELATIVE_REACH_BYTES`]).
    let near = &doc.text[back(doc.text, end, RELATIVE_REACH_BYTES)
        .max(floor)
        .min(end)..end];
    let b = near.as_bytes();
    if !memchr::memchr2_iter(b'w', b'W', b).any(|i| b[i + 1..].starts_with(b"ho")) {
        return None;
    }
    let (floor, toks, j) = tokens_before(doc, floor, end);
    let (who, _) = relative_pronoun(doc.text, &toks[..j])?;
    drop(toks);
    antecedent_of(doc, floor, who)
}

/// The tokens of a phrase read back from byte `end` (a cue), from `floor` or
/// [`PHRASE_REACH_BYTES`] before `end`, whichever is later (returned first), and how many of them
/// stand before the words that may stand between a speaker and its cue
/// ([`crate::lexicon::stands_between`]: "has long", "reportedly").
fn tokens_before(doc: &Document, floor: usize, end: usize) -> (usize, Tokens, usize) {
    let floor = floor.max(back(doc.text, end, PHRASE_REACH_BYTES)).min(end);
    let toks = tokens(doc, Span::new(floor, end));
    let mut j = toks.len();
    while j > 0 && word(doc.text, toks.get(j - 1)).is_some_and(crate::lexicon::stands_between) {
        j -= 1;
    }
    (floor, toks, j)
}

/// How far before a cue [`relative`] looks for its "who", in bytes: "who has also long argued".
const RELATIVE_REACH_BYTES: usize = 48;

/// The "who" that ends `toks`, and whether a comma stands before it.
fn relative_pronoun(text: &str, toks: &[Tok]) -> Option<(Span, bool)> {
    let (Tok::Word(who), rest) = toks.split_last()? else {
        return None;
    };
    let comma = matches!(rest.last(), Some(Tok::Punct(_, ',')));
    who.of(text)
        .eq_ignore_ascii_case("who")
        .then_some((*who, comma))
}

/// [`antecedent`] of the phrase before the relative pronoun `who` (and its comma), mentioned by
/// `who`.
fn antecedent_of(doc: &Document, floor: usize, who: Span) -> Option<Mention> {
    let end = doc.text[..who.start].trim_end().trim_end_matches(',').len();
    antecedent(doc, floor, end.max(floor)).map(|m| Mention { span: who, ..m })
}

/// [`before`], and [`antecedent`] when `object` is set.
fn phrase_before(doc: &Document, floor: usize, end: usize, object: bool) -> Option<Mention> {
    let text = doc.text;
    let (floor, toks, mut j) = tokens_before(doc, floor, end);
    // "a reaction from Barack Obama, who called …": the relative pronoun after a comma speaks
    // for the phrase before it. Without the comma the phrase is more often a listener ("told a
    // young woman who suggested that … that “…”": the quote is the telling's).
    if !object {
        if let Some((who, _)) = relative_pronoun(text, &toks[..j]).filter(|&(_, comma)| comma) {
            drop(toks);
            return antecedent_of(doc, floor, who);
        }
    }
    // A parenthesis after the name: "Rep. Jason Chaffetz (R-Utah) said".
    if j > 0 && matches!(toks[j - 1], Tok::Punct(_, ')')) {
        if let Some(open) = (j.saturating_sub(12)..j - 1)
            .rev()
            .find(|&k| matches!(toks[k], Tok::Punct(_, '(')))
        {
            j = open;
        }
    }
    let mut appositive: Option<(usize, usize)> = None;
    if j > 0 && matches!(toks[j - 1], Tok::Punct(_, ',')) {
        // The appositive's opening comma, within a short window and the same clause.
        let mut k = j - 1;
        let mut found = None;
        while k > 0 && j - k < 30 {
            k -= 1;
            match toks[k] {
                Tok::Punct(_, ',') => {
                    found = Some(k);
                    break;
                }
                // The period of an abbreviated state ("R-Ky.") ends no clause.
                Tok::Punct(_, '.')
                    if word(text, k.checked_sub(1).and_then(|p| toks.get(p)))
                        .is_some_and(|w| matches!(w.get(..2), Some("R-" | "D-" | "I-"))) => {}
                Tok::Punct(_, '.' | ';' | ':' | '“' | '”' | '"' | '?' | '!') => break,
                _ => {}
            }
        }
        let k = found?;
        // "His Democratic opponent, Rep. Alan Grayson, said": a name set off after a
        // description (read below, when the head is a description).
        let name = || {
            toks[k + 1..j - 1].iter().all(|t| match t {
                Tok::Word(w) => is_capitalized(w.of(text)),
                Tok::Punct(_, c) => *c == '.',
            })
        };
        if !is_appositive(text, &toks[k + 1..j - 1]) && !name() {
            return None;
        }
        appositive = Some((k + 1, j - 1));
        j = k;
    }
    let stop = j;
    let mut i = j;
    let mut has_head = false;
    while i > 0 {
        let t = &toks[i - 1];
        let Tok::Word(s) = *t else { break };
        let w = s.of(text);
        let c = Classes::of(w);
        if c.has(Classes::PRONOUN) {
            if i == stop {
                i -= 1;
                has_head = true;
            }
            break;
        }
        if is_name_word_in(w, c) || c.has(Classes::ROLE_NOUN) || is_based(w) {
            has_head = true;
            i -= 1;
            continue;
        }
        if c.has(Classes::DETERMINER) {
            i -= 1;
            // "of the Wilson Center": a determiner inside a prepositional phrase continues.
            let prep = word(text, i.checked_sub(1).and_then(|p| toks.get(p)));
            if prep.is_some_and(|p| on(p, Classes::NP_PREPOSITION))
                && word(text, i.checked_sub(2).and_then(|p| toks.get(p)))
                    .is_some_and(|w| is_name_word(w) || on(w, Classes::ROLE_NOUN))
            {
                i -= 1;
                continue;
            }
            break;
        }
        if c.has(Classes::NP_PREPOSITION)
            && has_head
            && word(text, i.checked_sub(2).and_then(|p| toks.get(p)))
                .is_some_and(|w| is_name_word(w) || on(w, Classes::ROLE_NOUN))
        {
            i -= 1;
            continue;
        }
        if has_head && is_modifier(w) && i < stop {
            // Only directly before a role noun or another modifier: "senior administration official".
            let role = |t: Option<&Tok>| word(text, t).is_some_and(|n| on(n, Classes::ROLE_NOUN));
            if role(toks.get(i)) || (i + 1 < stop && role(toks.get(i + 1))) {
                i -= 1;
                continue;
            }
        }
        break;
    }
    // Drop leading prepositions left by the walk.
    while i < stop && word(text, toks.get(i)).is_some_and(|w| on(w, Classes::NP_PREPOSITION)) {
        i += 1;
    }
    if i >= stop || !has_head {
        return description_before(text, &toks[..stop]);
    }
    // A phrase right after a preposition is its object, not a subject ("an attack in Iran claimed").
    if !object
        && word(text, i.checked_sub(1).and_then(|p| toks.get(p))).is_some_and(|w| {
            with_fold(w, |f| {
                matches!(
                    f,
                    "in" | "of"
                        | "at"
                        | "for"
                        | "from"
                        | "with"
                        | "on"
                        | "to"
                        | "by"
                        | "about"
                        | "against"
                        | "into"
                        | "over"
                )
            })
        })
    {
        return None;
    }
    let mut m = interpret(text, &toks[i..stop])?;
    if let Some((a, b)) = appositive {
        // "His Democratic opponent, Rep. Alan Grayson, said": a description, then the name of
        // the person it describes; the name is the speaker and the description its role.
        let named = (m.class == MentionClass::Group)
            .then(|| interpret(text, &toks[a..b]))
            .flatten()
            .filter(|n| n.class == MentionClass::Person);
        if let Some(mut n) = named {
            n.role = n.role.or(Some(m.name));
            return Some(n);
        }
        if !is_appositive(text, &toks[a..b]) {
            return None;
        }
        apply_appositive(text, &toks[a..b], &mut m);
    }
    Some(m)
}

/// Reads the speaker phrase that starts at byte `start` (just after an inverted cue, "said X"),
/// looking no further than `limit`. The phrase must end the clause: "said the US government had"
/// is not an inversion.
pub fn after(doc: &Document, start: usize, limit: usize) -> Option<Mention> {
    let text = doc.text;
    let limit = limit.min(ahead(text, start, PHRASE_REACH_BYTES)).max(start);
    let toks = tokens(doc, Span::new(start, limit));
    let mut i = 0;
    if word(text, toks.first()).is_some_and(|w| on(w, Classes::DETERMINER)) {
        i = 1;
    }
    let mut j = i;
    while j < toks.len() {
        let Tok::Word(s) = toks[j] else { break };
        let w = s.of(text);
        let c = Classes::of(w);
        if j == i && c.has(Classes::PRONOUN) {
            j += 1;
            break;
        }
        if is_name_word_in(w, c) || c.has(Classes::ROLE_NOUN) || is_based(w) {
            j += 1;
        } else if j > i
            && is_modifier(w)
            && word(text, toks.get(j + 1)).is_some_and(is_name_word)
            && word(text, toks.get(j - 1)).is_some_and(is_name_word)
        {
            // "Cruz constituent Dan Golvach": a lowercase descriptor between names.
            j += 1;
        } else if j > i && c.has(Classes::NP_PREPOSITION) {
            // "of the Soufan Group": continue only into a name.
            let mut k = j + 1;
            if word(text, toks.get(k)).is_some_and(|w| on(w, Classes::DETERMINER)) {
                k += 1;
            }
            if word(text, toks.get(k)).is_some_and(is_name_word) {
                j = k;
            } else {
                break;
            }
        } else if is_modifier(w)
            && word(text, toks.get(j + 1))
                .is_some_and(|n| on(n, Classes::ROLE_NOUN) || is_modifier(n))
            && j - i < 3
        {
            j += 1;
        } else {
            break;
        }
    }
    if j == i {
        return description_after(text, &toks);
    }
    // The phrase must end its clause.
    match toks.get(j) {
        None | Some(Tok::Punct(..)) => {}
        Some(Tok::Word(s)) => {
            let ends = with_fold(s.of(text), |f| {
                matches!(
                    f,
                    "in" | "on"
                        | "at"
                        | "during"
                        | "who"
                        | "whose"
                        | "last"
                        | "this"
                        | "after"
                        | "before"
                        | "when"
                        | "as"
                        | "about"
                        | "to"
                        | "while"
                        | "and"
                        | "earlier"
                        | "later"
                        | "today"
                        | "yesterday"
                        | "told"
                )
            });
            if !ends {
                return None;
            }
        }
    }
    let mut m = interpret(text, &toks[..j])?;
    // An appositive: ", a counterterrorism analyst at the Soufan Group, …".
    if matches!(toks.get(j), Some(Tok::Punct(_, ','))) {
        let a = j + 1;
        let b = toks[a..]
            .iter()
            .position(|t| matches!(t, Tok::Punct(..)))
            .map_or(toks.len(), |p| a + p);
        if is_appositive(text, &toks[a..b]) {
            apply_appositive(text, &toks[a..b], &mut m);
        }
    }
    Some(m)
}

/// Most words in a description that names a speaker without a name or a role noun: "the
/// 46-year-old", "one longtime party donor". Trade-off: longer runs are more often clauses.
const DESCRIPTION_MAX_WORDS: usize = 4;

/// Words that open a description of a speaker.
fn opens_description(f: &str) -> bool {
    matches!(
        f,
        "the" | "a" | "an" | "one" | "another" | "his" | "her" | "their" | "its" | "our" | "my"
    )
}

/// A word that may stand in a description: lowercase or a number ("46-year-old"), not a
/// function word, a cue or a word between a speaker and a cue.
fn is_description_word(w: &str) -> bool {
    if is_capitalized(w) {
        return false;
    }
    let c = Classes::of(w);
    !c.has(Classes::FUNCTION)
        && !c.has(Classes::BETWEEN)
        && !c.has(Classes::PRONOUN)
        && crate::cue::classify(w, None).is_none()
}

/// A description as a group mention, from its word tokens (determiner first).
fn description(text: &str, toks: &[Tok]) -> Option<Mention> {
    let ws: Vec<Span> = toks
        .iter()
        .filter_map(|t| if let Tok::Word(s) = t { Some(*s) } else { None })
        .collect();
    let named = Span::new(ws.get(1)?.start, ws.last()?.end);
    Some(Mention {
        span: named,
        name: named.of(text).to_string(),
        role: None,
        org: None,
        class: MentionClass::Group,
    })
}

/// "the narrator says": a determiner and a few lowercase words right before the cue, opening
/// their clause (after punctuation, a conjunction or the start).
fn description_before(text: &str, toks: &[Tok]) -> Option<Mention> {
    let mut i = toks.len();
    while i > 0
        && toks.len() - i < DESCRIPTION_MAX_WORDS
        && word(text, toks.get(i - 1)).is_some_and(is_description_word)
    {
        i -= 1;
    }
    if i == toks.len() || i == 0 {
        return None;
    }
    if !word(text, toks.get(i - 1)).is_some_and(|d| with_fold(d, opens_description)) {
        return None;
    }
    let opens_clause = i < 2
        || match toks[i - 2] {
            Tok::Punct(..) => true,
            Tok::Word(s) => with_fold(s.of(text), |f| matches!(f, "and" | "but" | "while")),
        };
    opens_clause.then(|| description(text, &toks[i - 1..]))?
}

/// "said the 46-year-old.": a determiner and a few lowercase words that end the clause.
fn description_after(text: &str, toks: &[Tok]) -> Option<Mention> {
    if !word(text, toks.first()).is_some_and(|d| with_fold(d, opens_description)) {
        return None;
    }
    // Capitalized modifiers may stand in it ("a senior Cruz adviser"); its head is lowercase.
    let mut j = 1;
    while j < toks.len()
        && j <= DESCRIPTION_MAX_WORDS + 1
        && word(text, toks.get(j)).is_some_and(|w| is_description_word(w) || is_name_word(w))
    {
        j += 1;
    }
    let head = word(text, toks.get(j - 1)).is_some_and(|w| !is_capitalized(w));
    if j == 1 || !head || matches!(toks.get(j), Some(Tok::Word(_))) {
        return None;
    }
    description(text, &toks[..j])
}

/// The subject of a clause whose cue follows a long appositive the backward reading could not
/// cross ("Geoff Garin, a pollster who works with Priorities USA, a super PAC, said"): the
/// clause's opening noun phrase, when a comma or a parenthesis follows it.
pub fn subject_of(doc: &Document, clause_start: usize, cue_start: usize) -> Option<Mention> {
    let text = doc.text;
    let m = leading(doc, clause_start, cue_start)?;
    let gap = text[m.span.end..cue_start].trim_start();
    (gap.starts_with([',', '(']) && !gap.contains([';', ':'])).then_some(m)
}

/// Whether folded `f` is a noun of saying, whose possessor is its speaker ("Trump's recent
/// evidence-free assertion that …", "Rubio’s catch phrase … was that …").
fn is_saying_noun(f: &str) -> bool {
    crate::cue::LIGHT_NOUNS.contains(&f)
        || matches!(
            f,
            "assertion"
                | "assertions"
                | "phrase"
                | "slogan"
                | "broadside"
                | "words"
                | "warning"
                | "message"
                | "tweet"
                | "response"
                | "reply"
                | "view"
                | "views"
                | "position"
        )
}

/// Whether folded `f` reads as an adverb of manner or stance by its ending ("domestically",
/// "hastily", "ultimately", "previously"). Names end so too ("Kelly", "Emily", "Beverly"):
/// only the longer endings, and "-ily" from seven letters. (Stricter than
/// [`crate::lexicon::is_ly_adverb`], which reads lowercase words mid-clause, where no name
/// stands, and so takes any "-ly" but its listed nouns: here the word is capitalized.)
fn is_adverb(f: &str) -> bool {
    ["ally", "ately", "ously", "ively", "ently", "antly", "arly"]
        .iter()
        .any(|e| f.ends_with(e) && f.len() > e.len() + 2)
        || (f.ends_with("ily") && f.len() >= 7)
}

/// How many tokens of `toks` (which follow a comma) are a state and its closing comma ("New
/// Hampshire ,"), else 0.
fn state_after_comma(text: &str, toks: &[Tok]) -> usize {
    let comma = |k: usize| matches!(toks.get(k), Some(Tok::Punct(_, ',')));
    let span = |k: usize| match toks.get(k) {
        Some(Tok::Word(s)) => Some(*s),
        _ => None,
    };
    [1usize, 2]
        .into_iter()
        .find(|&n| {
            comma(n)
                && span(0).zip(span(n - 1)).is_some_and(|(a, b)| {
                    crate::lexicon::US_STATES.contains(&Span::new(a.start, b.end).of(text))
                })
        })
        .map_or(0, |n| n + 1)
}

/// Reads the subject that opens a clause at byte `start` ("Trump went on the attack, saying …",
/// "Earlier this week, Clinton shared …"), looking no further than `limit`: the speaker of a
/// participle's quote. Skips a leading conjunction and an introductory phrase before a comma.
pub fn leading(doc: &Document, start: usize, limit: usize) -> Option<Mention> {
    let text = doc.text;
    let limit = limit.min(ahead(text, start, PHRASE_REACH_BYTES)).max(start);
    let toks = tokens(doc, Span::new(start, limit));
    // A dateline: "(Bloomberg) --", "WASHINGTON (Reuters) -".
    let mut i = toks
        .iter()
        .take(8)
        .position(|t| matches!(t, Tok::Punct(_, ')')))
        .filter(|&p| matches!(toks.get(p + 1), Some(Tok::Punct(_, '-' | '—' | '–'))))
        .map_or(0, |p| p + 1);
    while matches!(toks.get(i), Some(Tok::Punct(_, '-' | '—' | '–'))) {
        i += 1;
    }
    while word(text, toks.get(i)).is_some_and(|w| {
        with_fold(w, |f| {
            matches!(
                f,
                "but" | "and" | "so" | "yet" | "then" | "still" | "also" | "meanwhile" | "now"
            )
        })
    }) {
        i += 1;
    }
    while matches!(toks.get(i), Some(Tok::Punct(..))) {
        i += 1;
    }
    // "In a statement Monday, X …" / "Earlier this week, X …": an introduction before a comma.
    let intro = word(text, toks.get(i)).is_some_and(|w| {
        let c = Classes::of(w);
        c.has(Classes::NP_PREPOSITION)
            || c.has(Classes::BETWEEN)
            || with_fold(w, |f| {
                matches!(
                f,
                "after"
                    | "before"
                    | "during"
                    | "when"
                    | "while"
                    | "as"
                    | "at"
                    | "asked"
                    | "speaking"
                    | "amid"
                    | "despite"
                    | "following"
                    | "since"
                    | "although"
                    | "though"
                    | "if"
                    | "because"
                    | "minutes"
                    | "hours"
                    | "moments"
                    | "days"
                    | "weeks"
                    | "months"
                    | "years"
                    | "later"
                    | "earlier"
                    | "meanwhile"
                    | "instead"
                    | "however"
                    | "separately"
                    | "today"
                    | "yesterday"
                    | "last"
                    | "this"
                    | "on"
                    | "by"
                    | "within"
                    | "under"
                    | "throughout"
                    | "upon"
                    | "absent"
                    | "beyond"
                    | "unlike"
                    | "like"
                    | "once"
                    | "until"
                    | "whether"
                    | "outside"
                    | "inside"
                    | "across"
                    | "among"
                    | "around"
                    | "given"
            )
            // "Domestically, …", "Hastily, …": a sentence adverb before its comma.
            || (is_capitalized(w)
                && matches!(toks.get(i + 1), Some(Tok::Punct(_, ',')))
                && is_adverb(f))
            // "Reprising one of her favorite lines, the former secretary …": a participle.
            || (is_capitalized(w) && f.len() > 5 && f.ends_with("ing"))
            })
    }) || {
        // "But a few days later, Trump …": a time phrase that ends in "later", "earlier" or
        // "ago" before a comma.
        let k = toks[i..]
            .iter()
            .take(6)
            .position(|t| matches!(t, Tok::Punct(_, ',')));
        k.is_some_and(|k| {
            k > 0
                && word(text, toks.get(i + k - 1))
                    .is_some_and(|w| with_fold(w, |f| matches!(f, "later" | "earlier" | "ago")))
        })
    };
    if intro {
        let comma = toks[i..]
            .iter()
            .take(15)
            .position(|t| matches!(t, Tok::Punct(_, ',')))?;
        i += comma + 1;
        // "Speaking at a town hall in Salem, New Hampshire, Trump …": the comma was the
        // place's, and a state with its own comma goes on with the introduction.
        i += state_after_comma(text, &toks[i..]);
    }
    let first = word(text, toks.get(i))?;
    let first_classes = Classes::of(first);
    if first_classes.has(Classes::PRONOUN) {
        return interpret(text, &toks[i..=i]);
    }
    // A subject opens with a name, a capital or a determiner, not mid-clause ("to discuss his
    // recent remarks", "few days later").
    if !is_capitalized(first) && !first_classes.has(Classes::DETERMINER) {
        return None;
    }
    let from = i;
    if first_classes.has(Classes::DETERMINER) {
        i += 1;
    }
    let mut j = i;
    while j < toks.len() && j - from < 8 {
        let Tok::Word(s) = toks[j] else { break };
        let w = s.of(text);
        let c = Classes::of(w);
        // A lowercase word modifies a role noun that follows within a few words ("senior
        // administration official"); "Barack Obama made clear his aim" has none.
        let modifies = || {
            is_modifier(w) && {
                let mut k = j + 1;
                while k < j + 4
                    && word(text, toks.get(k)).is_some_and(is_modifier)
                    && !word(text, toks.get(k)).is_some_and(|n| on(n, Classes::ROLE_NOUN))
                {
                    k += 1;
                }
                word(text, toks.get(k)).is_some_and(|n| on(n, Classes::ROLE_NOUN))
            }
        };
        if is_name_word_in(w, c) || c.has(Classes::ROLE_NOUN) || is_based(w) || modifies() {
            j += 1;
        } else {
            break;
        }
    }
    if j == i {
        return None;
    }
    // "Byrd's strategy of …", "Clinton’s attacks were echoed …": a possessive determines the
    // subject after it, which is no speaker. (Before a noun of saying, read by [`before`], it
    // is one: "Trump's claim that …".)
    if j > from
        && word(text, toks.get(j - 1)).is_some_and(|w| with_fold(w, crate::cue::is_possessive))
        && !toks[j..]
            .iter()
            .take(3)
            .any(|t| word(text, Some(t)).is_some_and(|w| with_fold(w, is_saying_noun)))
    {
        return None;
    }
    interpret(text, &toks[from..j])
}

/// Whether the tokens between two commas describe the preceding name: "a counterterrorism
/// analyst at …", "who leads …", "45", "the group's founder".
fn is_appositive(text: &str, toks: &[Tok]) -> bool {
    let Some(first) = word(text, toks.first()) else {
        return false;
    };
    let f = fold(first);
    // A clause is no appositive: "According to officials, the United States had gathered …".
    let finite = toks.iter().filter_map(|t| word(text, Some(t))).any(|w| {
        with_fold(w, |f| {
            matches!(
                f,
                "had"
                    | "has"
                    | "have"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "would"
                    | "said"
                    | "says"
                    | "could"
                    | "can"
            )
        })
    });
    if finite && !matches!(f.as_ref(), "who" | "whose" | "which") {
        return false;
    }
    let participle = f.len() > 4 && f.ends_with("ing") && !is_capitalized(first);
    // A party and state: "Mitch McConnell, R-Ky., said".
    let party =
        first.len() <= 8 && matches!(first.get(..2), Some("R-" | "D-" | "I-")) && toks.len() <= 3;
    participle
        || party
        || matches!(
            f.as_ref(),
            "a" | "an"
                | "the"
                | "who"
                | "whose"
                | "which"
                | "himself"
                | "herself"
                | "now"
                | "then"
                | "formerly"
                | "once"
                | "also"
                | "both"
                | "another"
        )
        || first.chars().all(|c| c.is_ascii_digit())
        || on(first, Classes::ROLE_NOUN)
        || (is_name_word(first)
            && toks.len() <= 8
            && toks
                .iter()
                .any(|t| word(text, Some(t)).is_some_and(|w| on(w, Classes::ROLE_NOUN))))
}

/// Fills role and organisation from an appositive when the phrase itself named none.
fn apply_appositive(text: &str, toks: &[Tok], m: &mut Mention) {
    let ws: Vec<&str> = toks.iter().filter_map(|t| word(text, Some(t))).collect();
    let Some(first) = ws.first() else { return };
    if with_fold(first, |f| matches!(f, "who" | "whose" | "which"))
        || first.chars().all(|c| c.is_ascii_digit())
    {
        return;
    }
    let skip = usize::from(on(first, Classes::DETERMINER));
    let prep = ws
        .iter()
        .skip(skip)
        .position(|w| {
            with_fold(w, |f| {
                matches!(f, "at" | "of" | "for" | "with" | "on" | "from" | "in")
            })
        })
        .map(|p| p + skip);
    let role_words = &ws[skip..prep.unwrap_or(ws.len())];
    if m.role.is_none() && !role_words.is_empty() && role_words.len() <= 5 {
        m.role = Some(role_words.join(" "));
    }
    if let (None, Some(p)) = (&m.org, prep) {
        m.org = org_name(&ws[p + 1..]);
    }
}

/// The organisation named by words after a preposition: a capitalized run that may contain
/// "for", "and", "of", "the" between capitalized words ("Center for Strategic and International
/// Studies"). A leading "X-based" describes it and is dropped.
fn org_name(ws: &[&str]) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < ws.len() && (on(ws[i], Classes::DETERMINER) || is_based(ws[i])) {
        i += 1;
    }
    while i < ws.len() {
        let w = ws[i];
        let joins = matches!(w, "for" | "and" | "of" | "the" | "on" | "&")
            && ws.get(i + 1).is_some_and(|n| is_capitalized(n))
            && !out.is_empty();
        if is_capitalized(w) || joins {
            out.push(w);
        } else {
            break;
        }
        i += 1;
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// Reads a phrase's tokens (no punctuation inside except within words) as a mention.
fn interpret(text: &str, toks: &[Tok]) -> Option<Mention> {
    let ws: Vec<Span> = toks
        .iter()
        .filter_map(|t| if let Tok::Word(s) = t { Some(*s) } else { None })
        .collect();
    let first = ws.first()?.of(text);
    let full = Span::new(ws.first()?.start, ws.last()?.end);
    if ws.len() == 1 && on(first, Classes::PRONOUN) {
        return Some(Mention {
            span: full,
            name: first.to_string(),
            role: None,
            org: None,
            class: MentionClass::Pronoun,
        });
    }
    // Head: the words before the first preposition; the rest qualifies it. The word lists of
    // the head's words (and of the preposition), read once.
    let mut classes = Vec::with_capacity(ws.len());
    let mut split = ws.len();
    for (k, w) in ws.iter().enumerate() {
        let c = Classes::of(w.of(text));
        classes.push(c);
        if c.has(Classes::NP_PREPOSITION) {
            split = k;
            break;
        }
    }
    let (head, pp) = ws.split_at(split);
    let det = usize::from(split > 0 && classes[0].has(Classes::DETERMINER));
    let head = &head[det..];
    let head_classes = &classes[det..split];
    if head.is_empty() {
        return None;
    }
    // The trailing run of name words in the head.
    let mut r = head.len();
    while r > 0 && is_name_word_in(head[r - 1].of(text), head_classes[r - 1]) {
        r -= 1;
    }
    // Titles at the start of the run belong to the role: "President Vladimir Putin".
    let mut t = r;
    while t < head.len() && head.len() - t > 1 && head_classes[t].has(Classes::TITLE) {
        t += 1;
    }
    let run = &head[t..];
    let institution = head_classes[t..]
        .iter()
        .any(|c| c.has(Classes::INSTITUTION))
        || det == 1 && !run.is_empty() && r == 0;
    // The words joined by single spaces, in one allocation (no longer than their span).
    let phrase = |ws: &[Span]| {
        let mut out = String::with_capacity(ws.last().map_or(0, |l| l.end - ws[0].start));
        for (k, w) in ws.iter().enumerate() {
            // A number's comma stays ("250,000 voters").
            if k > 0 {
                out.push(if &text[ws[k - 1].end..w.start] == "," {
                    ','
                } else {
                    ' '
                });
            }
            out.push_str(w.of(text));
        }
        out
    };
    if run.is_empty() || institution || (run.len() == 1 && head_classes[t].has(Classes::ROLE_NOUN))
    {
        // A group: the whole phrase without its determiner names it.
        let named = &ws[det..];
        return Some(Mention {
            span: Span::new(named.first()?.start, named.last()?.end),
            name: phrase(named),
            role: None,
            org: None,
            class: MentionClass::Group,
        });
    }
    // A person: titles and descriptors before the name give the role and organisation.
    let pre = &head[..t];
    // The role is the trailing stretch of lowercase words and titles; capitalized words before it
    // name the organisation ("White House spokesman", "US National Security Council spokesperson").
    let mut k = pre.len();
    while k > 0 && (!is_capitalized(pre[k - 1].of(text)) || head_classes[k - 1].has(Classes::TITLE))
    {
        k -= 1;
    }
    let (org, role) = (phrase(&pre[..k]), phrase(&pre[k..]));
    Some(Mention {
        span: Span::new(run[0].start, run[run.len() - 1].end),
        name: phrase(run),
        role: (!role.is_empty()).then_some(role),
        org: if !org.is_empty() {
            Some(org)
        } else {
            let pp_words: Vec<&str> = pp.iter().skip(1).map(|w| w.of(text)).collect();
            org_name(&pp_words)
        },
        class: MentionClass::Person,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, role, org, class, the mention as written).
    type Read = (String, Option<String>, Option<String>, MentionClass, String);

    fn b(text: &str, cue: &str) -> Option<Read> {
        let end = text.find(cue).unwrap();
        before(&Document::new(text), 0, end)
            .map(|m| (m.name, m.role, m.org, m.class, m.span.of(text).to_string()))
    }

    fn a(text: &str, cue: &str) -> Option<(String, Option<String>, Option<String>, MentionClass)> {
        let start = text.find(cue).unwrap() + cue.len();
        after(&Document::new(text), start, text.len()).map(|m| (m.name, m.role, m.org, m.class))
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn before010_person_with_role_and_org() {
        // 003: "White House spokesman John Kirby told reporters on Monday."
        assert_eq!(
            b("White House spokesman John Kirby told reporters", "told"),
            Some((
                "John Kirby".into(),
                s("spokesman"),
                s("White House"),
                MentionClass::Person,
                "John Kirby".into()
            ))
        );
        // 000: "US National Security Council spokesperson Adrienne Watson said the US government had"
        assert_eq!(
            b(
                "US National Security Council spokesperson Adrienne Watson said",
                "said"
            )
            .map(|m| (m.0, m.1, m.2)),
            Some((
                "Adrienne Watson".into(),
                s("spokesperson"),
                s("US National Security Council")
            ))
        );
    }

    #[test]
    fn before020_institutions_and_descriptions() {
        // 000: "Earlier this month, the US embassy in Russia had said it was …"
        assert_eq!(
            b(
                "Earlier this month, the US embassy in Russia had said",
                "said"
            )
            .map(|m| (m.0, m.3)),
            Some(("US embassy in Russia".into(), MentionClass::Group))
        );
        assert_eq!(
            b(
                "ISIS members are active in Russia, a US official said",
                "said"
            )
            .map(|m| (m.0, m.3)),
            Some(("US official".into(), MentionClass::Group))
        );
        assert_eq!(
            b("The White House said", "said").map(|m| (m.0, m.3)),
            Some(("White House".into(), MentionClass::Group))
        );
    }

    #[test]
    fn before030_prepositional_org_and_appositive() {
        // 000: "Michael Kugelman of the Washington-based Wilson Center said"
        assert_eq!(
            b(
                "Michael Kugelman of the Washington-based Wilson Center said",
                "said"
            )
            .map(|m| (m.0, m.2)),
            Some(("Michael Kugelman".into(), s("Wilson Center")))
        );
        // 003: "Tom Cotton, an Arkansas Republican on the Senate Intelligence Committee, called"
        assert_eq!(
            b(
                "Tom Cotton, an Arkansas Republican on the Senate Intelligence Committee, called",
                "called"
            )
            .map(|m| (m.0, m.1, m.2)),
            Some((
                "Tom Cotton".into(),
                s("Arkansas Republican"),
                s("Senate Intelligence Committee")
            ))
        );
    }

    #[test]
    fn before040_skips_time_words_and_stops_at_function_words() {
        assert_eq!(
            b("Putin last week dismissed", "dismissed").map(|m| m.0),
            s("Putin")
        );
        assert_eq!(
            b("But in a speech Tuesday, Putin had blasted", "blasted").map(|m| m.0),
            s("Putin")
        );
        assert_eq!(
            b("“It was,” he said", "said").map(|m| (m.0, m.3)),
            Some(("he".into(), MentionClass::Pronoun))
        );
        assert_eq!(b("things that nobody really said", "said"), None);
    }

    #[test]
    fn after010_inverted_with_appositive() {
        // 001: "…,” said Colin P. Clarke, a counterterrorism analyst at the Soufan Group, a …"
        assert_eq!(a("said Colin P. Clarke, a counterterrorism analyst at the Soufan Group, a New York-based firm.", "said"),
            Some(("Colin P. Clarke".into(), s("counterterrorism analyst"), s("Soufan Group"), MentionClass::Person)));
        assert_eq!(a("said the US government had “shared", "said"), None);
        assert_eq!(
            a("said Sen. Tom Cotton.", "said").map(|m| (m.0, m.1)),
            Some(("Tom Cotton".into(), s("Sen.")))
        );
    }

    #[test]
    fn leading010_adverbs_by_their_ending_names_not() {
        for w in [
            "domestically",
            "hastily",
            "ultimately",
            "previously",
            "similarly",
        ] {
            assert!(is_adverb(w), "{w}");
        }
        for w in ["kelly", "emily", "beverly", "connolly", "daly", "riley"] {
            assert!(!is_adverb(w), "{w}");
        }
    }
}
