// personal-ledger.js — the personal ledger's persistence in the service worker:
// readStoredPersonal + restorePersonal(engine) at worker start, savePersonal(engine) after every change.
//
// Stored in chrome.storage.local as "personalLedger": the engine's compiled bytes (personalBytes),
// base64 (storage is JSON). Kept only in this browser; export is the reader's explicit action.
// Trade-off: every change rewrites the whole ledger; a personal ledger of a few thousand entries is
// tens of kB, far below what would make that noticeable.

import { bytesToBase64, base64ToBytes } from './base64.js';

const KEY = 'personalLedger';

/** The stored personal ledger (base64 string, or undefined); started early, used by restorePersonal. */
export async function readStoredPersonal() {
  return (await chrome.storage.local.get(KEY))[KEY];
}

/**
 * Loads the stored personal ledger into `engine`; a damaged copy is reported and left out.
 * `stored`: a readStoredPersonal() already under way (the engine loader starts it beside the wasm).
 */
export async function restorePersonal(engine, stored = readStoredPersonal()) {
  stored = await stored;
  if (typeof stored !== 'string' || stored === '') return;
  try {
    engine.setPersonal(base64ToBytes(stored));
  } catch (err) {
    console.warn('quotetrace: the stored personal ledger is unreadable and was not loaded:', err.message);
  }
}

export async function savePersonal(engine) {
  const bytes = engine.personalBytes();
  if (engine.info().personalEntries === 0) await chrome.storage.local.remove(KEY);
  else await chrome.storage.local.set({ [KEY]: bytesToBase64(bytes) });
}
