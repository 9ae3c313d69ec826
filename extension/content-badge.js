// content-badge.js — createBadge(quote, sheet, theme): the <qt-badge> host shown at a quote's end.
// Classic content script. Placement is content-overlay.js's job; this file only builds the host.
//
// <qt-badge data-verdict="altered" data-speaker="Colin P. Clarke" tabindex="0" role="note" aria-label="…">
//   #shadow-root (closed)            <- the page's scripts and CSS cannot reach inside
//     <span class="mark">❝ Clarke · altered</span>
//     <div class="card">speaker, verdict, first appearance (link), via, original vs this page</div>
//                                     (built on the first hover or focus, shown on hover/focus)
//
// A page may hold thousands of badges: the host carries no inline style (the overlay's document
// rule shields it from page CSS) and the card is built only when the reader first reaches for it.
//
// Not a registered custom element (window.customElements is null in content scripts); the name is
// a valid custom element name, which is all attachShadow needs. All text goes in via textContent.

const QT_VERDICT_TEXT = {
  original: ['original', 'First known appearance of these words.'],
  verbatim: ['verbatim', 'Same words appeared earlier elsewhere.'],
  excerpt: ['excerpt', 'A faithful part of a longer known quote.'],
  altered: ['altered', 'Inside quotation marks, but the words differ from the first appearance.'],
  misattributed: ['misattributed', 'Known words, attributed to a different speaker.'],
  unquoted: ['unquoted', 'Known words reused without quotation marks.'],
  none: ['quote', 'Not in the quote ledger.'],
};

// Colours per verdict: [badge background, text]. Red/orange for what needs attention.
const QT_VERDICT_COLORS = {
  original: ['#e6f4ea', '#1e6b34'],
  verbatim: ['#e8f0fe', '#1a4fa0'],
  excerpt: ['#e4f7f6', '#0b6b66'],
  altered: ['#fdecea', '#b3261e'],
  misattributed: ['#fdecea', '#8c1d18'],
  unquoted: ['#f3e8fd', '#6b2fa3'],
  none: ['#f1f3f4', '#3c4043'],
};

// The same on a dark page: dark fill, light text (contrast >= 4.5:1 against the fill).
const QT_VERDICT_COLORS_DARK = {
  original: ['#0d3b1e', '#81c995'],
  verbatim: ['#0f2a54', '#8ab4f8'],
  excerpt: ['#083c39', '#78d9d0'],
  altered: ['#4a1512', '#f28b82'],
  misattributed: ['#4a1512', '#f6aea9'],
  unquoted: ['#3a1a52', '#d7aefb'],
  none: ['#303134', '#e8eaed'],
};

// Each host's closed shadow root, for qtBadgeInnerFocus (the keyboard order, content-tab-order.js).
const QT_BADGE_SHADOWS = new WeakMap();

/**
 * Where focus is in badge `host`'s card: 'link' (on the card's "first appeared" link), 'last' (on
 * the host and the card holds no link, or on the link), or 'host' (on the host, a link follows).
 * So Tab from the host can go into its card first, as the browser's own order would.
 */
function qtBadgeInnerFocus(host) {
  const shadow = QT_BADGE_SHADOWS.get(host);
  if (!shadow) return 'last';
  if (shadow.activeElement !== null) return 'link';
  return shadow.querySelector('a[href]') ? 'host' : 'last';
}

/** One constructed stylesheet for every badge's shadow root: not subject to the page's style-src. */
function createBadgeSheet() {
  const sheet = new CSSStyleSheet();
  const verdictRules = Object.entries(QT_VERDICT_COLORS)
    .map(([v, [bg, fg]]) => `:host([data-verdict="${v}"]) .mark{background:${bg};color:${fg};border-color:${fg}}`)
    .join('\n');
  const darkRules = Object.entries(QT_VERDICT_COLORS_DARK)
    .map(([v, [bg, fg]]) => `:host([data-theme="dark"][data-verdict="${v}"]) .mark{background:${bg};color:${fg};border-color:${fg}}`)
    .join('\n');
  sheet.replaceSync(`
:host{all:initial;display:inline-block;position:absolute;cursor:default;outline:none;pointer-events:auto;
  font:600 10px/14px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
:host(:focus-visible) .mark{outline:2px solid #1a73e8;outline-offset:1px}
:host([data-flash]) .mark{animation:qt-flash .35s ease-in-out 4 alternate}
@keyframes qt-flash{to{transform:scale(1.35);box-shadow:0 0 0 4px rgba(26,115,232,.5)}}
.mark{display:inline-block;font:600 10px/14px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;padding:0 .45em;border:1px solid;border-radius:.8em;white-space:nowrap;
  max-width:16em;overflow:hidden;text-overflow:ellipsis;vertical-align:top;opacity:.92}
:host(:hover) .mark,:host(:focus) .mark{opacity:1}
.card{display:none;position:absolute;z-index:2147483647;top:calc(100% + 4px);left:0;width:24em;
  padding:.6em .75em;background:#fff;color:#202124;border:1px solid #dadce0;border-radius:6px;
  box-shadow:0 2px 8px rgba(0,0,0,.2);font:400 12px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  white-space:normal;text-align:left}
:host([data-flip]) .card{left:auto;right:0}
:host(:hover) .card,:host(:focus) .card,:host(:focus-within) .card{display:block}
.speaker{font-weight:600}
.role,.label{color:#5f6368}
.verdict{margin:.3em 0;font-weight:600}
.row{margin:.15em 0}
a{color:#1a4fa0}
.changes{margin:.3em 0 0;padding:0;list-style:none}
.compare{display:grid;grid-template-columns:max-content 1fr;gap:.2em .5em;margin:.4em 0 0}
.compare q{quotes:none;font-style:italic}
del{color:#b3261e;text-decoration:line-through}
mark.was{color:#b3261e;background:rgba(234,67,53,.14)}
ins,mark{color:#1e6b34;background:rgba(52,168,83,.18);text-decoration:none;font-weight:600}
:host([data-theme="dark"]) .card{background:#202124;color:#e8eaed;border-color:#5f6368}
:host([data-theme="dark"]) .role,:host([data-theme="dark"]) .label{color:#9aa0a6}
:host([data-theme="dark"]) a{color:#8ab4f8}
:host([data-theme="dark"]) del{color:#f28b82}
:host([data-theme="dark"]) mark.was{color:#f28b82;background:rgba(242,139,130,.16)}
:host([data-theme="dark"]) ins,:host([data-theme="dark"]) mark{color:#81c995;background:rgba(129,201,149,.18)}
${verdictRules}
${darkRules}`);
  return sheet;
}

/** The badge host for one finding (not yet inserted). */
function createBadge(quote, sheet, theme) {
  const verdict = quote.ledger?.verdict ?? 'none';
  const [verdictWord, verdictSentence] = QT_VERDICT_TEXT[verdict] ?? [verdict, ''];
  const speakerName = quote.speaker?.name ?? '';

  const host = document.createElement('qt-badge');
  host.dataset.verdict = verdict;
  host.dataset.speaker = speakerName;
  host.dataset.theme = theme;
  host.tabIndex = 0;
  host.setAttribute('role', 'note');
  host.setAttribute('aria-label', qtBadgeLabel(quote, verdictWord));
  // The host's own styles (display, position, all: initial against page rules) come from the
  // overlay's document-level rule (content-overlay.js); the shadow's :host rules would lose to page
  // rules, and per-host inline `all: initial` makes every move a full restyle.

  const shadow = host.attachShadow({ mode: 'closed' });
  QT_BADGE_SHADOWS.set(host, shadow);
  shadow.adoptedStyleSheets = [sheet];
  shadow.append(qtEl('span', 'mark', `❝ ${qtShortName(speakerName) || 'quote'} · ${verdictWord}`));
  const openCard = () => {
    host.removeEventListener('mouseenter', openCard);
    host.removeEventListener('focus', openCard);
    shadow.append(qtBadgeCard(quote, speakerName, verdictSentence));
  };
  // Listeners run before the style update that shows the card (:hover / :focus).
  host.addEventListener('mouseenter', openCard);
  host.addEventListener('focus', openCard);
  return host;
}

/** The card shown on hover or focus: speaker, verdict, first appearance, relay, changed words. */
function qtBadgeCard(quote, speakerName, verdictSentence) {
  const card = qtEl('div', 'card');
  if (speakerName) {
    const who = qtEl('div', 'speaker', speakerName);
    const role = [quote.speaker.role, quote.speaker.org].filter(Boolean).join(', ');
    if (role) who.append(qtEl('span', 'role', ` — ${role}`));
    card.append(who);
  }
  card.append(qtEl('div', 'verdict', verdictSentence));
  const first = quote.ledger?.first;
  if (first) {
    const row = qtRow('First appeared: ', '');
    const where = `${first.outlet ?? 'unknown outlet'}, ${first.published ?? 'date unknown'}`;
    const href = qtSafeHref(first.url);
    if (href) {
      const link = qtEl('a', null, where);
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      row.append(link);
    } else {
      row.append(where);
    }
    card.append(row);
    if (first.title) card.append(qtRow('Title: ', first.title));
  }
  if (quote.ledger?.speaker && quote.ledger.speaker !== speakerName) card.append(qtRow('Ledger says: ', quote.ledger.speaker));
  if (quote.via) card.append(qtRow('Via: ', quote.via));
  const changes = quote.ledger?.changes ?? [];
  if (changes.length > 0) {
    const list = qtEl('ul', 'changes');
    for (const change of changes) {
      const item = qtEl('li');
      item.append(qtEl('del', null, change.from || '∅'), ' → ', qtEl('ins', null, change.to || '∅'));
      list.append(item);
    }
    card.append(qtRow('Changed words:', ''), list);
    card.append(qtCompare(quote.text, changes));
  }
  return card;
}

function qtBadgeLabel(quote, verdictWord) {
  const parts = [`Quote${quote.speaker?.name ? ` by ${quote.speaker.name}` : ''}: ${verdictWord}`];
  const first = quote.ledger?.first;
  if (first) parts.push(`first appeared in ${first.outlet ?? 'an unknown outlet'}, ${first.published ?? 'date unknown'}`);
  if (quote.via) parts.push(`via ${quote.via}`);
  return parts.join('; ');
}

// "Colin P. Clarke" -> "Clarke"; institutions ("the US embassy in Russia") stay whole.
function qtShortName(name) {
  const words = name.trim().split(/\s+/);
  const personLike = words.length >= 2 && words.length <= 4 && words.every((w) => /^[\p{Lu}][\p{L}.'’-]*$/u.test(w));
  return personLike ? words[words.length - 1] : name.trim();
}

// The original words beside this page's, the changed words marked. Rebuilt from the page's quote
// and the core's changes ({from: original words, to: this page's words}, in text order): each `to`
// is found after the previous one. A change whose `to` is empty (words dropped here) is shown at
// the place the next common text resumes. Trade-off: a `to` that cannot be found is skipped,
// so the "Original" line is then approximate; the list of changes above stays exact.
function qtCompare(pageWords, changes) {
  const original = qtEl('q');
  const here = qtEl('q');
  let cursor = 0;
  for (const { from, to } of changes) {
    const at = to ? pageWords.indexOf(to, cursor) : cursor;
    if (at < 0) continue;
    const common = pageWords.slice(cursor, at);
    original.append(common);
    here.append(common);
    if (from) original.append(qtEl('mark', 'was', from));
    if (to) here.append(qtEl('mark', null, to));
    cursor = at + (to ? to.length : 0);
  }
  original.append(pageWords.slice(cursor));
  here.append(pageWords.slice(cursor));
  const grid = qtEl('div', 'compare');
  grid.append(qtEl('span', 'label', 'Original'), original, qtEl('span', 'label', 'This page'), here);
  return grid;
}

// Only web links are made clickable; anything else (javascript:, data:) stays text.
function qtSafeHref(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function qtRow(label, value) {
  const row = qtEl('div', 'row');
  row.append(qtEl('span', 'label', label), value);
  return row;
}

function qtEl(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
