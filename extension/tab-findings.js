// tab-findings.js — saveTabFindings / loadTabFindings / forgetTab: the last scan of each tab.
//
// Kept in chrome.storage.session, not in a worker variable: the worker is evicted after ~30 s idle,
// and the popup opened a minute later must still see the findings. Session storage is in memory,
// never written to disk, and cleared when the browser closes (nothing the reader visits persists).
// Record shape: { meta: PageMeta, quotes: Finding[], scannedAt: epoch ms, scanMs: number }.

const keyOf = (tabId) => `tab:${tabId}`;

export async function saveTabFindings(tabId, record) {
  await chrome.storage.session.set({ [keyOf(tabId)]: record });
}

/** The tab's record, or null when the tab was never scanned (no findings is a value, not an error). */
export async function loadTabFindings(tabId) {
  const key = keyOf(tabId);
  const stored = await chrome.storage.session.get(key);
  return stored[key] ?? null;
}

export async function forgetTab(tabId) {
  await chrome.storage.session.remove(keyOf(tabId));
}
