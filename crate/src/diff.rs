//! Word alignment between a ledger entry's words and a page's words, and the changes a reader
//! is shown ("obsessed with" -> "fixated on").

/// Longest sequence aligned, in words. Longer inputs are compared on their first `MAX_WORDS`
/// words: quotations are sentences, and this bounds the work at `MAX_WORDS²` per comparison.
pub const MAX_WORDS: usize = 400;

/// An aligned pair of word indices `(entry word, page word)` that are equal.
pub type Pair = (usize, usize);

/// The longest common subsequence of `a` and `b`, as index pairs in order. O(|a|·|b|) time and
/// memory, both capped by [`MAX_WORDS`].
pub fn align<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Pair> {
    let (a, b) = (&a[..a.len().min(MAX_WORDS)], &b[..b.len().min(MAX_WORDS)]);
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut t = vec![0u16; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i * w + j] = if a[i] == b[j] {
                t[(i + 1) * w + j + 1] + 1
            } else {
                t[(i + 1) * w + j].max(t[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::with_capacity(t[0] as usize));
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[(i + 1) * w + j] >= t[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The longest run of consecutive equal words, as `(start in a, start in b, length)`.
pub fn longest_run<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    let (a, b) = (&a[..a.len().min(MAX_WORDS)], &b[..b.len().min(MAX_WORDS)]);
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    let mut best = (0, 0, 0);
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            let l = cur[j + 1] as usize;
            if l > best.2 {
                best = (i + 1 - l, j + 1 - l, l);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// A stretch where the two sides differ: entry words `a.0..a.1` became page words `b.0..b.1`
/// (either side may be empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hunk {
    /// Entry word range, half-open.
    pub a: (usize, usize),
    /// Page word range, half-open.
    pub b: (usize, usize),
}

/// The interior hunks of an alignment: differences between the first and last aligned pair.
/// What lies before the first or after the last pair is not a change but a cut (or an addition).
pub fn hunks(pairs: &[Pair]) -> Vec<Hunk> {
    let mut out = Vec::new();
    for w in pairs.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        if i1 > i0 + 1 || j1 > j0 + 1 {
            out.push(Hunk {
                a: (i0 + 1, i1),
                b: (j0 + 1, j1),
            });
        }
    }
    out
}

/// Widens a hunk so a reader sees a phrase, not a bare function word or an empty side:
/// a hunk whose sides hold no content word grows rightwards up to the next content word that
/// is not a number ("on" -> "in" becomes "on its hands" -> "in its hands"); a pure insertion or
/// deletion also takes the words on either side ("before winter" -> "before the winter", and
/// "for two years" -> "for the past two years").
/// `is_content(side, index)` tells whether a word carries meaning; `na`/`nb` are the lengths.
pub fn widen(
    h: Hunk,
    na: usize,
    nb: usize,
    is_content: impl Fn(bool, usize) -> bool,
    is_number: impl Fn(bool, usize) -> bool,
) -> Hunk {
    let mut h = h;
    let side_has = |h: &Hunk, a: bool| {
        let (s, e) = if a { h.a } else { h.b };
        (s..e).any(|i| is_content(a, i) && !is_number(a, i))
    };
    let empty = h.a.0 == h.a.1 || h.b.0 == h.b.1;
    if empty && h.a.0 > 0 && h.b.0 > 0 {
        h.a.0 -= 1;
        h.b.0 -= 1;
    }
    if empty && h.a.1 < na && h.b.1 < nb {
        h.a.1 += 1;
        h.b.1 += 1;
    }
    while (!side_has(&h, true) || !side_has(&h, false)) && h.a.1 < na && h.b.1 < nb {
        h.a.1 += 1;
        h.b.1 += 1;
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn diff010_lcs_and_hunks() {
        let a = w("isis-k has been obsessed with russia for two years");
        let b = w("isis-k has been fixated on russia for the past two years");
        let p = align(&a, &b);
        assert_eq!(p.len(), 7);
        let h = hunks(&p);
        assert_eq!(
            h,
            vec![
                Hunk {
                    a: (3, 5),
                    b: (3, 5)
                },
                Hunk {
                    a: (7, 7),
                    b: (7, 9)
                }
            ]
        );
    }

    #[test]
    fn diff020_longest_run() {
        let a = w("the group accuses the kremlin of having blood");
        let b = w("isis-k accuses the kremlin of having blood on");
        assert_eq!(longest_run(&a, &b), (2, 1, 6));
    }

    /// A naive LCS length, to check `align` against.
    fn lcs_len(a: &[u8], b: &[u8]) -> usize {
        if a.is_empty() || b.is_empty() {
            return 0;
        }
        if a[0] == b[0] {
            1 + lcs_len(&a[1..], &b[1..])
        } else {
            lcs_len(&a[1..], b).max(lcs_len(a, &b[1..]))
        }
    }

    proptest::proptest! {
        #[test]
        fn diff030_align_is_a_longest_common_subsequence(a in proptest::collection::vec(0u8..4, 0..9), b in proptest::collection::vec(0u8..4, 0..9)) {
            let p = align(&a, &b);
            proptest::prop_assert_eq!(p.len(), lcs_len(&a, &b));
            for w in p.windows(2) {
                proptest::prop_assert!(w[0].0 < w[1].0 && w[0].1 < w[1].1);
            }
            for &(i, j) in &p {
                proptest::prop_assert_eq!(a[i], b[j]);
            }
        }
    }
}
