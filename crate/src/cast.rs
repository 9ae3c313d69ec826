//! The cast of a document: the people it names in full, so that a later "Cotton said" or
//! "Mr. Byman" resolves to "Tom Cotton" or "Daniel Byman".

use crate::lexicon::{self, is_word, Classes};
use crate::span::Span;
use crate::text::{is_capitalized, is_initial, with_fold, Word};

/// Most words in a full name (titles left out): a longer run of name words is a headline or a
/// list.
const MAX_NAME_WORDS: usize = 5;

/// One full-name mention: a run of two to five name words, without titles.
#[derive(Debug, Clone)]
struct Member {
    at: usize,
    /// The name's words as written, titles left out (bytes into the text).
    span: Span,
    /// The name, its words joined by single spaces: bytes into [`Cast::buf`].
    name: Span,
    /// Its folded words, initials dropped ("colin", "clarke"): bytes into [`Cast::buf`], the
    /// first `len` of them.
    parts: [Span; MAX_NAME_WORDS],
    len: usize,
}

impl Member {
    fn parts(&self) -> &[Span] {
        &self.parts[..self.len]
    }
}

/// The people a document names in full, in text order. Built once per document in one pass over
/// its words, with three allocations whatever the number of names (every name and folded name
/// word is a slice of one buffer); a lookup walks the members, about a dozen on a news page.
#[derive(Debug, Clone, Default)]
pub struct Cast {
    members: Vec<Member>,
    /// The members' names and folded name words, one after another.
    buf: String,
}

/// Whether `w` is an acronym ("ISIS", "CNN", "US"): part of no person's name.
fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether the word at `span` of `text` (bytes) may be part of a person's name by its first
/// bytes: [`is_part`] is `None` for a word that opens with a small ASCII letter or a digit, except
/// "al-" ("al-Baghdadi").
#[inline]
pub fn may_open_part(text: &[u8], span: Span) -> bool {
    let first = text[span.start];
    // "al-" by its first byte before any slicing: most words open with another small letter.
    !matches!(first, b'a'..=b'z' | b'0'..=b'9')
        || (first == b'a' && text[span.start..span.end].starts_with(b"al-"))
}

/// Whether the gap `b` between two words (bytes of the text) is only spaces and no-break spaces
/// (U+00A0, `C2 A0`): the chars of a run of name words. Read by bytes, as a gap is almost always
/// one space.
fn is_space_run(b: &[u8]) -> bool {
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            b' ' => k += 1,
            0xC2 if b.get(k + 1) == Some(&0xA0) => k += 2,
            _ => return false,
        }
    }
    true
}

/// Whether `w` may be part of a person's name, and if so the word lists it is on (read once:
/// a run's titles and institution words are read from them).
#[inline(never)]
fn is_part(w: &str) -> Option<Classes> {
    // Most words start with a lowercase letter or a digit: neither capitalized nor an initial.
    if w.as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return w.starts_with("al-").then(|| Classes::of(w));
    }
    let classes = Classes::of(w);
    ((is_capitalized(w) && !is_acronym(w) && !classes.has(Classes::FUNCTION))
        || is_initial(w)
        || w.starts_with("al-"))
    .then_some(classes)
}

impl Cast {
    /// Collects every person-like full name in `text`, whose words (all of them, in order) are
    /// `ws`.
    pub fn new(text: &str, ws: &[Word]) -> Cast {
        let bytes = text.as_bytes();
        let open: Vec<u32> = (0..ws.len())
            .filter(|&k| may_open_part(bytes, ws[k].span))
            .map(|k| k as u32)
            .collect();
        Cast::from_words(text, ws, &open)
    }

    /// [`Cast::new`], given the indices of the words of `ws` that [`may_open_part`] (in order):
    /// a name is read from them only, about one word in five, instead of from every word
    /// ([`crate::wordindex::WordIndex`] finds them as it reads the words).
    pub fn from_words(text: &str, ws: &[Word], open: &[u32]) -> Cast {
        // PolNeAR: a full name every 240 bytes, its name and folded words about 25 bytes; sized
        // for a little more, so most pages allocate each once.
        let mut members = Vec::with_capacity(text.len() / 160 + 1);
        let mut buf = String::with_capacity(text.len() / 6 + 1);
        let bytes = text.as_bytes();
        // Whether word `k` is a name word, the `c`th of `open` or not there (None).
        let part = |c: usize, k: usize| {
            if open.get(c).is_some_and(|&o| o as usize == k) {
                is_part(ws[k].span.of(text))
            } else {
                None
            }
        };
        // The word lists of the run's words.
        let mut classes: Vec<Classes> = Vec::new();
        // The candidate read: `open[c]`.
        let mut c = 0;
        while c < open.len() {
            let i = open[c] as usize;
            // A name is two words or more after its titles, each after only spaces: a run can
            // open only at a candidate whose next word is one too, after only spaces. Any other
            // run would be this word alone, no name, and the next run would start at the next
            // candidate either way: it is passed over without reading its lists (on 200 PolNeAR
            // train articles, half the candidates: the capitalized word that opens a sentence,
            // a place, an organisation's one-word name).
            let pair = open.get(c + 1).is_some_and(|&o| o as usize == i + 1)
                && is_space_run(&bytes[ws[i].span.end..ws[i + 1].span.start]);
            if !pair {
                c += 1;
                continue;
            }
            let Some(first) = part(c, i) else {
                c += 1;
                continue;
            };
            classes.clear();
            classes.push(first);
            let mut j = i;
            // A run continues over adjacent words only (a comma or period between ends it).
            // When the word after it is no name word, the next run cannot start there either.
            let mut next_not_part = false;
            while j + 1 < ws.len() && is_space_run(&bytes[ws[j].span.end..ws[j + 1].span.start]) {
                let Some(p) = part(c + 1 + j - i, j + 1) else {
                    next_not_part = true;
                    break;
                };
                classes.push(p);
                j += 1;
            }
            let after = j + 1 + usize::from(next_not_part);
            // Titles lead, and are not part of the name.
            let lead = classes[..j - i]
                .iter()
                .take_while(|c| c.has(Classes::TITLE))
                .count();
            // The next candidate from `after` on.
            let next = c + open[c..].partition_point(|&o| (o as usize) < after);
            if j + 1 - i - lead > MAX_NAME_WORDS {
                c = next; // too long for a name: a headline or a list
                continue;
            }
            let run = &ws[i + lead..=j];
            let word = |w: &Word| w.span.of(text);
            // (The word lists last: most runs are one word, and decided by their length.)
            let institution = || {
                classes[lead..]
                    .iter()
                    .any(|c| c.has(Classes::INSTITUTION) || c.has(Classes::ROLE_NOUN))
            };
            let all_caps = run.iter().all(|w| !word(w).chars().any(char::is_lowercase));
            if (2..=MAX_NAME_WORDS).contains(&run.len())
                && !all_caps
                && !is_initial(word(&run[run.len() - 1]))
                && !institution()
            {
                let start = buf.len();
                for (k, w) in run.iter().enumerate() {
                    if k > 0 {
                        buf.push(' ');
                    }
                    buf.push_str(word(w));
                }
                let name = Span::new(start, buf.len());
                let mut parts = [Span::default(); MAX_NAME_WORDS];
                let mut len = 0;
                for w in run.iter().map(word).filter(|w| !is_initial(w)) {
                    let start = buf.len();
                    with_fold(w, |f| buf.push_str(f));
                    parts[len] = Span::new(start, buf.len());
                    len += 1;
                }
                members.push(Member {
                    at: ws[i].span.start,
                    span: Span::new(ws[i + lead].span.start, ws[j].span.end),
                    name,
                    parts,
                    len,
                });
            }
            c = next;
        }
        Cast { members, buf }
    }

    /// The last full name that ends before byte `at`, with where it is written.
    pub fn latest_before(&self, at: usize) -> Option<(Span, &str)> {
        let k = self.members.partition_point(|m| m.span.end <= at);
        let m = &self.members[k.checked_sub(1)?];
        Some((m.span, m.name.of(&self.buf)))
    }

    /// The full name that a short mention (a surname, "Mr. Byman", a first name) at byte `at`
    /// refers to: the latest full name before it that ends with (or, failing that, contains) the
    /// mention's last word; failing that, the first after it. `None` when nobody fits.
    pub fn resolve(&self, mention: &str, at: usize) -> Option<&str> {
        let last = mention.split_whitespace().last()?;
        if mention
            .split_whitespace()
            .filter(|w| !is_word(lexicon::TITLES, w))
            .count()
            > 1
        {
            return None; // already a full name
        }
        let buf = self.buf.as_str();
        // Members are in text order: those before `at` are `..k`.
        let k = self.members.partition_point(|m| m.at < at);
        // The latest member before `at` that `fits`, else the first after it.
        let by = |fits: &dyn Fn(&Member) -> bool| {
            let (before, after) = self.members.split_at(k);
            before
                .iter()
                .rev()
                .find(|m| fits(m))
                .or_else(|| after.iter().find(|m| fits(m)))
        };
        with_fold(last, |last| {
            by(&|m| m.parts().last().is_some_and(|p| p.of(buf) == last))
                .or_else(|| by(&|m| m.parts().iter().any(|p| p.of(buf) == last)))
                .map(|m| m.name.of(buf))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    fn cast(t: &str) -> Cast {
        Cast::new(t, &words(t, Span::new(0, t.len())))
    }

    #[test]
    fn cast010_surnames_resolve_to_the_latest_full_name() {
        let t = "Tom Cotton spoke. Daniel Byman, an expert, agreed. Later Cotton said so and Byman said more.";
        let c = cast(t);
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
    fn cast040_space_runs_by_bytes() {
        for gap in [
            "", " ", "  ", "\u{a0}", " \u{a0} ", ", ", " .", "\u{2009}", "\u{c0}", "-",
        ] {
            let want = gap.chars().all(|c| c == ' ' || c == '\u{a0}');
            assert_eq!(is_space_run(gap.as_bytes()), want, "{gap:?}");
        }
    }

    #[test]
    fn cast030_latest_full_name_before() {
        let t = "Jane Roe spoke. Then John Doe left. Later:";
        let c = cast(t);
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
        let c = cast(t);
        assert_eq!(
            c.resolve("Putin", t.rfind("Putin").unwrap()),
            Some("Vladimir V. Putin")
        );
        assert_eq!(c.resolve("Hall", t.len()), None);
    }
}
