// settings.js — readSettings / cachedSettings / writeSettings / parseHostList: the reader's choices,
// kept in chrome.storage.local under "settings" (never synced, never sent anywhere).
//   { learn: boolean          "learn as I read": record every visited page's quotes in the personal ledger
//     neverRun: string[] }    host names where the content script does nothing (a name covers its subdomains)
// The content script reads neverRun directly (classic script, its own two-line check).

export const DEFAULT_SETTINGS = Object.freeze({ learn: false, neverRun: [] });

export async function readSettings() {
  const { settings } = await chrome.storage.local.get('settings');
  return {
    learn: settings?.learn === true,
    neverRun: Array.isArray(settings?.neverRun) ? settings.neverRun.filter((h) => typeof h === 'string') : [],
  };
}

let cached = null; // Promise of the last read, dropped when the stored settings change

/**
 * readSettings, read once and then kept until chrome.storage reports a change of "settings". The
 * service worker reads them at start, so the first scan does not wait for a storage round trip
 * (0-25 ms measured on a cold worker, sometimes after the engine was ready). A failed read is not kept.
 */
export function cachedSettings() {
  if (cached === null) {
    if (!chrome.storage.local.onChanged.hasListener(forgetSettings)) chrome.storage.local.onChanged.addListener(forgetSettings);
    cached = readSettings();
    cached.catch(() => { cached = null; });
  }
  return cached;
}

function forgetSettings(changes) {
  if ('settings' in changes) cached = null;
}

export async function writeSettings(settings) {
  await chrome.storage.local.set({ settings: { learn: settings.learn === true, neverRun: [...settings.neverRun] } });
}

/**
 * One host per line (or separated by spaces/commas); URLs are reduced to their host, "*." and a
 * leading "www." are dropped. Returns {hosts, rejected} (rejected: entries that are no host name).
 */
export function parseHostList(text) {
  const hosts = new Set();
  const rejected = [];
  for (const raw of text.split(/[\s,]+/)) {
    if (!raw) continue;
    let host = raw.toLowerCase();
    try {
      if (host.includes('://')) host = new URL(host).hostname;
    } catch {
      rejected.push(raw);
      continue;
    }
    host = host.replace(/^\*\./, '').replace(/^www\./, '').replace(/\/.*$/, '').replace(/:\d+$/, '');
    if (/^[a-z0-9.-]+$/.test(host) && !host.startsWith('.') && !host.endsWith('.')) hosts.add(host);
    else rejected.push(raw);
  }
  return { hosts: [...hosts], rejected };
}
