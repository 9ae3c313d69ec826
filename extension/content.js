// content.js — the content script's entry point: thin, classic, no wasm (a strict page CSP would
// block compiling it here; the core runs in the service worker).
//
//   DOM ──collectPageText──> {text, segments}      content-text.js   (UTF-16 offset side table)
//    │   readPageMeta ─────> {url, outlet, ...}    content-meta.js
//    │                           │
//    │        sendToBackground({type:'scan', text, meta})  ──>  background.js (wasm core)
//    │                           │  <── {quotes}  (UTF-16 offsets into text)
//    ▼                           ▼
//   overlay.show ──> CSS highlights + <qt-badge> hosts       content-overlay.js, content-badge.js
//    ▲
//   MutationObserver ── substantial new text (debounced) ──> rescan; our own badges are ignored
//
// Nothing here may throw into the page: every entry point is wrapped, expected conditions are
// logged with console.debug, and a dead extension context switches the script off.

// Tunables, each with its reason.
const QT_MIN_TEXT_CHARS = 80; // below this a page has no prose worth a round trip (blank/app shells)
const QT_MIN_ADDED_CHARS = 120; // new text needed to rescan: a paragraph, not a clock or a counter
const QT_RESCAN_DEBOUNCE_MS = 400; // lets a burst of inserted nodes settle into one rescan
const QT_RETRY_DELAY_MS = 250; // a woken service worker registers its listener within this

(function qtMain() {
  try {
    if (!document.body || typeof chrome === 'undefined' || !chrome.runtime?.id) return;
    qtStart(document);
  } catch (err) {
    console.debug('quotetrace: content script not started:', err);
  }
})();

function qtStart(doc) {
  const overlay = createOverlay(doc);
  let lastSentText = null; // the text of the last scan sent: unchanged text is never re-sent
  let generation = 0; // increases per scan; a reply for an older scan is dropped
  let timer = 0;

  async function scan() {
    const collected = collectPageText(doc.body);
    if (collected.text.trim().length < QT_MIN_TEXT_CHARS || collected.text === lastSentText) return;
    const mine = ++generation;
    lastSentText = collected.text;
    const reply = await qtSendToBackground({ type: 'scan', text: collected.text, meta: readPageMeta(doc) });
    if (mine !== generation) return;
    if (!reply || reply.error) {
      console.debug('quotetrace: scan failed:', reply?.error ?? 'no reply');
      lastSentText = null; // allow a later retry
      return;
    }
    overlay.show(reply.quotes ?? [], collected);
  }

  function scheduleScan() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      scan().catch((err) => console.debug('quotetrace: scan error:', err));
    }, QT_RESCAN_DEBOUNCE_MS);
  }

  const observer = new MutationObserver((records) => {
    try {
      if (!chrome.runtime?.id) { observer.disconnect(); return; } // extension reloaded or removed
      if (qtAddedTextLength(records, overlay) >= QT_MIN_ADDED_CHARS) scheduleScan();
    } catch (err) {
      console.debug('quotetrace: observer error:', err);
    }
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  // Same-document navigations make the background forget this tab's findings (tabs.onUpdated
  // 'loading'); send the text again even when it did not change.
  const resend = () => { lastSentText = null; scheduleScan(); };
  window.addEventListener('hashchange', resend);
  window.addEventListener('popstate', resend);
  scan().catch((err) => console.debug('quotetrace: scan error:', err));
}

// Characters of page text added by these mutations, ignoring the overlay's own nodes.
function qtAddedTextLength(records, overlay) {
  let added = 0;
  for (const record of records) {
    if (record.type === 'characterData') {
      added += Math.abs(record.target.data.length - (record.oldValue?.length ?? 0)) || 1;
      continue;
    }
    if (overlay.owns(record.target) || record.target.closest?.('qt-badge')) continue;
    for (const node of record.addedNodes) {
      if (overlay.owns(node)) continue;
      added += node.textContent?.length ?? 0;
    }
  }
  return added;
}

/**
 * Sends to the service worker; retries once, because a message can race the worker's restart
 * after eviction. Never rejects: failures come back as {error}.
 */
function qtSendToBackground(message) {
  // sendMessage throws synchronously once the extension context is gone; keep that in the chain.
  const send = () => Promise.resolve().then(() => chrome.runtime.sendMessage(message));
  return send()
    .catch((err) => {
      console.debug('quotetrace: worker unavailable, retrying once:', err?.message);
      return new Promise((resolve) => setTimeout(resolve, QT_RETRY_DELAY_MS))
        .then(send);
    })
    .catch((err) => ({ error: String(err?.message ?? err) }));
}
