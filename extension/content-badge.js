// content-badge.js — createBadge(quote, sheet): the <qt-badge> host shown after a quote.
// Classic content script.
//
// <qt-badge data-verdict="altered" data-speaker="Colin P. Clarke" tabindex="0" role="note" aria-label="…">
//   #shadow-root (closed)            <- the page's scripts and CSS cannot reach inside
//     <span class="mark">❝ Clarke · altered</span>
//     <div class="card">speaker, verdict, first appearance, via, changes</div>   (on hover/focus)
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

/** One constructed stylesheet for every badge's shadow root: not subject to the page's style-src. */
function createBadgeSheet() {
  const sheet = new CSSStyleSheet();
  const verdictRules = Object.entries(QT_VERDICT_COLORS)
    .map(([v, [bg, fg]]) => `:host([data-verdict="${v}"]) .mark{background:${bg};color:${fg};border-color:${fg}}`)
    .join('\n');
  sheet.replaceSync(`
:host{all:initial;display:inline-block;position:relative;vertical-align:baseline;margin:0 0 0 .25em;
  font:600 11px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;cursor:default;outline:none}
:host(:focus-visible) .mark{outline:2px solid #1a73e8;outline-offset:1px}
.mark{display:inline-block;padding:0 .5em;border:1px solid;border-radius:.8em;white-space:nowrap;
  max-width:22em;overflow:hidden;text-overflow:ellipsis;vertical-align:baseline}
.card{display:none;position:absolute;z-index:2147483647;top:calc(100% + 4px);left:0;width:20em;
  padding:.6em .75em;background:#fff;color:#202124;border:1px solid #dadce0;border-radius:6px;
  box-shadow:0 2px 8px rgba(0,0,0,.2);font:400 12px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  white-space:normal;text-align:left}
:host(:hover) .card,:host(:focus) .card,:host(:focus-within) .card{display:block}
.speaker{font-weight:600}
.role{color:#5f6368}
.verdict{margin:.3em 0;font-weight:600}
.row{margin:.15em 0}
.label{color:#5f6368}
.changes{margin:.3em 0 0;padding:0;list-style:none}
del{color:#b3261e;text-decoration:line-through}
ins{color:#1e6b34;text-decoration:none;font-weight:600}
${verdictRules}`);
  return sheet;
}

/** The badge host for one finding (not yet inserted). */
function createBadge(quote, sheet) {
  const verdict = quote.ledger?.verdict ?? 'none';
  const [verdictWord, verdictSentence] = QT_VERDICT_TEXT[verdict] ?? [verdict, ''];
  const speakerName = quote.speaker?.name ?? '';

  const host = document.createElement('qt-badge');
  host.dataset.verdict = verdict;
  host.dataset.speaker = speakerName;
  host.tabIndex = 0;
  host.setAttribute('role', 'note');
  host.setAttribute('aria-label', qtBadgeLabel(quote, verdictWord));
  // Inline !important declarations (set through the CSSOM, allowed under any CSP) beat any page
  // rule aimed at the host element itself; the shadow's :host rules lose to page rules otherwise.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('display', 'inline-block', 'important');
  host.style.setProperty('position', 'relative', 'important');

  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.adoptedStyleSheets = [sheet];

  const mark = qtEl('span', 'mark', `❝ ${qtShortName(speakerName) || 'quote'} · ${verdictWord}`);
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
    card.append(qtRow('First appeared: ', `${first.outlet ?? 'unknown outlet'}, ${first.published ?? 'date unknown'}`));
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
  }
  shadow.append(mark, card);
  return host;
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
