// background.js — the service worker: the only place the wasm core runs for web pages.
//
//   worker start ──> worker-start.js: getEngine() (wasm + ledger + warm-up scan) and cachedSettings(),
//                    started before the other modules evaluate and before any message needs them
//   content script --{type:'scan'}--> parseMessage -> withEngine (cached) -> engine.scan
//        ^                                   |   settings.learn? -> engine.learn -> savePersonal
//        +------------- {quotes, scanMs} <---+
//                                            +--> then (after the reply): recordScan (per tab, chunk
//                                                 by chunk) + toolbar count
//   content script --{type:'dropQuotes'}--> dropQuotes + toolbar count
//   content script --{type:'warm'}--> getEngine (sent at document_start: a stopped worker starts
//                                     and loads the core while the page is still parsing)
//   webNavigation.onBeforeNavigate (top frame, http/https) --> nothing but the worker's start: a
//                                     stopped worker is started at navigation start, not at commit
//   popup ---------{type:'getTab'}--> readTabFindings (after the tab's pending records) -> {findings}
//   options -------{type:'info' | 'importLedger' | 'exportPersonal' | 'clearAll'}
//
// Every handler goes: validate -> wait for initialisation -> act. Errors go back as {error}; the
// listener itself never throws, so one bad message or a panic in the core cannot kill the worker.
// The scan reply does not wait for storage: the page's badges come first; the popup's getTab waits
// for the tab's pending records instead (tab-findings.js chains them).

import './worker-start.js'; // first: starts the engine load before the other modules evaluate
import { parseMessage } from './messages.js';
import { getEngine, withEngine, loadTimings } from './engine.js';
import { recordScan, dropQuotes, readTabFindings, forgetTab, forgetAllTabs } from './tab-findings.js';
import { showAttentionCount } from './toolbar-badge.js';
import { countNeedingAttention } from './verdicts.js';
import { cachedSettings } from './settings.js';
import { savePersonal } from './personal-ledger.js';
import { base64ToBytes } from './base64.js';

chrome.runtime.onMessage.addListener((raw, sender, sendResponse) => {
  handleMessage(raw, sender).then(sendResponse, (err) => {
    sendResponse({ error: errorMessage(err) });
  });
  return true; // the reply is asynchronous
});

// Wakes a stopped worker when a navigation starts: the worker's start (30-60 ms of process and thread
// start on this machine) and the engine load then overlap the page's request and parsing, instead
// of starting at commit, when tabs.onUpdated and the content script's 'warm' would start it. The
// listener does nothing with the event (no URL is read, kept or sent); registering it is what makes
// the browser start the worker. "webNavigation" adds no install warning beside the content script's
// <all_urls> (chrome.management.getPermissionWarningsByManifest gives the same single warning).
chrome.webNavigation.onBeforeNavigate.addListener(() => {}, { url: [{ schemes: ['http', 'https'] }] });

// A tab that navigates or closes loses its findings; a fresh scan will store new ones.
chrome.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    forgetTab(tabId).catch((err) => console.debug('quotetrace: forgetTab', err?.message));
    showAttentionCount(tabId, 0);
  }
});
chrome.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId).catch((err) => console.debug('quotetrace: forgetTab', err?.message));
});

async function handleMessage(raw, sender) {
  if (sender.id !== chrome.runtime.id) throw new Error('message from another extension ignored');
  const message = parseMessage(raw);
  switch (message.type) {
    case 'scan':
      return scanForSender(message, sender);
    case 'dropQuotes': {
      const tabId = topFrameTab(sender);
      if (tabId !== null) {
        const record = await dropQuotes(tabId, message.ids);
        if (record) await showAttentionCount(tabId, countNeedingAttention(record.quotes));
      }
      return { ok: true };
    }
    case 'warm':
      await getEngine();
      return { ok: true };
    case 'getTab':
      return { findings: await readTabFindings(message.tabId) };
    case 'info':
      return { info: { ...await withEngine((engine) => engine.info()), load: loadTimings() } };
    case 'importLedger': {
      const bytes = base64ToBytes(message.base64);
      const personalEntries = await withEngine((engine) => engine.importLedger(bytes)); // throws, unchanged, on a bad file
      await withEngine(savePersonal);
      return { personalEntries };
    }
    case 'exportPersonal':
      return { text: await withEngine((engine) => engine.exportPersonal()) };
    case 'clearAll':
      await withEngine((engine) => engine.setPersonal(new Uint8Array()));
      await chrome.storage.local.clear();
      await forgetAllTabs();
      return { ok: true };
  }
  throw new Error(`unhandled message type ${message.type}`); // parseMessage and the switch disagree
}

async function scanForSender({ text, meta, chunk, reset }, sender) {
  const settings = cachedSettings(); // read at worker start, while the engine loads
  await getEngine();
  const { learn } = await settings;
  const { result, scanMs, learned } = await withEngine((engine) => {
    const started = performance.now();
    const scanned = engine.scan(text, meta);
    const ms = performance.now() - started; // core time only, not the load
    // Learned after the scan, so this page's verdicts are not traced against itself.
    return { result: scanned, scanMs: ms, learned: learn ? engine.learn(text, meta) : 0 };
  });
  const quotes = Array.isArray(result?.quotes) ? result.quotes : [];
  const tabId = topFrameTab(sender);
  // After the reply: storage writes cost 10-20 ms on a cold worker, and the page need not wait.
  // recordScan is queued now, so a later dropQuotes or getTab for the tab runs after it.
  const recorded = tabId === null ? null : recordScan(tabId, { meta, quotes, chunk, reset, units: text.length, scanMs });
  const after = async () => {
    if (recorded !== null) await showAttentionCount(tabId, countNeedingAttention((await recorded).quotes));
    if (learned > 0) await withEngine(savePersonal);
  };
  after().catch((err) => console.warn('quotetrace: findings not recorded:', errorMessage(err)));
  return { quotes, scanMs };
}

// Only the top frame's findings are stored: the content script runs in top frames only.
function topFrameTab(sender) {
  const tabId = sender.tab?.id;
  return Number.isSafeInteger(tabId) && tabId >= 0 && (sender.frameId ?? 0) === 0 ? tabId : null;
}

function errorMessage(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}
