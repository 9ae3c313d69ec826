// tab-findings.js — recordScan / dropQuotes / readTabFindings / loadTabFindings / forgetTab / forgetAllTabs: what
// each tab shows, for the popup and the toolbar count.
//
// Kept in chrome.storage.session, not in a worker variable: the worker is evicted after ~30 s idle,
// and the popup opened a minute later must still see the findings. Session storage is in memory,
// never written to disk, and cleared when the browser closes (nothing the reader visits persists).
// Record shape: { meta: PageMeta, quotes: Array<Finding & {id: "chunk:index"}>,
//   scans: Array<{chunk, units (UTF-16 length of the text sent), quotes, scanMs}>, scannedAt: epoch ms }.
// A page scanned incrementally adds one scan (chunk) at a time; updates of one tab are chained so
// two replies racing cannot lose each other's quotes (read-modify-write on storage).

const keyOf = (tabId) => `tab:${tabId}`;
const chains = new Map(); // tabId -> Promise of the last update (dropped when it settles)

function serially(tabId, update) {
  const previous = chains.get(tabId) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(update);
  chains.set(tabId, next);
  next.finally(() => { if (chains.get(tabId) === next) chains.delete(tabId); }).catch(() => {});
  return next;
}

/**
 * Stores one scan's findings; `reset` starts the tab's record over. Resolves to the new record.
 * Queued at once (a later dropQuotes or getTab of the tab waits for it), but the work starts in a
 * later task: building the record and storage.session.set's synchronous copy of
 * it grow with the findings (2,000 on the 1 MB test page), and the scan's reply, sent from this
 * task's microtasks, need not wait for them.
 */
export function recordScan(tabId, { meta, quotes, chunk, reset, units, scanMs }) {
  return serially(tabId, async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const old = reset ? null : await loadTabFindings(tabId);
    const record = old ?? { meta, quotes: [], scans: [] };
    record.meta = meta;
    record.quotes.push(...quotes.map((quote, index) => ({ ...quote, id: `${chunk}:${index}` })));
    record.scans.push({ chunk, units, quotes: quotes.length, scanMs });
    record.scannedAt = Date.now();
    await chrome.storage.session.set({ [keyOf(tabId)]: record });
    return record;
  });
}

/** Removes the findings `ids` (their text left the page). Resolves to the record, or null. */
export function dropQuotes(tabId, ids) {
  return serially(tabId, async () => {
    const record = await loadTabFindings(tabId);
    if (record === null) return null;
    const gone = new Set(ids);
    record.quotes = record.quotes.filter((q) => !gone.has(q.id));
    await chrome.storage.session.set({ [keyOf(tabId)]: record });
    return record;
  });
}

/** loadTabFindings once the tab's pending updates (recordScan after a scan reply) are stored. */
export function readTabFindings(tabId) {
  return serially(tabId, () => loadTabFindings(tabId));
}

/** The tab's record, or null when the tab was never scanned (no findings is a value, not an error). */
export async function loadTabFindings(tabId) {
  const key = keyOf(tabId);
  const stored = await chrome.storage.session.get(key);
  return stored[key] ?? null;
}

export function forgetTab(tabId) {
  return serially(tabId, () => chrome.storage.session.remove(keyOf(tabId)));
}

export async function forgetAllTabs() {
  await chrome.storage.session.clear();
}
