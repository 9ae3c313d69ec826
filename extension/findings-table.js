// findings-table.js — renderFindingsTable(tbody, quotes): the developer page's findings table.
// Offsets shown are UTF-16 code units into the scanned text. Text only via textContent.

import { verdictOf, describeFirst } from './verdicts.js';

export function renderFindingsTable(tbody, quotes) {
  const rows = quotes.map((quote, i) => {
    const speaker = quote.speaker
      ? [quote.speaker.name, [quote.speaker.role, quote.speaker.org].filter(Boolean).join(', ')].filter(Boolean).join(' — ')
      : '';
    const changes = (quote.ledger?.changes ?? []).map((c) => `${c.from || '∅'} → ${c.to || '∅'}`).join('; ');
    const row = document.createElement('tr');
    row.dataset.verdict = verdictOf(quote);
    const cells = [
      `${i + 1}`,
      `${quote.text}  [${quote.start}, ${quote.end})`,
      quote.kind,
      speaker,
      quote.cue?.text ?? '',
      quote.via ?? '',
      verdictOf(quote),
      quote.ledger ? describeFirst(quote.ledger.first) : '',
      changes,
    ];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      row.append(td);
    }
    return row;
  });
  tbody.replaceChildren(...rows);
}
