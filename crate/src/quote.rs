//! Finding quotation spans: which marks open and close a quotation, across paragraphs.
//!
//! The main type is [`QuoteSpan`]; [`find_quotes`] returns them in text order. Offsets are bytes.

use crate::span::Span;
use crate::text::{is_word_char, paragraphs};

/// One quotation found between marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The words inside the marks, trimmed of whitespace (bytes). For a quote that runs over
    /// several paragraphs this covers them all, including the continuation marks between.
    pub inner: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, or `None` when the paragraph ended first (a mark lost in scraping).
    pub close: Option<Span>,
    /// 0 for a top-level quote; 1 for a quote nested inside another (‘duty to warn’ inside “…”).
    pub depth: u8,
    /// Whether the quote runs over more than one paragraph.
    pub multi_paragraph: bool,
}

impl QuoteSpan {
    /// From the opening mark to the closing mark (or the inner end), inclusive of both.
    pub fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map_or(self.inner.end, |c| c.end),
        )
    }
}

/// What a double quotation mark does at one position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

/// Longest top-level quote kept when its closing mark is missing, in bytes. Trade-off: a lost
/// closing mark in a long paragraph would otherwise turn the whole paragraph into a quote.
const MAX_UNCLOSED: usize = 600;

fn is_space_or_start(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
    })
}

/// The role of a double mark `c` given its neighbours and whether a quote is open (and by what).
fn role(c: char, prev: Option<char>, next: Option<char>, open_by: Option<char>) -> Option<Role> {
    let before_space = is_space_or_start(prev);
    let after_word = next
        .is_some_and(|n| is_word_char(n) || matches!(n, '‘' | '\'' | '…' | '.' | '$' | '(' | '['));
    Some(match c {
        '“' => {
            if open_by == Some('„') || (open_by.is_some() && !before_space && !after_word) {
                Role::Close // German „…“, or a “ typed where ” was meant
            } else {
                Role::Open
            }
        }
        '”' => {
            if open_by.is_none() && before_space && after_word {
                Role::Open // a ” typed where “ was meant
            } else {
                Role::Close
            }
        }
        '"' => {
            if open_by.is_some() {
                Role::Close
            } else if before_space || !prev.is_some_and(is_word_char) {
                Role::Open
            } else {
                return None; // inches, or a stray mark after a word
            }
        }
        '„' | '«' | '「' => Role::Open,
        '»' | '」' => Role::Close,
        _ => return None,
    })
}

fn is_double_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '"' | '„' | '«' | '»' | '「' | '」')
}

/// Finds every quotation in `text`, top-level and nested, in order of their opening marks.
///
/// A quote whose paragraph ends without a closing mark continues when the next paragraph opens
/// with a mark (the news convention for a quote over several paragraphs); otherwise it ends with
/// its paragraph, if it is short enough to be believed.
pub fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    find_quotes_in(text, &paragraphs(text))
}

/// [`find_quotes`] given the [`paragraphs`] of `text`, for a caller that has them already.
pub fn find_quotes_in(text: &str, paras: &[Span]) -> Vec<QuoteSpan> {
    // PolNeAR: a quote every 520 bytes; sized for twice that, one allocation for most pages.
    let mut out = Vec::with_capacity(text.len() / 256 + 1);
    // The quote being read: (opening mark, the char that opened it, multi-paragraph).
    let mut open: Option<(Span, char, bool)> = None;
    // Whether this paragraph's first character is the continuation mark of an open quote.
    let mut continuing = false;
    for (pi, para) in paras.iter().enumerate() {
        let s = para.of(text);
        let b = s.as_bytes();
        // Where the last '' or `` pair (read as one '"') ended: the char before that offset reads
        // as '"' rather than as the pair's second mark.
        let mut pair_end = usize::MAX;
        let mut i = 0;
        if continuing {
            // The continuation mark itself: a pair, or one mark char.
            continuing = false;
            i = if b.starts_with(b"''") || b.starts_with(b"``") {
                pair_end = 2;
                2
            } else {
                s.chars().next().map_or(0, char::len_utf8)
            };
        }
        let mut leads = Leads::new(b, DOUBLE_LEAD);
        while let Some(k) = leads.next(i) {
            let d = b[k];
            // Two apostrophes (or two backticks) typed for one double mark: ''…'' and ``…''.
            let (c, width) = if (d == b'\'' || d == b'`') && b.get(k + 1) == Some(&d) {
                ('"', 2)
            } else {
                let c = char_at(s, k);
                (c, c.len_utf8())
            };
            i = k + width;
            if !is_double_mark(c) {
                continue;
            }
            let prev = if pair_end == k {
                Some('"')
            } else {
                s[..k].chars().next_back()
            };
            if width == 2 {
                pair_end = i;
            }
            let next = s[i..].chars().next();
            let at = Span::new(para.start + k, para.start + i);
            match (role(c, prev, next, open.map(|o| o.1)), open) {
                (Some(Role::Open), None) => open = Some((at, c, false)),
                (Some(Role::Open), Some(_)) => open = Some((at, c, false)), // the earlier mark was stray
                (Some(Role::Close), Some((o, _, multi))) => {
                    if let Some(inner) = crate::text::trim(text, Span::new(o.end, at.start)) {
                        out.push(QuoteSpan {
                            inner,
                            open: o,
                            close: Some(at),
                            depth: 0,
                            multi_paragraph: multi,
                        });
                    }
                    open = None;
                }
                _ => {}
            }
        }
        // The paragraph ended inside a quote: does the next paragraph continue it?
        if let Some((o, c, _)) = open {
            let continues = paras
                .get(pi + 1)
                .is_some_and(|n| opens_continuation(n.of(text)));
            if continues {
                open = Some((o, c, true));
                continuing = true;
                continue;
            }
            if let Some(inner) = crate::text::trim(text, Span::new(o.end, para.end)) {
                if inner.len() <= MAX_UNCLOSED {
                    out.push(QuoteSpan {
                        inner,
                        open: o,
                        close: None,
                        depth: 0,
                        multi_paragraph: false,
                    });
                }
            }
            open = None;
        }
    }
    let nested: Vec<QuoteSpan> = out
        .iter()
        .flat_map(|q| nested_quotes(text, q.inner))
        .collect();
    out.extend(nested);
    out.sort_by_key(|q| (q.open.start, q.depth));
    out
}

/// Whether paragraph `p` opens with a double quotation mark: the news convention for a quote
/// that goes on from the previous paragraph, whose closing mark is left out.
fn opens_continuation(p: &str) -> bool {
    p.starts_with("''")
        || p.starts_with("``")
        || p.chars()
            .next()
            .is_some_and(|f| matches!(f, '“' | '"' | '«' | '„' | '「'))
}

/// Quotes nested one level inside `parent` (bytes): ‘…’, '…', ‹…›, 『…』. An apostrophe is never an
/// opening mark (it follows a letter), and is a closing mark only when no letter follows it.
fn nested_quotes(text: &str, parent: Span) -> Vec<QuoteSpan> {
    let s = parent.of(text);
    let mut out = Vec::new();
    let mut open: Option<Span> = None;
    let b = s.as_bytes();
    let mut i = 0;
    let mut leads = Leads::new(b, SINGLE_LEAD);
    while let Some(k) = leads.next(i) {
        let c = char_at(s, k);
        i = k + c.len_utf8();
        let (may_open, may_close) = (
            matches!(c, '‘' | '\'' | '‹' | '『'),
            matches!(c, '’' | '\'' | '›' | '』'),
        );
        if !may_open && !may_close {
            continue;
        }
        let prev = s[..k].chars().next_back();
        let next = s[i..].chars().next();
        let at = Span::new(parent.start + k, parent.start + i);
        let opens = may_open
            && (prev.is_none()
                || prev.is_some_and(|p| p.is_whitespace() || matches!(p, '(' | '—' | '“' | '"')))
            && next.is_some_and(is_word_char);
        let closes = may_close
            && prev.is_some_and(|p| !p.is_whitespace())
            && !next.is_some_and(is_word_char);
        if open.is_none() && opens {
            open = Some(at);
        } else if let (Some(o), true) = (open, closes) {
            if let Some(inner) = crate::text::trim(text, Span::new(o.end, at.start)) {
                out.push(QuoteSpan {
                    inner,
                    open: o,
                    close: Some(at),
                    depth: 1,
                    multi_paragraph: false,
                });
            }
            open = None;
        }
    }
    out
}

/// The offsets of the bytes that may begin one of a set of marks, in order: the scans jump from
/// one such byte to the next instead of decoding every char (a mark is ASCII or starts with one
/// of these lead bytes, and no continuation byte is one of them). Two sets of three bytes, each
/// found by `memchr3`; the next hit of each is kept, so each set's search reads the text once.
struct Leads<'b> {
    b: &'b [u8],
    sets: [Option<[u8; 3]>; 2],
    /// The next hit of each set at or after the last `from`, or `None` past the last one.
    next: [Option<usize>; 2],
    /// Where each set's `next` was searched from.
    searched: [usize; 2],
}

/// Lead bytes of the double marks and of the two-char ones: '"', '\'', E2 (“”„) first, the
/// rarer '`', C2 («») and E3 (「」) second.
const DOUBLE_LEAD: [Option<[u8; 3]>; 2] = [Some([b'"', b'\'', 0xE2]), Some([b'`', 0xC2, 0xE3])];

/// Lead bytes of the nested marks: '\'', E2 (‘’‹›), E3 (『』).
const SINGLE_LEAD: [Option<[u8; 3]>; 2] = [Some([b'\'', 0xE2, 0xE3]), None];

impl<'b> Leads<'b> {
    fn new(b: &'b [u8], sets: [Option<[u8; 3]>; 2]) -> Leads<'b> {
        Leads {
            b,
            sets,
            next: [None; 2],
            searched: [usize::MAX; 2],
        }
    }

    /// The first offset at or after `from` whose byte is a lead byte (a char boundary). `from`
    /// never decreases between calls.
    fn next(&mut self, from: usize) -> Option<usize> {
        for k in 0..2 {
            let stale = self.searched[k] == usize::MAX || self.next[k].is_some_and(|at| at < from);
            if let (true, Some([x, y, z])) = (stale, self.sets[k]) {
                self.next[k] = self
                    .b
                    .get(from..)
                    .and_then(|rest| memchr::memchr3(x, y, z, rest))
                    .map(|at| from + at);
                self.searched[k] = from;
            }
        }
        match self.next {
            [Some(p), Some(q)] => Some(p.min(q)),
            [p, q] => p.or(q),
        }
    }
}

/// The char starting at byte `i` of `s` (a char boundary, not the end).
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(t: &str) -> Vec<&str> {
        find_quotes(t).iter().map(|q| q.inner.of(t)).collect()
    }

    #[test]
    fn quote010_two_apostrophes_and_backticks() {
        assert_eq!(
            inner("''We are ready,'' said Roe. ``Yes,'' he added."),
            ["We are ready,", "Yes,"]
        );
        // An apostrophe stays an apostrophe.
        assert_eq!(inner("Roe's plan, the voters' choice."), Vec::<&str>::new());
    }

    /// The char-by-char reading the byte scans replaced, as the reference they are held to.
    fn naive_find_quotes_in(text: &str, paras: &[Span]) -> Vec<QuoteSpan> {
        let mut out = Vec::new();
        // The quote being read: (opening mark, the char that opened it, multi-paragraph).
        let mut open: Option<(Span, char, bool)> = None;
        // Whether this paragraph's first character is the continuation mark of an open quote.
        let mut continuing = false;
        for (pi, para) in paras.iter().enumerate() {
            let s = para.of(text);
            let mut prev: Option<char> = None;
            let mut chars = s.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let mut next = chars.peek().map(|&(_, n)| n);
                // Two apostrophes (or two backticks) typed for one double mark: ''…'' and ``…''.
                let (c, width) = match (c, next) {
                    ('\'', Some('\'')) | ('`', Some('`')) => {
                        chars.next();
                        next = chars.peek().map(|&(_, n)| n);
                        ('"', 2)
                    }
                    _ => (c, c.len_utf8()),
                };
                if continuing {
                    continuing = false; // the continuation mark itself
                } else if is_double_mark(c) {
                    let at = Span::new(para.start + i, para.start + i + width);
                    match (role(c, prev, next, open.map(|o| o.1)), open) {
                        (Some(Role::Open), None) => open = Some((at, c, false)),
                        (Some(Role::Open), Some(_)) => open = Some((at, c, false)), // the earlier mark was stray
                        (Some(Role::Close), Some((o, _, multi))) => {
                            if let Some(inner) = crate::text::trim(text, Span::new(o.end, at.start))
                            {
                                out.push(QuoteSpan {
                                    inner,
                                    open: o,
                                    close: Some(at),
                                    depth: 0,
                                    multi_paragraph: multi,
                                });
                            }
                            open = None;
                        }
                        _ => {}
                    }
                }
                prev = Some(c);
            }
            // The paragraph ended inside a quote: does the next paragraph continue it?
            if let Some((o, c, _)) = open {
                let continues = paras
                    .get(pi + 1)
                    .is_some_and(|n| opens_continuation(n.of(text)));
                if continues {
                    open = Some((o, c, true));
                    continuing = true;
                    continue;
                }
                if let Some(inner) = crate::text::trim(text, Span::new(o.end, para.end)) {
                    if inner.len() <= MAX_UNCLOSED {
                        out.push(QuoteSpan {
                            inner,
                            open: o,
                            close: None,
                            depth: 0,
                            multi_paragraph: false,
                        });
                    }
                }
                open = None;
            }
        }
        let nested: Vec<QuoteSpan> = out
            .iter()
            .flat_map(|q| naive_nested_quotes(text, q.inner))
            .collect();
        out.extend(nested);
        out.sort_by_key(|q| (q.open.start, q.depth));
        out
    }

    /// Quotes nested one level inside `parent` (bytes): ‘…’, '…', ‹…›, 『…』. An apostrophe is never an
    /// opening mark (it follows a letter), and is a closing mark only when no letter follows it.
    fn naive_nested_quotes(text: &str, parent: Span) -> Vec<QuoteSpan> {
        let s = parent.of(text);
        let mut out = Vec::new();
        let mut open: Option<Span> = None;
        let mut prev: Option<char> = None;
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let at = Span::new(parent.start + i, parent.start + i + c.len_utf8());
            let opens = matches!(c, '‘' | '\'' | '‹' | '『')
                && (prev.is_none()
                    || prev
                        .is_some_and(|p| p.is_whitespace() || matches!(p, '(' | '—' | '“' | '"')))
                && next.is_some_and(is_word_char);
            let closes = matches!(c, '’' | '\'' | '›' | '』')
                && prev.is_some_and(|p| !p.is_whitespace())
                && !next.is_some_and(is_word_char);
            if open.is_none() && opens {
                open = Some(at);
            } else if let (Some(o), true) = (open, closes) {
                if let Some(inner) = crate::text::trim(text, Span::new(o.end, at.start)) {
                    out.push(QuoteSpan {
                        inner,
                        open: o,
                        close: Some(at),
                        depth: 1,
                        multi_paragraph: false,
                    });
                }
                open = None;
            }
            prev = Some(c);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn quote030_bytes_read_as_chars(t in "[a-z “”\"„«»「」‘’'`‹›『』(—:\n]{0,40}") {
            let paras = paragraphs(&t);
            proptest::prop_assert_eq!(find_quotes_in(&t, &paras), naive_find_quotes_in(&t, &paras));
        }
    }

    #[test]
    fn quote020_continuation_with_two_apostrophes() {
        let t = "''First paragraph.\n''Second paragraph.'' she said.";
        let q = find_quotes(t);
        assert_eq!(q.len(), 1);
        assert!(q[0].multi_paragraph);
    }
}
