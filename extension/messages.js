// messages.js — parseMessage: the one guard for messages reaching the background service worker.
//
// Messages are a union keyed on `type`:
//   { type: 'scan',   text: string, meta: PageMeta }  from the content script (or the dev page)
//   { type: 'getTab', tabId: number }                 from the popup
//   { type: 'info' }                                   anyone of ours
// PageMeta = { url, outlet, published, title }, each string or null; unknown fields are dropped.
// Anything else throws an Error whose message names what was wrong; the caller replies {error}.

// Largest page text accepted, in UTF-16 code units. 4 Mi units is ~8 MB of string, far above any
// article (a long one is ~100 k) and low enough that one bad page cannot stall the worker for long.
export const MAX_TEXT_UTF16 = 4 * 1024 * 1024;
// Longest metadata string kept; real titles and URLs are far shorter, longer ones are junk.
export const MAX_META_CHARS = 2048;

const META_FIELDS = ['url', 'outlet', 'published', 'title'];

/** Validates `raw`; returns a fresh, normalised message or throws. */
export function parseMessage(raw) {
  if (raw === null || typeof raw !== 'object') throw new Error(`message must be an object, got ${typeof raw}`);
  switch (raw.type) {
    case 'scan': {
      if (typeof raw.text !== 'string') throw new Error(`scan: text must be a string, got ${typeof raw.text}`);
      if (raw.text.length > MAX_TEXT_UTF16) {
        throw new Error(`scan: text of ${raw.text.length} UTF-16 units exceeds the limit of ${MAX_TEXT_UTF16}`);
      }
      return { type: 'scan', text: raw.text, meta: parseMeta(raw.meta) };
    }
    case 'getTab': {
      if (!Number.isSafeInteger(raw.tabId) || raw.tabId < 0) throw new Error(`getTab: bad tabId ${raw.tabId}`);
      return { type: 'getTab', tabId: raw.tabId };
    }
    case 'info':
      return { type: 'info' };
    default:
      throw new Error(`unknown message type ${JSON.stringify(String(raw.type))}`);
  }
}

function parseMeta(raw) {
  const meta = { url: null, outlet: null, published: null, title: null };
  if (raw === undefined || raw === null) return meta;
  if (typeof raw !== 'object') throw new Error(`scan: meta must be an object, got ${typeof raw}`);
  for (const field of META_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw new Error(`scan: meta.${field} must be a string or null, got ${typeof value}`);
    const trimmed = value.trim().slice(0, MAX_META_CHARS);
    meta[field] = trimmed === '' ? null : trimmed;
  }
  return meta;
}
