// popup.js — the toolbar popup: every quote on the active tab, grouped by speaker.
// Asks the background (getTab) for the stored findings; `popup.html?tab=<id>` picks a tab
// explicitly (tests open the popup as an ordinary page, where the "active tab" is the popup itself).
// A click on a quote asks the tab's content script to scroll to it and flash it ({type:'reveal'}).

import { renderQuoteGroups } from './quote-groups.js';
import { countNeedingAttention } from './verdicts.js';

main().catch((err) => showStatus(`Cannot read this tab’s quotes: ${err.message}`));

async function main() {
  const tabId = await chosenTabId();
  if (tabId === null) return showStatus('No tab to show.');
  const reply = await chrome.runtime.sendMessage({ type: 'getTab', tabId }).catch((err) => ({ error: err.message }));
  if (reply?.error) return showStatus(`Cannot read this tab’s quotes: ${reply.error}`);
  const findings = reply?.findings ?? null;
  if (findings === null) return showStatus('This page has not been scanned (no article text found yet).');
  const { meta, quotes } = findings;
  document.getElementById('page').textContent = [meta.outlet, meta.published, meta.title].filter(Boolean).join(' · ');
  if (quotes.length === 0) return showStatus('No quotations found on this page.');
  const attention = countNeedingAttention(quotes);
  showStatus(`${quotes.length} quote${quotes.length === 1 ? '' : 's'}` +
    (attention > 0 ? `, ${attention} to check` : ''));
  renderQuoteGroups(document.getElementById('quotes'), quotes, (quote) => {
    chrome.tabs.sendMessage(tabId, { type: 'reveal', id: quote.id })
      .then((reply) => { if (!reply?.found) showStatus('That quote is no longer on the page.'); })
      .catch((err) => showStatus(`Cannot reach the page: ${err.message}`));
  });
}

async function chosenTabId() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null) {
    const id = Number(param);
    if (!Number.isSafeInteger(id) || id < 0) throw new Error(`bad tab id ${JSON.stringify(param)}`);
    return id;
  }
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function showStatus(text) {
  document.getElementById('status').textContent = text;
}
