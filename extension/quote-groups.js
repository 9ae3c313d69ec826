// quote-groups.js — renderQuoteGroups(container, quotes, onPick): the popup's list, grouped by
// speaker, each quote with its verdict, first appearance and a timeline of the appearances the
// ledgers know. onPick(quote) runs when the reader clicks a quote (or presses Enter on it).
// Every string from the page or the ledger goes in through textContent, never markup.

import { VERDICT_LABELS, verdictOf, describeFirst } from './verdicts.js';

const UNATTRIBUTED = 'Unattributed';

/** Replaces the container's content with one section per speaker. */
export function renderQuoteGroups(container, quotes, onPick = () => {}) {
  const groups = new Map();
  for (const quote of quotes) {
    const name = quote.speaker?.name ?? UNATTRIBUTED;
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(quote);
  }
  // Speakers with quoted words (direct, partial, unquoted) first, then those with reported speech
  // only; within each, order of first mention. The reader opened the popup about the quotes.
  const quotedFirst = [...groups].sort(([, a], [, b]) => hasQuotedWords(b) - hasQuotedWords(a));
  const sections = [];
  for (const [name, group] of quotedFirst) {
    const section = el('section', 'speaker-group');
    const heading = el('h2', null, name);
    const role = [group[0].speaker?.role, group[0].speaker?.org].filter(Boolean).join(', ');
    if (role) heading.append(el('span', 'muted', ` — ${role}`));
    section.append(heading);
    const list = el('ol', 'quote-list');
    for (const quote of group) list.append(renderQuote(quote, onPick));
    section.append(list);
    sections.push(section);
  }
  container.replaceChildren(...sections);
}

const hasQuotedWords = (group) => (group.some((q) => q.kind !== 'indirect') ? 1 : 0);

function renderQuote(quote, onPick) {
  const verdict = verdictOf(quote);
  const item = el('li', 'quote');
  item.dataset.verdict = verdict;
  item.dataset.kind = quote.kind;
  if (typeof quote.id === 'string') {
    item.dataset.id = quote.id;
    item.tabIndex = 0;
    item.title = 'Show on the page';
    item.addEventListener('click', (event) => { if (!event.target.closest('a')) onPick(quote); });
    item.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); onPick(quote); } });
  }
  item.append(el('q', 'words', quote.text));
  const facts = el('dl', 'facts');
  addFact(facts, 'Kind', quote.kind);
  if (quote.cue) addFact(facts, 'Cue', quote.cue.text);
  addFact(facts, 'Verdict', VERDICT_LABELS[verdict] ?? verdict, `verdict verdict-${verdict}`);
  if (quote.ledger) addFact(facts, 'First appearance', describeFirst(quote.ledger.first));
  if (quote.ledger?.first?.title) addFact(facts, 'First title', quote.ledger.first.title);
  if (quote.ledger?.speaker && quote.ledger.speaker !== quote.speaker?.name) addFact(facts, 'Ledger speaker', quote.ledger.speaker);
  if (quote.via) addFact(facts, 'Via', quote.via);
  const changes = quote.ledger?.changes ?? [];
  if (changes.length > 0) {
    const dd = el('dd', 'changes');
    for (const change of changes) {
      const line = el('div');
      line.append(el('del', null, change.from || '∅'), ' → ', el('ins', null, change.to || '∅'));
      dd.append(line);
    }
    facts.append(el('dt', null, 'Changed words'), dd);
  }
  item.append(facts);
  const timeline = renderTimeline(quote.ledger);
  if (timeline) item.append(timeline);
  return item;
}

// First appearance, then every later one the ledgers know (date order, as the core gives them).
function renderTimeline(ledger) {
  const later = Array.isArray(ledger?.appearances) ? ledger.appearances : [];
  if (!ledger?.first || later.length === 0) return null;
  const list = el('ol', 'timeline');
  list.setAttribute('aria-label', 'Where these words appeared');
  const stop = (appearance, verdict) => {
    const li = el('li', null);
    li.dataset.verdict = verdict;
    li.append(el('span', 'when', appearance.published ?? 'date unknown'), ' ',
      el('span', 'where', appearance.outlet ?? 'unknown outlet'), ' ', el('span', 'muted', verdict));
    return li;
  };
  list.append(stop(ledger.first, 'first'));
  for (const appearance of later) list.append(stop(appearance, appearance.verdict ?? ''));
  return list;
}

function addFact(dl, label, value, className) {
  dl.append(el('dt', null, label), el('dd', className ?? null, value));
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
