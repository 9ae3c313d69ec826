// content.js — the content script's entry point: thin, classic, no wasm (a strict page CSP would
// block compiling it here; the core runs in the service worker).
//
//   document_start: {type:'warm'} ──> background.js (a stopped worker starts loading the core now)
//                   settings.neverRun ── this site listed? ──> stop, touch nothing
//   DOMContentLoaded (the parsed DOM; images and late scripts need not be in: later blocks are
//   incremental scans, reflow moves the badges):
//   DOM ──createTextCollector(roots)──> {text, segments}   content-text.js  (UTF-16 offset side table,
//    │      sliced: QT_SLICE_MS per task)                    read in slices, never one long task)
//    │   readPageMeta ─────> {url, outlet, ...}             content-meta.js
//    │        sendToBackground({type:'scan', text, meta, chunk, reset}) ──> background.js (wasm core)
//    │                           │  <── {quotes}  (UTF-16 offsets into this chunk's text)
//    ▼                           ▼
//   overlay.addChunk ──> CSS highlights at once; <qt-badge> hosts built and   content-overlay.js,
//    ▲                   placed in frame slices, those near the viewport first  content-badge.js
//   MutationObserver ── new or edited blocks only ──> incremental scan of those blocks (a chunk)
//                   ── removed text ──> overlay.prune ──> {type:'dropQuotes'}
//                   ── URL changed (pushState, popstate, hash) ──> full reset and rescan
//   resize / reflow / fonts / scroll containers ──> overlay.reposition (next frame)
//   popup ──{type:'reveal', id}──> overlay.reveal: scroll to the quote and flash it
//   Tab / Shift+Tab ──> each badge right after its quote (content-tab-order.js)
//
// Trade-off of incremental scans: a new block is scanned without the text before it, so a pronoun
// in it ("He added") that refers to a speaker named in an older block stays unresolved.
// Nothing here may throw into the page: every entry point is wrapped, expected conditions are
// logged with console.debug, and a dead extension context switches the script off.

// Tunables, each with its reason.
const QT_MIN_TEXT_CHARS = 80; // below this a page has no prose worth a round trip (blank/app shells)
const QT_MIN_ADDED_CHARS = 40; // new text worth a scan: a short quoted sentence, not a clock or a counter
const QT_RESCAN_DEBOUNCE_MS = 300; // lets a burst of inserted nodes settle into one scan
const QT_RETRY_DELAY_MS = 250; // a woken service worker registers its listener within this
const QT_STYLES_WAIT_MS = 2000; // longest wait for the page's stylesheets before reading anyway
const QT_SLICE_MS = 8; // work per task before yielding: far under the 50 ms long-task line
const QT_BADGES_PER_CHECK = 25; // findings mapped to Ranges and highlighted between two clock reads
const QT_QUOTE_MARK = /["\u201C\u201D\u201E\u00AB\u00BB\u300C\u300E]/; // double quotation marks of the kinds the core reads

// Injected at document_start (manifest.json), so the settings read overlaps the page's loading and
// the first scan starts at DOMContentLoaded rather than at "document_idle" (up to the load event).
(function qtMain() {
  try {
    if (typeof chrome === 'undefined' || !chrome.runtime?.id) return;
    // No page data in it, so it need not wait for the neverRun answer; it saves the worker's start
    // and the core's load (~60-100 ms after an eviction) on the first scan. Failures do not matter.
    qtSendToBackground({ type: 'warm' }, { retry: false });
    // The overlay's style rules go in while the document is empty (content-overlay.js says why).
    // Should a document refuse them, the overlay adopts them later, when it shows findings.
    try { qtAdoptDocumentSheet(document); } catch (err) { console.debug('quotetrace: sheet not adopted yet:', err); }
    Promise.all([qtNeverRunHere(location.hostname), qtDomReady(document)])
      .then(([never]) => {
        if (never) {
          qtDropDocumentSheet(document);
          console.debug('quotetrace: switched off on this site by the reader');
        } else if (document.body) {
          qtStart(document);
        }
      })
      .catch((err) => console.debug('quotetrace: content script not started:', err));
  } catch (err) {
    console.debug('quotetrace: content script not started:', err);
  }
})();

/**
 * Resolves once the document is parsed and its stylesheets are in: the text collector skips what
 * CSS hides and the badges take the page's colours, so computed styles must be final. DOMContentLoaded
 * alone does not wait for a stylesheet that no script follows.
 */
async function qtDomReady(doc) {
  if (doc.readyState === 'loading') {
    await new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
  }
  const loading = [...doc.querySelectorAll('link[rel~="stylesheet"]')].filter((link) => link.sheet === null && !link.disabled);
  if (loading.length === 0) return;
  const settled = loading.map((link) => new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
  }));
  // A sheet that failed before we listened never fires again: the load event ends the wait anyway.
  const loaded = new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  await Promise.race([Promise.all(settled), loaded, new Promise((resolve) => setTimeout(resolve, QT_STYLES_WAIT_MS))]);
}

/** True when the reader listed this host (or a parent domain of it) as "never run here". */
async function qtNeverRunHere(hostname) {
  const { settings } = await chrome.storage.local.get('settings');
  const hosts = Array.isArray(settings?.neverRun) ? settings.neverRun : [];
  return hosts.some((h) => typeof h === 'string' && h !== '' && (hostname === h || hostname.endsWith(`.${h}`)));
}

function qtStart(doc) {
  const overlay = createOverlay(doc, {
    onDropped: (ids) => { qtSendToBackground({ type: 'dropQuotes', ids }); },
  });
  createTabOrder(doc, overlay);
  let chunkSeq = 0; // ids of scan messages; a finding is "chunk:index"
  let generation = 0; // bumped on navigation; work for an older generation is dropped
  let sentAny = false; // the first scan of a page resets the background's record of the tab
  let fullPending = true; // the whole body must be (re)scanned
  const pendingRoots = new Set(); // blocks added or edited since the last scan
  let busy = false;
  let timer = 0;
  let urlKey = qtUrlKey(location.href);

  async function runScans() {
    if (busy) return; // the running loop picks up whatever is pending
    busy = true;
    try {
      while (fullPending || pendingRoots.size > 0) {
        if (fullPending) {
          fullPending = false;
          pendingRoots.clear();
          await scanRoots([doc.body], true);
        } else {
          const roots = qtOutermost([...pendingRoots]);
          pendingRoots.clear();
          // Findings already shown inside a re-read block would be duplicated: drop them first.
          const dropped = roots.flatMap((root) => overlay.dropInside(root));
          if (dropped.length > 0) qtSendToBackground({ type: 'dropQuotes', ids: dropped });
          await scanRoots(roots, false);
        }
      }
    } finally {
      busy = false;
    }
  }

  async function scanRoots(roots, full) {
    const mine = generation;
    const collector = createTextCollector(roots);
    // Every slice in a task of its own, the first too: the first scan is started from the page's
    // events (DOMContentLoaded, a stylesheet's load), and a stylesheet's load task can go on to fire
    // the window's load event and the page's post-load layout; a slice run inside it would add to
    // what may already be the page's longest task.
    do {
      await qtYield();
      if (mine !== generation) return;
    } while (!collector.step(performance.now() + QT_SLICE_MS));
    const collected = collector.result();
    if (collected.text.trim().length < (full ? QT_MIN_TEXT_CHARS : QT_MIN_ADDED_CHARS)) return;
    // A page with quotation marks will most likely get badges: its overlay is prepared while the
    // worker scans (see overlay.prepare). A page without any is left untouched until findings come.
    if (full && QT_QUOTE_MARK.test(collected.text)) overlay.prepare();
    // Joining a 1 MB text (~3 ms) and serialising it into the message (~5-8 ms) in separate tasks.
    await qtYield();
    if (mine !== generation) return;
    const chunk = ++chunkSeq;
    const reset = full || !sentAny;
    sentAny = true;
    const reply = await qtSendToBackground({ type: 'scan', text: collected.text, meta: readPageMeta(doc), chunk, reset });
    if (mine !== generation) return;
    if (!reply || reply.error) {
      console.debug('quotetrace: scan failed:', reply?.error ?? 'no reply');
      if (reset) sentAny = false;
      return;
    }
    if (full) overlay.clear();
    const quotes = Array.isArray(reply.quotes) ? reply.quotes : [];
    // The reply is decoded in the task that delivers it (~10 ms for 2,000 findings): the first
    // slice of highlights goes to a task of its own.
    let deadline = 0;
    for (let i = 0; i < quotes.length; i += QT_BADGES_PER_CHECK) {
      if (performance.now() >= deadline) {
        await qtYield();
        if (mine !== generation) return;
        deadline = performance.now() + QT_SLICE_MS;
      }
      overlay.addChunk(chunk, quotes.slice(i, i + QT_BADGES_PER_CHECK), collected, i);
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      runScans().catch((err) => console.debug('quotetrace: scan error:', err));
    }, QT_RESCAN_DEBOUNCE_MS);
  }

  // A new page in the same document: forget everything shown, scan the whole body again.
  function navigated() {
    generation += 1;
    overlay.clear();
    pendingRoots.clear();
    fullPending = true;
    sentAny = false;
    schedule();
  }

  function checkUrl() {
    const key = qtUrlKey(location.href);
    if (key === urlKey) return false;
    urlKey = key;
    navigated();
    return true;
  }

  const observer = new MutationObserver((records) => {
    try {
      if (!chrome.runtime?.id) { observer.disconnect(); return; } // extension reloaded or removed
      if (checkUrl()) return; // pushState is invisible to this world; its DOM changes are not
      let changed = false;
      for (const record of records) {
        if (qtIsOverlayNode(record.target, overlay)) continue;
        changed = true;
        if (record.type === 'characterData') {
          qtAddRoot(pendingRoots, record.target.parentElement, doc);
        } else if (record.type === 'childList') {
          for (const node of record.addedNodes) {
            if (qtIsOverlayNode(node, overlay) || !node.textContent?.trim()) continue;
            qtAddRoot(pendingRoots, node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement, doc);
          }
        }
      }
      if (changed) overlay.reposition(); // removals and reflow: badges follow or go
      if (pendingRoots.size > 0) schedule();
    } catch (err) {
      console.debug('quotetrace: observer error:', err);
    }
  });
  observer.observe(doc.body, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open'],
  });

  const follow = () => overlay.reposition();
  window.addEventListener('resize', follow, { passive: true });
  // Scroll containers move their text without any mutation; the window's own scroll does not
  // (badges are in document coordinates).
  doc.addEventListener('scroll', (event) => { if (event.target !== doc) follow(); }, { capture: true, passive: true });
  doc.fonts?.addEventListener?.('loadingdone', follow);
  const resizes = new ResizeObserver(follow);
  resizes.observe(doc.documentElement);
  resizes.observe(doc.body);

  const onNavigation = () => { try { checkUrl(); } catch (err) { console.debug('quotetrace: navigation:', err); } };
  window.addEventListener('popstate', onNavigation);
  window.navigation?.addEventListener?.('navigatesuccess', onNavigation);
  // A fragment change keeps the article, but the browser reports it as a navigation of the tab
  // (the background forgets the tab's findings): send everything again.
  window.addEventListener('hashchange', () => navigated());

  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    try {
      if (sender.id !== chrome.runtime.id || message?.type !== 'reveal' || typeof message.id !== 'string') return false;
      sendResponse({ found: overlay.reveal(message.id) });
    } catch (err) {
      sendResponse({ error: String(err?.message ?? err) });
    }
    return false;
  });

  runScans().catch((err) => console.debug('quotetrace: scan error:', err));
}

// The page's address without its fragment: a new key means a new page in the same document.
function qtUrlKey(href) {
  return href.replace(/#.*$/, '');
}

function qtIsOverlayNode(node, overlay) {
  if (overlay.owns(node)) return true;
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element?.closest?.('qt-overlay, qt-badge') != null;
}

/**
 * Adds the block that holds `element` (itself when it is a block) to `roots`, unless it lies in
 * page chrome or hidden content that the text collector skips anyway.
 */
function qtAddRoot(roots, element, doc) {
  let block = null;
  for (let el = element; el && el !== doc.body; el = el.parentElement) {
    if (qtSkipsElement(el, el.localName)) return;
    if (block === null && !getComputedStyle(el).display.startsWith('inline')) block = el;
  }
  if (!element?.isConnected) return;
  roots.add(block ?? doc.body);
}

// Roots still in the document and not inside another root, in document order.
function qtOutermost(roots) {
  const live = roots.filter((r) => r.isConnected);
  return live
    .filter((r) => !live.some((other) => other !== r && other.contains(r)))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

// Gives the page's own tasks a turn between two slices of our work.
function qtYield() {
  if (typeof scheduler !== 'undefined' && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Sends to the service worker; retries once (unless `retry: false`), because a message can race the worker's restart
 * after eviction. Never rejects: failures come back as {error}.
 */
function qtSendToBackground(message, { retry = true } = {}) {
  // sendMessage throws synchronously once the extension context is gone; keep that in the chain.
  const send = () => Promise.resolve().then(() => chrome.runtime.sendMessage(message));
  return send()
    .catch((err) => {
      if (!retry) throw err;
      console.debug('quotetrace: worker unavailable, retrying once:', err?.message);
      return new Promise((resolve) => setTimeout(resolve, QT_RETRY_DELAY_MS))
        .then(send);
    })
    .catch((err) => ({ error: String(err?.message ?? err) }));
}
