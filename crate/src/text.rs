//! Words, sentences and paragraphs of a document: the small amount of segmentation the rules need.
//!
//! All offsets are bytes into the document text, half-open.

use std::borrow::Cow;

use crate::span::Span;

/// Abbreviations whose final period does not end a sentence (lowercase, without the period).
/// Trade-off: a sentence that really ends in "Inc." followed by a capital is joined to the next.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
    "prof", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "v", "jan", "feb", "mar",
    "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "pres",
    "atty", "supt", "rev", "hon", "messrs", "mt", "ft", "ave", "d.c", "a.m", "p.m", "sec", "lb",
];

/// Abbreviations that stand at the end of a noun phrase and so may end a sentence ("the
/// U.S.", "at 10 a.m."), unlike titles ("Sen.") and initials, which a name always follows.
fn can_end_sentence(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    [
        "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "inc", "co", "corp", "ltd", "jr", "sr", "e.u",
    ]
    .iter()
    .any(|a| a.eq_ignore_ascii_case(w))
}

/// Words that open a sentence far more often than they continue a name after an abbreviation:
/// pronouns, articles and conjunctions.
fn opens_sentence(w: &str) -> bool {
    matches!(
        w,
        "He" | "She"
            | "They"
            | "It"
            | "We"
            | "I"
            | "You"
            | "The"
            | "But"
            | "And"
            | "In"
            | "This"
            | "That"
            | "There"
            | "A"
            | "An"
            | "Its"
            | "His"
            | "Her"
            | "Their"
            | "Our"
            | "On"
            | "At"
            | "As"
            | "After"
            | "When"
            | "While"
            | "Still"
            | "Yet"
            | "So"
            | "If"
    )
}

/// The byte offset at most `max` bytes before `end`, moved forward onto a char boundary: a window
/// that keeps a rule's look-back bounded however long the sentence is.
pub fn back(text: &str, end: usize, max: usize) -> usize {
    let mut at = end.saturating_sub(max);
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The byte offset at most `max` bytes after `start`, moved back onto a char boundary.
pub fn ahead(text: &str, start: usize, max: usize) -> usize {
    let mut at = start.saturating_add(max).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether `c` can be part of a word.
#[inline]
pub fn is_word_char(c: char) -> bool {
    // The General Punctuation block (curly quotes, dashes, '…', thin spaces: most of the
    // non-ASCII chars of news text) holds no letter or digit: answered without the Unicode
    // tables' binary search.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric()
}

/// Characters that join two word runs into one word ("U.S.", "ISIS-K", "Moscow’s", "AT&T").
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑' | '.' | '&')
}

/// One word of the text: a run of letters and digits, joined by internal apostrophes, hyphens and
/// periods. A final period is part of the word when it closes an initial ("P."), an acronym
/// ("U.S.") or an abbreviation ("Sen.").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte span of the word.
    pub span: Span,
}

/// The words of `text[range]`, in order.
///
/// Reads bytes, decoding a char only where a byte is not ASCII: an ASCII byte is a word char
/// exactly when it is a letter or digit, and a joiner exactly when it is one of `'-.&`.
pub fn words(text: &str, range: Span) -> Vec<Word> {
    // About one word per six bytes of prose (PolNeAR: 6.1), a fifth for headroom: one
    // allocation for most ranges.
    let mut out = Vec::with_capacity(range.len() / 5 + 1);
    for_each_word(text, range, |w, _| out.push(w));
    out
}

/// Calls `f` with each of [`words`] of `text[range]`, in order, and the end of the word's text
/// without its final period (bytes): where [`fold`] and the word hashes stop reading, known here
/// without looking back (a word ends in at most one period, the one that closes an initial, an
/// acronym or an abbreviation). For a reader that computes something of every word as it is
/// found ([`crate::wordindex::WordIndex`]), instead of a second pass over the words.
#[inline(always)]
pub(crate) fn for_each_word(text: &str, range: Span, mut f: impl FnMut(Word, usize)) {
    let s = &text[range.range()];
    let b = s.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let start = i;
        let c = b[i];
        if ALNUM[usize::from(c)] {
            i += 1;
        } else if c < 0x80 {
            // Space, punctuation, a joiner before no word: no word opens here.
            i += 1;
            continue;
        } else {
            let (word, len) = char_at(s, i);
            i += len;
            if !word {
                continue;
            }
        }
        let mut end = i;
        loop {
            // The run of ASCII letters and digits, then what ends it.
            end = alnum_run_end(b, end);
            if end == n {
                break;
            }
            let d = b[end];
            if d < 0x80 {
                // An ASCII joiner joins only a word char that follows it.
                if matches!(d, b'\'' | b'-' | b'.' | b'&') && end + 1 < n && char_at(s, end + 1).0 {
                    end += 1;
                    continue;
                }
                break;
            }
            let c = s[end..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if is_word_char(c) || (is_joiner(c) && end + len < n && char_at(s, end + len).0) {
                end += len;
            } else {
                break;
            }
        }
        // (A joiner joins only a word char that follows it: the word does not end in a period.)
        let bare_end = range.start + end;
        // A trailing period belongs to initials, acronyms and abbreviations.
        if end < n && b[end] == b'.' && period_belongs(&s[start..end]) {
            end += 1;
        }
        f(
            Word {
                span: Span::new(range.start + start, range.start + end),
            },
            bare_end,
        );
        // The space after a word (most words have one) opens no word: stepped over here, so
        // the loop's test of its next byte is mostly of a word's first byte, a branch the
        // predictor learns (the step through a space was one mispredicted branch in five).
        i = end + usize::from(end < n && b[end] == b' ');
    }
}

/// The end of the run of ASCII letters and digits that starts at byte `at` of `b` (`at` itself
/// when none does). Eight bytes at a time, as a word of prose is one or two such steps: a byte
/// at a time cost seven instructions a byte.
#[inline(always)]
fn alnum_run_end(b: &[u8], mut at: usize) -> usize {
    while at + 8 <= b.len() {
        let other = not_alnum8(load8(b, at));
        if other != 0 {
            return at + (other.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < b.len() && ALNUM[usize::from(b[at])] {
        at += 1;
    }
    at
}

/// The high bit of each of eight bytes (little-endian) that is not an ASCII letter or digit.
#[inline(always)]
fn not_alnum8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Within `lo..=hi`, for bytes below 0x80: the high bit of `v + (0x80 - lo)` says `v >= lo`,
    // of `v + (0x7F - hi)` that `v > hi`; neither sum carries into the next byte.
    let within = |v: u64, lo: u8, hi: u8| {
        v.wrapping_add(ONES * u64::from(0x80 - lo)) & !v.wrapping_add(ONES * u64::from(0x7F - hi))
    };
    let low = x & !HIGH;
    let digit = within(low, b'0', b'9');
    // Setting the 0x20 bit makes a capital its small letter, and no other byte a letter.
    let letter = within(low | (ONES * 0x20), b'a', b'z');
    // A byte with its high bit set (not ASCII) is neither, whatever its low bits read as.
    HIGH & !((digit | letter) & !x)
}

/// The ASCII letters and digits, by byte: the test of the byte loops.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// Whether the char at byte `i` of `s` (a char boundary, not the end) is a word char, and its
/// length in bytes.
#[inline]
fn char_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (is_word_char(c), c.len_utf8())
}

/// A single capital letter: the initial in "Colin P. Clarke".
pub fn is_initial(w: &str) -> bool {
    is_initial_bare(w.trim_end_matches('.'))
}

/// [`is_initial`] of a word with no final period.
fn is_initial_bare(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

/// Whether `w` (with or without its final period) is a known abbreviation.
pub fn is_abbreviation(w: &str) -> bool {
    is_abbreviation_bare(w.trim_end_matches('.'))
}

/// [`is_abbreviation`] of a word with no final period.
fn is_abbreviation_bare(w: &str) -> bool {
    // (An ASCII word is one of them when its lowercase is; a word that is not ASCII never is.)
    w.len() <= 6 && w.is_ascii() && ABBREVIATION_SET.contains_word(w)
}

/// Whether the period after word `w` (which ends in no period: a joiner joins only a word char
/// that follows it) is part of the word: `w` is an initial, holds a period (an acronym, "U.S")
/// or is an abbreviation. The tests of [`is_initial`] and [`is_abbreviation`] without their
/// trimming of periods that are not there, and the period looked for by a loop over the word's
/// few bytes rather than a `memchr` call (the word reader asks this of every word before a
/// period: 200 PolNeAR train articles in callgrind, 0.42 M fewer instructions).
#[inline]
fn period_belongs(w: &str) -> bool {
    is_initial_bare(w) || w.bytes().any(|c| c == b'.') || is_abbreviation_bare(w)
}

/// [`ABBREVIATIONS`] as a set.
static ABBREVIATION_SET: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new(ABBREVIATIONS));

/// Whether byte `i` of `b` is a comma between two digits: a number's ("200,000 jobs", "$1,500"),
/// not a clause's. The one test for the phrase, subject and speaker readers.
#[inline]
pub fn is_number_comma(b: &[u8], i: usize) -> bool {
    b[i] == b','
        && i > 0
        && b[i - 1].is_ascii_digit()
        && b.get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// Whether the word starts with an uppercase letter or a digit.
pub fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// The word folded for comparison: lowercase, typographic apostrophes and hyphens made plain,
/// trailing periods dropped.
///
/// Borrows when nothing changes (a lowercase ASCII word, the common case): no allocation.
pub fn fold(w: &str) -> Cow<'_, str> {
    let w = trim_periods_str(w);
    // The common case, decided eight bytes at a time and without the case tables.
    if !folds_to_other(w.as_bytes()) {
        return Cow::Borrowed(w);
    }
    if w.is_ascii() {
        return Cow::Owned(w.to_ascii_lowercase());
    }
    let mut s = String::with_capacity(w.len());
    fold_each(w, |c| s.push(c));
    Cow::Owned(s)
}

/// Gives `push` the chars of [`fold`] of `w` (without its final periods) when `w` is not ASCII.
#[inline]
fn fold_each(w: &str, mut push: impl FnMut(char)) {
    for c in w.chars() {
        match c {
            // An ASCII char (most of a word with a curly apostrophe) without the case tables.
            c if c.is_ascii() => push(c.to_ascii_lowercase()),
            '’' | '‘' | 'ʼ' => push('\''),
            '‑' | '–' => push('-'),
            c => c.to_lowercase().for_each(&mut push),
        }
    }
}

/// Whether [`fold`] of `w` is one of `words` (lowercase ASCII): `with_fold(w, |f|
/// words.contains(&f))`, with an ASCII word compared as written, ignoring ASCII case, without
/// folding it (a capitalized word, "The", "His", was copied and lowercased first). A word that is
/// not ASCII is folded: of the chars that are not ASCII only the Kelvin sign folds to an ASCII
/// letter, but the fold decides. Trade-off: for a one-off test of a word that is often
/// capitalized (the word before a cue); in a loop over a window's words, mostly lowercase,
/// `with_fold` inlined costs less (tried in `indirect::is_clause`: +0.7 M instructions on 200
/// PolNeAR train articles, as a call per word).
pub fn folds_to_any(w: &str, words: &[&str]) -> bool {
    let t = trim_periods(w.as_bytes());
    if t.is_ascii() {
        return words.iter().any(|s| t.eq_ignore_ascii_case(s.as_bytes()));
    }
    with_fold(w, |f| words.contains(&f))
}

/// [`fold`] of `w`, written into the caller's `buf` when it fits (a capitalized word, "Trump’s")
/// and on the heap otherwise: for code that keeps the folded word in a variable and reads it
/// several times, where [`with_fold`]'s closure would not fit. Trade-off: the caller reserves
/// [`FOLD_BUFFER`] bytes of stack for a fold that, for a lowercase word, borrows `w` anyway.
pub fn fold_into<'a>(w: &'a str, buf: &'a mut [u8; FOLD_BUFFER]) -> Cow<'a, str> {
    match fold_onto(w, buf) {
        Some(f) => Cow::Borrowed(f),
        None => fold(w),
    }
}

/// Calls `f` with [`fold`] of `w`, without allocating for a word that folds into [`FOLD_BUFFER`]
/// bytes (a capitalized word, "Trump’s", folds into a stack buffer): for the hot loops that only
/// compare or look up the folded form.
pub fn with_fold<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    // The folding is not generic: in the wasm build, one copy (not one per caller's closure:
    // 50 KB smaller); natively, inlined into each caller (0.9 M fewer instructions on 200
    // PolNeAR train articles).
    let mut buf = [0u8; FOLD_BUFFER];
    match fold_onto(w, &mut buf) {
        Some(f_w) => f(f_w),
        None => f(&fold(w)),
    }
}

/// [`fold`] of `w`, borrowed from `w` or written into `buf`; `None` when it does not fit.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn fold_onto<'a>(w: &'a str, buf: &'a mut [u8; FOLD_BUFFER]) -> Option<&'a str> {
    let t = trim_periods_str(w);
    if t.len() > FOLD_BUFFER {
        return None;
    }
    if !folds_to_other(t.as_bytes()) {
        return Some(t);
    }
    if t.is_ascii() {
        let n = t.len();
        let out = &mut buf[..n];
        out.copy_from_slice(t.as_bytes());
        out.make_ascii_lowercase();
        // SAFETY: `out` holds the bytes of `t`, which is ASCII (just checked), each lowercased
        // by `make_ascii_lowercase`, which maps ASCII to ASCII: ASCII is valid UTF-8. (Checked
        // with `from_utf8` instead, over the whole buffer so that its loop ran a fixed length,
        // the check cost about 1.1 M of 116 M instructions on 200 PolNeAR train articles in
        // callgrind.)
        return Some(unsafe { std::str::from_utf8_unchecked(out) });
    }
    let mut n = 0;
    let mut fits = true;
    fold_each(t, |c| {
        let k = c.len_utf8();
        if n + k > FOLD_BUFFER {
            fits = false;
        } else {
            c.encode_utf8(&mut buf[n..]);
            n += k;
        }
    });
    // Whole chars encoded one after another: valid UTF-8.
    if fits {
        std::str::from_utf8(&buf[..n]).ok()
    } else {
        None
    }
}

/// `w` without its final periods: `w.trim_end_matches('.')`, by bytes.
#[inline]
fn trim_periods_str(w: &str) -> &str {
    // A period is ASCII: what is left ends on a char boundary.
    &w[..trim_periods(w.as_bytes()).len()]
}

/// Whether [`fold`] changes a word with no final period, `w`: whether it holds an ASCII
/// capital or a byte that is not ASCII. Eight bytes at a time: most words are one or two steps.
#[inline]
fn folds_to_other(w: &[u8]) -> bool {
    let changes = |x: u64| x & 0x8080_8080_8080_8080 != 0 || lower_ascii8(x) != x;
    let mut chunks = w.chunks_exact(8);
    if chunks.any(|c| changes(u64::from_le_bytes(c.try_into().unwrap_or_default()))) {
        return true;
    }
    let rest = chunks.remainder();
    // (`tail` pads with zeros, which no fold changes.)
    !rest.is_empty() && changes(tail(rest))
}

/// Longest word [`with_fold`] folds on the stack, in bytes; longer words are rare in prose.
pub const FOLD_BUFFER: usize = 32;

/// A hash of `w` that ignores ASCII case, and whether `w` is ASCII. Reads eight bytes at a time,
/// each with its 0x20 bit set: setting the bit lowercases a letter and leaves digits, `'`, `-`,
/// `.`, `&` and space as they are, so a word and its [`fold`] hash alike when the word is ASCII.
/// (Other bytes may hash alike too: a hash match is always confirmed by comparing the words.)
#[inline]
pub fn ascii_case_hash(w: &[u8]) -> (u32, bool) {
    let mut hash = CaseHash::new(w.len());
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        hash.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        hash.add(tail(rest));
    }
    hash.finish()
}

/// [`ascii_case_hash`] of `w` and its first eight bytes, little-endian, padded with zeros
/// ([`load_short`] of them). A word of fewer than eight bytes is one piece of the hash: read
/// once for both, where the hash and then [`load_short`] each read it, each with a branch on
/// its length that the predictor often missed (for `lexicon::Classes::of`).
#[inline]
pub fn ascii_case_hash_head(w: &[u8]) -> (u32, bool, u64) {
    if w.len() < 8 {
        let head = if w.is_empty() { 0 } else { tail(w) };
        let mut hash = CaseHash::new(w.len());
        if !w.is_empty() {
            hash.add(head);
        }
        let (h, ascii) = hash.finish();
        return (h, ascii, head);
    }
    let (h, ascii) = ascii_case_hash(w);
    (h, ascii, load8(w, 0))
}

/// [`ascii_case_hash`] of `hay[start..end]`, reading past `end` where `hay` goes on (a word of
/// a page's text): its last bytes are one load and a mask. Inlined into its callers, which ask it
/// of every word of a page (out of line, the call cost a third of it).
#[inline(always)]
pub fn ascii_case_hash_in(hay: &[u8], start: usize, end: usize) -> (u32, bool) {
    let mut hash = CaseHash::new(end - start);
    let mut at = start;
    while end - at >= 8 {
        hash.add(load8(hay, at));
        at += 8;
    }
    if at < end {
        let n = end - at;
        hash.add(if hay.len() - at >= 8 {
            // Little-endian: the word's bytes are the low `n`.
            load8(hay, at) & (u64::MAX >> (8 * (8 - n)))
        } else {
            tail(&hay[at..end])
        });
    }
    hash.finish()
}

/// The state of an [`ascii_case_hash`].
struct CaseHash {
    h: u64,
    high: u64,
}

impl CaseHash {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;

    #[inline]
    fn new(len: usize) -> CaseHash {
        CaseHash {
            h: (len as u64).wrapping_mul(Self::K),
            high: 0,
        }
    }

    /// Adds eight bytes (little-endian; a short last piece padded with zeros).
    #[inline]
    fn add(&mut self, x: u64) {
        self.high |= x;
        self.h = (self.h ^ (x | 0x2020_2020_2020_2020))
            .wrapping_mul(Self::K)
            .rotate_left(29);
    }

    #[inline]
    fn finish(&self) -> (u32, bool) {
        let h = self.h;
        (
            (h >> 32) as u32 ^ h as u32,
            self.high & 0x8080_8080_8080_8080 == 0,
        )
    }
}

/// The eight bytes of `b` at `at`, little-endian.
#[inline]
fn load8(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or_default())
}

/// One to seven bytes as a little-endian `u64` padded with zeros, in at most two loads (which may
/// overlap: an overlapping byte is the same byte at the same place).
#[inline]
fn tail(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes(b[..4].try_into().unwrap_or_default()));
        let hi = u64::from(u32::from_le_bytes(
            b[n - 4..].try_into().unwrap_or_default(),
        ));
        lo | hi << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u64::from(u16::from_le_bytes(b[..2].try_into().unwrap_or_default()));
        lo | u64::from(b[n - 1]) << (8 * (n - 1))
    } else {
        b.first().map_or(0, |&c| u64::from(c))
    }
}

/// A set of folded words (a word list), looked up by a folded word ([`WordSet::contains`]) or by
/// a word as written ([`WordSet::contains_word`], which folds an ASCII word as it compares, so a
/// capitalized word is neither copied nor lowercased).
///
/// Open addressing over [`ascii_case_hash`], at most half full; each slot keeps the full hash,
/// so a probe compares bytes only on a hash match. Trade-off: twice the slots of the words (a
/// few KB for the largest list) for short probe chains. Measured through `lexicon::is_word` on
/// PolNeAR (callgrind): about 130 instructions a call with the list's look-up, against about 200
/// for an `FxHashSet<&str>` behind [`with_fold`].
#[derive(Debug, Clone)]
pub struct WordSet {
    /// (hash, index into `words` + 1); 0 marks an empty slot.
    slots: Box<[(u32, u32)]>,
    words: Vec<&'static str>,
    mask: usize,
    /// The longest word's length in bytes: a longer word is in no set, without hashing it (one
    /// comparison more for a word that may be in the set; most words asked about the short
    /// function-word lists are longer than any of theirs).
    max_len: usize,
}

impl WordSet {
    /// The set of `words` (folded: lowercase, plain apostrophes and hyphens).
    pub fn new(words: &[&'static str]) -> WordSet {
        let cap = (words.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![(0u32, 0u32); cap].into_boxed_slice();
        let mask = cap - 1;
        for (i, w) in words.iter().enumerate() {
            let (h, _) = ascii_case_hash(w.as_bytes());
            let mut at = h as usize & mask;
            while slots[at].1 != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = (h, i as u32 + 1);
        }
        WordSet {
            slots,
            words: words.to_vec(),
            mask,
            max_len: words.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// The slot chain of hash `h`: the words whose hash is `h`.
    #[inline]
    fn find(&self, h: u32, eq: impl Fn(&str) -> bool) -> bool {
        let mut at = h as usize & self.mask;
        loop {
            let (sh, i) = self.slots[at];
            if i == 0 {
                return false;
            }
            if sh == h && eq(self.words[i as usize - 1]) {
                return true;
            }
            at = (at + 1) & self.mask;
        }
    }

    /// Whether folded word `f` is in the set.
    pub fn contains(&self, f: &str) -> bool {
        f.len() <= self.max_len && self.find(ascii_case_hash(f.as_bytes()).0, |s| s == f)
    }

    /// Whether [`fold`] of `w` is in the set: the same as `with_fold(w, |f| set.contains(f))`.
    pub fn contains_word(&self, w: &str) -> bool {
        let t = trim_periods(w.as_bytes());
        // An ASCII word's fold is as long as it is; a longer fold is in no set either.
        if t.len() > self.max_len && t.is_ascii() {
            return false;
        }
        let (h, ascii) = ascii_case_hash(t);
        if !ascii {
            return with_fold(w, |f| self.contains(f));
        }
        // An ASCII word folds to its lowercase: compare as if lowercased.
        self.find(h, |s| {
            s.len() == t.len() && s.bytes().zip(t).all(|(a, &b)| a == b.to_ascii_lowercase())
        })
    }
}

/// How many chars of `s` are uppercase: `s.chars().filter(|c| c.is_uppercase()).count()`,
/// without decoding ASCII (a rule counts the capitals of up to 2,000 bytes): the ASCII capitals
/// counted over the bytes, then the chars that are not ASCII, found eight bytes at a time.
pub fn count_uppercase(s: &str) -> usize {
    count_uppercase_while(s, |_, _| true)
}

/// Whether more than half the bytes of `s` are uppercase chars: `count_uppercase(s) * 2 >
/// s.len()` (a shouted line), stopped as soon as the bytes left are too few to make it so (each
/// byte is at most one capital). Prose is decided a little past half way, where the test of
/// reported content read all of it (200 PolNeAR train articles in callgrind: 0.8 M
/// instructions; 0.3 M fewer stopped).
pub fn mostly_uppercase(s: &str) -> bool {
    let len = s.len();
    count_uppercase_while(s, |n, at| 2 * (n + (len - at)) > len) * 2 > len
}

/// [`count_uppercase`] of `s`, or of a prefix of it: after each eight bytes, with the capitals
/// counted so far and the bytes read (a char boundary may fall inside the eight), the count
/// stops unless `go_on` holds.
#[inline(always)]
fn count_uppercase_while(s: &str, go_on: impl Fn(usize, usize) -> bool) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let b = s.as_bytes();
    let mut n = 0;
    // The lead byte of a char that is not ASCII is at least 0xC0; decode from there.
    let upper_at = |i: usize| usize::from(s[i..].chars().next().is_some_and(char::is_uppercase));
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or_default());
        // The ASCII capitals of eight bytes at once (as in `lower_ascii8`, on the low seven
        // bits of each byte so that no sum carries into the next; a byte with its high bit
        // set is no ASCII capital).
        let low = x & !HIGH;
        let ge_a = low.wrapping_add(ONES * u64::from(0x80 - b'A'));
        let gt_z = low.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
        n += (ge_a & !gt_z & !x & HIGH).count_ones() as usize;
        if x & HIGH != 0 {
            n += (0..8)
                .filter(|&k| c[k] >= 0xC0)
                .map(|k| upper_at(at + k))
                .sum::<usize>();
        }
        at += 8;
        if !go_on(n, at) {
            return n;
        }
    }
    for (k, &c) in chunks.remainder().iter().enumerate() {
        if c.is_ascii_uppercase() {
            n += 1;
        } else if c >= 0xC0 {
            n += upper_at(at + k);
        }
    }
    n
}

/// `w` without its final periods (what [`fold`] drops).
#[inline]
pub fn trim_periods(w: &[u8]) -> &[u8] {
    let mut n = w.len();
    while n > 0 && w[n - 1] == b'.' {
        n -= 1;
    }
    &w[..n]
}

/// Up to eight bytes as a little-endian `u64`, padded with zeros.
#[inline]
pub fn load_short(b: &[u8]) -> u64 {
    match b.len() {
        0 => 0,
        8.. => load8(b, 0),
        _ => tail(b),
    }
}

/// The ASCII lowercase of eight ASCII bytes at once (bytes `A`..=`Z` gain their 0x20 bit).
#[inline]
pub fn lower_ascii8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Each byte is below 0x80, so no sum carries into the next byte: the high bit of a byte
    // of `ge_a` says it is at least 'A', of `gt_z` that it is past 'Z'.
    let ge_a = x.wrapping_add(ONES * u64::from(0x80 - b'A'));
    let gt_z = x.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
    let upper = ge_a & !gt_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// The byte offset of the first `needle` in `hay`: `hay.find(needle)`, found by `memchr` on the
/// needle's rarest byte in prose ([`rarest_byte`]), which costs less than setting up a substring
/// searcher for one short line.
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(k) = rarest_byte(n) else {
        return hay.find(needle);
    };
    memchr::memchr_iter(n[k], h.get(k..)?).find(|&start| h[start..].starts_with(n))
}

/// The index of the byte of `needle` that is rarest in English prose, the one [`find_str`] and
/// [`match_indices`] look for with `memchr` (each stop a call and a compare): a punctuation mark,
/// a capital or a digit before any small letter, a small letter by its frequency, never a space
/// (`None` when the needle is only spaces). Of " and ", the 'd' (about 4% of the letters of
/// prose) instead of the 'a' (8%): on 200 PolNeAR train articles, where `indirect::clause_end`
/// looks for " and " in windows of up to 2,000 bytes, the first byte that is no space stopped
/// memchr twice as often.
fn rarest_byte(needle: &[u8]) -> Option<usize> {
    let mut best: Option<(u8, usize)> = None;
    for (k, &b) in needle.iter().enumerate() {
        let c = COMMONNESS[usize::from(b)];
        if c < best.map_or(u8::MAX, |(m, _)| m) {
            best = Some((c, k));
        }
    }
    best.map(|(_, k)| k)
}

/// How common each byte is in English prose, for [`rarest_byte`]: a small letter 100 and up by
/// its frequency, a space `u8::MAX` (never chosen), any other byte 0.
static COMMONNESS: [u8; 256] = {
    // Small letters from the commonest on.
    const LETTERS: &[u8; 26] = b"etaoinsrhldcumfpgwybvkxjqz";
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < LETTERS.len() {
        t[LETTERS[i] as usize] = 100 + (26 - i) as u8;
        i += 1;
    }
    t[b' ' as usize] = u8::MAX;
    t
};

/// The non-overlapping matches of `needle` in `hay`, in order, with their byte offsets:
/// `hay.match_indices(needle)` for a non-empty `needle`, found as [`find_str`] finds the first.
/// For the rules that look for a short separator ("; ", " and ") in a sentence's window: the
/// standard library's substring searcher is set up anew for every call, which cost more than
/// the search (PolNeAR train: 5 M instructions of 200 articles' 147 M went into it).
pub fn match_indices<'a>(hay: &'a str, needle: &'a str) -> MatchIndices<'a> {
    debug_assert!(!needle.is_empty(), "match_indices needs a needle");
    let n = needle.as_bytes();
    MatchIndices {
        hay,
        needle,
        key: rarest_byte(n).unwrap_or(0),
        at: 0,
    }
}

/// The iterator of [`match_indices`].
pub struct MatchIndices<'a> {
    hay: &'a str,
    needle: &'a str,
    /// The needle's rarest byte in prose ([`rarest_byte`], or 0): the byte memchr looks for.
    key: usize,
    /// Where the next match may start (bytes into `hay`).
    at: usize,
}

impl<'a> Iterator for MatchIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (h, n) = (self.hay.as_bytes(), self.needle.as_bytes());
        let k = self.key;
        let key = *n.get(k)?;
        loop {
            let from = self.at + k;
            let start = from + memchr::memchr(key, h.get(from..)?)? - k;
            if h[start..].starts_with(n) {
                self.at = start + n.len();
                // A match of a `str` starts and ends on char boundaries.
                return Some((start, &self.hay[start..self.at]));
            }
            self.at = start + 1;
        }
    }
}

/// The paragraphs of `text`: maximal runs of non-blank lines, trimmed. A single line break also
/// ends a paragraph: extracted article text puts one block per line.
pub fn paragraphs(text: &str) -> Vec<Span> {
    // PolNeAR: a paragraph every 180 bytes; sized for a little more, one allocation a page.
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    let mut start = 0;
    // Bytes, not chars: '\n' and '\r' are ASCII and U+2029 is E2 80 A9, and no other char's
    // UTF-8 holds those byte runs.
    let b = text.as_bytes();
    let mut line = |i: usize, len: usize| {
        if let Some(p) = trim(text, Span::new(start, i)) {
            out.push(p);
        }
        start = i + len;
    };
    // News text is full of 0xE2 (the lead byte of curly quotes and dashes) and rarely holds a
    // U+2029: without one, only the line breaks are searched for. (Looked for by its last byte,
    // 0xA9, which few chars of news text hold; a substring searcher would add its code to the
    // wasm build, about 45 KB.)
    let separator = memchr::memchr_iter(0xA9, b).any(|i| i >= 2 && b[i - 2..i] == [0xE2, 0x80]);
    if !separator {
        for i in memchr::memchr2_iter(b'\n', b'\r', b) {
            line(i, 1);
        }
    } else {
        for i in memchr::memchr3_iter(b'\n', b'\r', 0xE2, b) {
            match b[i] {
                b'\n' | b'\r' => line(i, 1),
                _ if b[i + 1..].starts_with(&[0x80, 0xA9]) => line(i, 3),
                _ => {}
            }
        }
    }
    if let Some(p) = trim(text, Span::new(start, text.len())) {
        out.push(p);
    }
    out
}

/// The piece of `s` after its last space (all of `s` without one): `s.rsplit(' ').next()`,
/// found by a loop over the bytes from the end. For the rules that read the word before a cue
/// or a speaker: that piece is a word of a few bytes, where `rsplit` set up a searcher and paid
/// a call for it (200 PolNeAR train articles in callgrind: about 90 instructions a word; 0.25 M
/// fewer in all).
#[inline]
pub fn after_last_space(s: &str) -> &str {
    let from = s.bytes().rposition(|b| b == b' ').map_or(0, |i| i + 1);
    &s[from..]
}

/// `span` without leading and trailing whitespace, or `None` when nothing is left.
pub fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.of(text);
    // Each end read once (`trim` after `trim_start` read the start twice).
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let t = t.trim_end();
    (!t.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + t.len()))
}

/// Closing marks that may follow a sentence's final punctuation before the break.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '」' | '›')
}

/// Opening marks a new sentence may begin with.
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '„' | '「' | '‹'
    )
}

/// Byte offsets in `para` where a sentence ends (just after its final punctuation and any closing
/// marks), excluding the paragraph end. A break needs `.`, `!` or `?` followed by space and then an
/// uppercase letter, digit or opening mark; a period after an initial or abbreviation is no break.
pub fn sentence_breaks(text: &str, para: Span) -> Vec<usize> {
    let mut out = Vec::new();
    sentence_breaks_into(text, para, &mut out);
    out
}

/// [`sentence_breaks`] appended to `out`: a document reads all its paragraphs' breaks into one
/// buffer instead of allocating one per paragraph.
pub fn sentence_breaks_into(text: &str, para: Span, out: &mut Vec<usize>) {
    let s = para.of(text);
    let b = s.as_bytes();
    // The end of the last run of final punctuation and closers read: a run is read once.
    let mut read_to = 0;
    // The candidates are found by byte: '.', '!' and '?' are ASCII and '…' is E2 80 A6, and no
    // other char's UTF-8 holds those byte runs. Two searches, merged in text order.
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', b).peekable();
    // (memchr on the last byte, 0xA6, which few chars of news text end in, where the lead byte
    // 0xE2 opens every curly quote and dash; a substring searcher's set-up cost more than a
    // paragraph's search.)
    let mut ellipses = memchr::memchr_iter(0xA6, b)
        .filter(|&i| i >= 2 && b[i - 2..i] == [0xE2, 0x80])
        .map(|i| i - 2)
        .peekable();
    loop {
        let i = match (stops.peek(), ellipses.peek()) {
            (Some(&d), Some(&e)) if e < d => ellipses.next(),
            (Some(_), _) => stops.next(),
            (None, _) => ellipses.next(),
        };
        let Some(i) = i else { break };
        let c = if b[i] == 0xE2 {
            '…'
        } else {
            char::from(b[i])
        };
        if i < read_to {
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(d) = s[j..]
            .chars()
            .next()
            .filter(|&d| is_closer(d) || matches!(d, '.' | '!' | '?'))
        {
            j += d.len_utf8();
        }
        read_to = j;
        let after = &s[j..];
        let rest = after.trim_start();
        if rest.len() == after.len() || rest.is_empty() {
            continue; // no space after, or the paragraph's end
        }
        let next = rest.chars().next().unwrap_or(' ');
        if !(next.is_uppercase() || next.is_ascii_digit() || is_opener(next)) {
            continue;
        }
        if c == '.' && j == i + 1 {
            // The word before the period: an initial or abbreviation does not end a sentence.
            let before = &s[..i];
            let w_start = before
                .char_indices()
                .rev()
                .find(|&(_, d)| !(is_word_char(d) || d == '.'))
                .map_or(0, |(k, d)| k + d.len_utf8());
            let w = &before[w_start..];
            // "… attacks in the U.S. He says …": an abbreviation that may end a sentence, before
            // a word that opens one.
            let ends = can_end_sentence(w) && {
                let next_word = rest
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                opens_sentence(next_word)
            };
            if !ends && (is_initial(w) || is_abbreviation(w)) {
                continue;
            }
        }
        out.push(para.start + j);
    }
}

/// The byte offsets in `s` where a new clause of the writer's own begins: "; ", and ", " before
/// one of `conjunctions` ("and", "but", "while") followed by a space; with `dash`, also " — ".
/// One pass over the bytes, for the rules that used to search for each boundary in turn.
pub fn clause_breaks<'a>(
    s: &'a str,
    conjunctions: &'a [&'a str],
    dash: bool,
) -> impl Iterator<Item = usize> + 'a {
    let b = s.as_bytes();
    // The candidates by memchr: ';', ',' and the em dash's lead byte 0xE2, whose break is the
    // space before it (no candidate lies between that space and the dash, so the order holds).
    memchr::memchr3_iter(b';', b',', 0xE2, b).filter_map(move |i| match b[i] {
        b';' => (b.get(i + 1) == Some(&b' ')).then_some(i),
        b',' => (b.get(i + 1) == Some(&b' ')
            && conjunctions.iter().any(|c| {
                b[i + 2..].starts_with(c.as_bytes()) && b.get(i + 2 + c.len()) == Some(&b' ')
            }))
        .then_some(i),
        _ => (dash && i > 0 && b[i - 1] == b' ' && b[i..].starts_with("— ".as_bytes()))
            .then(|| i - 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(text: &str) -> Vec<&str> {
        words(text, Span::new(0, text.len()))
            .iter()
            .map(|w| w.span.of(text))
            .collect()
    }

    #[test]
    fn words010_initials_and_acronyms() {
        assert_eq!(
            ws("said Colin P. Clarke, of the U.S."),
            ["said", "Colin", "P.", "Clarke", "of", "the", "U.S."]
        );
    }

    #[test]
    fn words020_joiners() {
        assert_eq!(
            ws("ISIS-K’s Moscow's AT&T 24.75% end."),
            ["ISIS-K’s", "Moscow's", "AT&T", "24.75", "end"]
        );
    }

    #[test]
    fn sentences010_abbreviations_do_not_break() {
        let t = "Sen. Tom Cotton spoke. Colin P. Clarke said so. “Yes.” He left";
        let got: Vec<usize> = sentence_breaks(t, Span::new(0, t.len()));
        let cut: Vec<&str> = got.iter().map(|&i| &t[..i]).collect();
        assert_eq!(
            cut,
            [
                "Sen. Tom Cotton spoke.",
                "Sen. Tom Cotton spoke. Colin P. Clarke said so.",
                "Sen. Tom Cotton spoke. Colin P. Clarke said so. “Yes.”"
            ]
        );
    }

    #[test]
    fn sentences020_long_runs_are_read_once() {
        let t = format!("One{} Two.", ".".repeat(100_000));
        assert_eq!(sentence_breaks(&t, Span::new(0, t.len())), [t.len() - 5]);
    }

    #[test]
    fn search010_the_rarest_byte_is_looked_for() {
        assert_eq!(rarest_byte(b" and "), Some(3));
        assert_eq!(rarest_byte(b" but "), Some(1));
        assert_eq!(rarest_byte(b"; "), Some(0));
        assert_eq!(rarest_byte(b" Says "), Some(1));
        assert_eq!(rarest_byte(b"  "), None);
    }

    #[test]
    fn windows010_back_and_ahead_stay_on_char_boundaries() {
        let t = "aé“b”c";
        for i in 0..=t.len() {
            for m in 0..4 {
                assert!(t.is_char_boundary(back(t, i.min(t.len()), m)));
                assert!(t.is_char_boundary(ahead(t, i, m)));
            }
        }
    }

    /// The char-by-char reading `words` replaced, as the reference its byte reading is held to.
    fn naive_words(text: &str, range: Span) -> Vec<Word> {
        let mut out = Vec::new();
        let s = &text[range.range()];
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if !is_word_char(c) {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else if is_joiner(d)
                    && s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_word_char)
                {
                    it.next();
                    end = j + d.len_utf8();
                } else {
                    break;
                }
            }
            // A trailing period belongs to initials, acronyms and abbreviations.
            if s[end..].starts_with('.') {
                let w = &s[i..end];
                if is_initial(w) || w.contains('.') || is_abbreviation(w) {
                    end += 1;
                }
            }
            out.push(Word {
                span: Span::new(range.start + i, range.start + end),
            });
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn words030_bytes_read_as_chars(t in "[a-zA-Z0-9 .,'’‑&é“”…Ü\u{a0}\u{2029}-]{0,40}") {
            proptest::prop_assert_eq!(words(&t, Span::new(0, t.len())), naive_words(&t, Span::new(0, t.len())));
        }
    }

    /// The char-by-char fold `fold_each` replaced, as its reference.
    fn naive_fold(w: &str) -> String {
        let mut s = String::new();
        for c in w.trim_end_matches('.').chars() {
            match c {
                '’' | '‘' | 'ʼ' => s.push('\''),
                '‑' | '–' => s.push('-'),
                c => s.extend(c.to_lowercase()),
            }
        }
        s
    }

    proptest::proptest! {
        #[test]
        fn fold020_with_fold_is_fold_of_any_word(w in "[a-zA-Z.’‘ʼ‑–'ÜüİΣßẞ\u{10400}-]{0,40}") {
            proptest::prop_assert_eq!(fold(&w), naive_fold(&w));
            proptest::prop_assert_eq!(with_fold(&w, str::to_string), naive_fold(&w));
        }
    }

    /// The set answers as the list's linear reading did.
    #[test]
    fn abbreviation010_set_is_the_list() {
        let naive = |w: &str| {
            let w = w.trim_end_matches('.');
            w.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
        };
        let mut words: Vec<String> = Vec::new();
        for a in ABBREVIATIONS {
            words.extend([
                a.to_string(),
                a.to_uppercase(),
                format!("{a}."),
                format!("{}{}.", a[..1].to_uppercase(), &a[1..]),
                format!("{a}x"),
                a[1..].to_string(),
            ]);
        }
        words.extend(["", ".", "Über", "İnc", "ﬁ", "Sept.", "Messrs."].map(String::from));
        for w in &words {
            assert_eq!(is_abbreviation(w), naive(w), "{w:?}");
        }
    }

    #[test]
    fn words040_general_punctuation_holds_no_word_char() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn fold010_with_fold_is_fold() {
        let long = "A".repeat(40);
        for w in [
            "said",
            "Said",
            "U.S.",
            "ISIS-K’s",
            "Über",
            "MOSCOW",
            "",
            ".",
            "Sen.",
            "x.y.",
            &long,
            "abcdefghijklmnopqrstuvwxyzABCDEF",
            "abcdefghijklmnopqrstuvwxyzABCDEFG",
        ] {
            assert_eq!(with_fold(w, str::to_string), fold(w), "{w}");
        }
    }

    /// A word set answers as the hash set of its words, for folded words and for words as
    /// written (capitalized, with final periods, not ASCII).
    #[test]
    fn wordset010_is_a_set_of_folded_words() {
        let list = [
            "he",
            "the",
            "u.s",
            "o'neill",
            "vice-president",
            "über",
            "",
            "mr",
            "AB",
        ];
        let set = WordSet::new(&list);
        for w in [
            "he",
            "He",
            "HE",
            "he.",
            "He..",
            "the",
            "The",
            "U.S.",
            "u.s",
            "O'Neill",
            "O’Neill",
            "Vice‑President",
            "vice-president",
            "Über",
            "über",
            "",
            ".",
            "Mr.",
            "mr",
            "ab",
            "AB",
            "Ab",
            "she",
            "hex",
            "t",
            "th",
        ] {
            let want = list.contains(&fold(w).as_ref());
            assert_eq!(set.contains_word(w), want, "{w}");
            assert_eq!(set.contains(w), list.contains(&w), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn space010_after_last_space_by_bytes(t in "[ a-z.,\u{a0}é’]{0,20}") {
            proptest::prop_assert_eq!(Some(after_last_space(&t)), t.rsplit(' ').next());
        }
    }

    proptest::proptest! {
        #[test]
        fn upper010_counted_by_bytes(t in "[ -~ÉéÜüΣσ’“İ\u{10400}\u{10428}]{0,30}") {
            proptest::prop_assert_eq!(count_uppercase(&t), t.chars().filter(|c| c.is_uppercase()).count());
        }

        #[test]
        fn upper020_mostly_stops_early(t in "[ -~ÉéÜüΣσ’“İ\u{10400}\u{10428}]{0,60}") {
            proptest::prop_assert_eq!(mostly_uppercase(&t), count_uppercase(&t) * 2 > t.len());
        }
    }

    proptest::proptest! {
        #[test]
        fn lower010_eight_bytes_at_once(w in "[ -~]{0,8}") {
            let mut want = [0u8; 8];
            want[..w.len()].copy_from_slice(w.to_ascii_lowercase().as_bytes());
            proptest::prop_assert_eq!(lower_ascii8(load_short(w.as_bytes())), u64::from_le_bytes(want));
        }
    }

    proptest::proptest! {
        #[test]
        fn hash010_in_a_text_is_of_the_word(t in "[a-zA-Z.’-]{0,24}", a in 0usize..24, n in 0usize..24) {
            let b = t.as_bytes();
            let (start, end) = (a.min(b.len()), (a + n).min(b.len()));
            proptest::prop_assert_eq!(ascii_case_hash_in(b, start, end), ascii_case_hash(&b[start..end]));
        }
    }

    proptest::proptest! {
        #[test]
        fn wordset020_contains_word_is_fold_then_contains(w in "[a-cA-C.’'é-]{0,5}") {
            let list = ["a", "ab", "b.c", "a'b", "é", "c-a", "abc"];
            let set = WordSet::new(&list);
            proptest::prop_assert_eq!(set.contains_word(&w), list.contains(&fold(&w).as_ref()));
        }
    }

    proptest::proptest! {
        #[test]
        fn find020_match_indices_is_std(h in "[ ;:andbxé—]{0,30}", n in "[ ;:andbxé—]{1,5}") {
            let want: Vec<(usize, &str)> = h.match_indices(n.as_str()).collect();
            proptest::prop_assert_eq!(match_indices(&h, &n).collect::<Vec<_>>(), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn words050_alnum_runs_eight_bytes_at_once(t in proptest::collection::vec(proptest::num::u8::ANY, 0..24), at in 0usize..24) {
            let at = at.min(t.len());
            let naive = at + t[at..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            proptest::prop_assert_eq!(alnum_run_end(&t, at), naive);
        }
    }

    proptest::proptest! {
        #[test]
        fn find010_find_str_is_find(h in "[ :Sayx]{0,30}", n in "[ :Sayx]{0,4}") {
            proptest::prop_assert_eq!(find_str(&h, &n), h.find(n.as_str()));
        }
    }

    /// The byte-by-byte reading `clause_breaks` replaced, as its reference.
    fn naive_clause_breaks(s: &str, conjunctions: &[&str], dash: bool) -> Vec<usize> {
        let b = s.as_bytes();
        (0..b.len())
            .filter(move |&i| match b[i] {
                b';' => b.get(i + 1) == Some(&b' '),
                b',' => {
                    b.get(i + 1) == Some(&b' ')
                        && conjunctions.iter().any(|c| {
                            b[i + 2..].starts_with(c.as_bytes())
                                && b.get(i + 2 + c.len()) == Some(&b' ')
                        })
                }
                b' ' => dash && b[i + 1..].starts_with("— ".as_bytes()),
                _ => false,
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn clauses010_breaks_by_memchr(s in "[ ,;—–a-z’]{0,30}", dash: bool) {
            let c = ["and", "but"];
            proptest::prop_assert_eq!(clause_breaks(&s, &c, dash).collect::<Vec<_>>(), naive_clause_breaks(&s, &c, dash));
        }
    }

    #[test]
    fn paragraphs010_lines_are_paragraphs() {
        let t = "One.\n\n  Two two.\nThree\n";
        let got: Vec<&str> = paragraphs(t).iter().map(|p| p.of(t)).collect();
        assert_eq!(got, ["One.", "Two two.", "Three"]);
    }
}
