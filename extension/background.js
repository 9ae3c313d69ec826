// background.js — the service worker: the only place the wasm core runs for web pages.
//
//   content script --{type:'scan'}--> parseMessage -> getEngine (lazy, cached) -> engine.scan
//        ^                                                   |
//        +------------------ {quotes, scanMs} <--------------+--> saveTabFindings + toolbar count
//   popup ---------{type:'getTab'}--> loadTabFindings -> {findings}
//
// Every handler goes: validate -> wait for initialisation -> act. Errors go back as {error}; the
// listener itself never throws, so one bad message or a panic in the core cannot kill the worker.

import { parseMessage } from './messages.js';
import { withEngine } from './engine.js';
import { saveTabFindings, loadTabFindings, forgetTab } from './tab-findings.js';
import { showAttentionCount } from './toolbar-badge.js';
import { countNeedingAttention } from './verdicts.js';

chrome.runtime.onMessage.addListener((raw, sender, sendResponse) => {
  handleMessage(raw, sender).then(sendResponse, (err) => {
    sendResponse({ error: errorMessage(err) });
  });
  return true; // the reply is asynchronous
});

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
    case 'getTab':
      return { findings: await loadTabFindings(message.tabId) };
    case 'info':
      return { info: await withEngine((engine) => engine.info()) };
  }
  throw new Error(`unhandled message type ${message.type}`); // parseMessage and the switch disagree
}

async function scanForSender({ text, meta }, sender) {
  const { result, scanMs } = await withEngine((engine) => {
    const started = performance.now();
    const scanned = engine.scan(text, meta);
    return { result: scanned, scanMs: performance.now() - started }; // core time only, not the load
  });
  const quotes = Array.isArray(result?.quotes) ? result.quotes : [];
  const tabId = sender.tab?.id;
  // Only the top frame's scan is stored: the content script runs in top frames only.
  if (Number.isSafeInteger(tabId) && tabId >= 0 && (sender.frameId ?? 0) === 0) {
    await saveTabFindings(tabId, { meta, quotes, scannedAt: Date.now(), scanMs });
    await showAttentionCount(tabId, countNeedingAttention(quotes));
  }
  return { quotes, scanMs };
}

function errorMessage(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}
