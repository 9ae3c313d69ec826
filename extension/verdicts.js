// verdicts.js — verdict vocabulary shared by the background, popup and dev page (ES module).
// The content script is a classic script and carries its own short copy of the labels.

/** Verdicts in the order the UI lists them (worst first). `none` = not in any ledger. */
export const VERDICTS = ['misattributed', 'altered', 'unquoted', 'excerpt', 'verbatim', 'original', 'none'];

/** Verdicts the toolbar badge counts: the reader should look at these. */
export const ATTENTION_VERDICTS = new Set(['altered', 'misattributed', 'unquoted']);

export const VERDICT_LABELS = {
  original: 'original: first known appearance',
  verbatim: 'verbatim: same words appeared earlier',
  excerpt: 'excerpt: faithful part of a longer quote',
  altered: 'altered: words differ from the first appearance',
  misattributed: 'misattributed: known words, different speaker',
  unquoted: 'unquoted: known words reused without quotation marks',
  none: 'not in the ledger',
};

/** The verdict of one finding, or 'none'. */
export function verdictOf(quote) {
  return quote?.ledger?.verdict ?? 'none';
}

/** Number of findings whose verdict needs the reader's attention. */
export function countNeedingAttention(quotes) {
  let n = 0;
  for (const q of quotes) if (ATTENTION_VERDICTS.has(verdictOf(q))) n += 1;
  return n;
}

/** "The New York Times, 2024-03-22", with "unknown outlet" / "date unknown" for nulls. */
export function describeFirst(first) {
  if (!first) return 'first appearance unknown';
  const outlet = first.outlet ?? 'unknown outlet';
  const date = first.published ?? 'date unknown';
  return `${outlet}, ${date}`;
}
