// messages.js — parseMessage: the one guard for messages reaching the background service worker.
//
// Messages are a union keyed on `type`:
//   { type: 'scan', text, meta: PageMeta, chunk: int >= 0, reset: bool }   content script: the text of
//                     the blocks not sent before (chunk numbers them; reset starts the tab's record over)
//   { type: 'dropQuotes', ids: string[] }             content script: findings whose text left the page
//   { type: 'warm' }                                   content script at document_start: load the core now
//                                                      (carries no page data; the reply is {ok: true})
//   { type: 'getTab', tabId: number }                 popup
//   { type: 'info' }                                   anyone of ours: ledger sizes and version
//   { type: 'importLedger', base64: string }           options: merge a ledger file into the personal one
//   { type: 'exportPersonal' }                         options: the personal ledger as JSON Lines
//   { type: 'clearAll' }                               options: personal ledger, settings, stored findings
// PageMeta = { url, outlet, published, title }, each string or null; unknown fields are dropped.
// Anything else throws an Error whose message names what was wrong; the caller replies {error}.

// Largest page text accepted, in UTF-16 code units. 4 Mi units is ~8 MB of string, far above any
// article (a long one is ~100 k) and low enough that one bad page cannot stall the worker for long.
export const MAX_TEXT_UTF16 = 4 * 1024 * 1024;
// Longest metadata string kept; real titles and URLs are far shorter, longer ones are junk.
export const MAX_META_CHARS = 2048;
// Largest ledger file accepted for import, as base64 characters (~48 MB of file): a 1M-entry ledger
// fits; Chrome's message limit is 64 MiB.
export const MAX_LEDGER_BASE64 = 64 * 1024 * 1024;
// Finding ids dropped in one message; a page removing more sends several.
const MAX_DROP_IDS = 100_000;
const QUOTE_ID = /^\d{1,9}:\d{1,9}$/; // "chunk:index"


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
      const chunk = raw.chunk ?? 0;
      if (!Number.isSafeInteger(chunk) || chunk < 0) throw new Error(`scan: bad chunk ${chunk}`);
      if (raw.reset !== undefined && typeof raw.reset !== 'boolean') throw new Error(`scan: reset must be a boolean, got ${typeof raw.reset}`);
      return { type: 'scan', text: raw.text, meta: parseMeta(raw.meta), chunk, reset: raw.reset ?? true };
    }
    case 'dropQuotes': {
      if (!Array.isArray(raw.ids) || raw.ids.length > MAX_DROP_IDS || !raw.ids.every((id) => typeof id === 'string' && QUOTE_ID.test(id))) {
        throw new Error('dropQuotes: ids must be an array of "chunk:index" strings');
      }
      return { type: 'dropQuotes', ids: [...raw.ids] };
    }
    case 'importLedger': {
      if (typeof raw.base64 !== 'string' || raw.base64.length > MAX_LEDGER_BASE64) {
        throw new Error(`importLedger: base64 must be a string of at most ${MAX_LEDGER_BASE64} characters`);
      }
      return { type: 'importLedger', base64: raw.base64 };
    }
    case 'exportPersonal':
    case 'clearAll':
    case 'warm':
      return { type: raw.type };
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
