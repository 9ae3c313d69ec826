// engine.js — getEngine: the wasm core plus the bundled ledger, loaded once per worker/page life.
//
// Used by the background service worker and by extension pages (dev page). The personal ledger
// stored by personal-ledger.js is loaded into every engine. Content scripts never
// load it: WebAssembly cannot compile in a content script on a page whose CSP lacks
// 'wasm-unsafe-eval' (see DESIGN.md, "Hard facts").
//
// The service worker may be evicted after ~30 s idle and restarted on the next message, so this
// module is re-evaluated on every worker start; the cached promise lives only as long as the worker.
// worker-start.js, the background's first import, calls getEngine() as soon as this module is
// evaluated, so the load overlaps the rest of the worker's start and the page's own loading instead
// of following the content script's first message. Each stage's time is kept in loadTimings() (the
// `info` reply carries it; tests/bench/browser.mjs prints it).
//
//   fetch + streaming compile of the wasm ─> warm-up scan (an engine with no ledger) ─┐
//   fetch(ledger.qtl), streamed ─────────────────────────────────────────────────────┤
//   storage: personal ledger ─────────────────────────────────────────────────────────┴─>
//     Engine.fromBuffer -> restorePersonal
//   (in parallel; each ledger chunk is copied into wasm memory as it arrives, once the module is
//   instantiated)

import init, { Engine, LedgerBuffer } from './pkg/quotetrace_wasm.js';
import { readStoredPersonal, restorePersonal } from './personal-ledger.js';

const WASM_URL = new URL('pkg/quotetrace_wasm_bg.wasm', import.meta.url);
const LEDGER_URL = new URL('ledger.qtl', import.meta.url);

let cachedEngine = null; // Promise<Engine> | null — the one piece of module state: a memo, not a store.

/** The shared engine; loads the wasm and the ledger on first call. A failed load is not cached. */
export function getEngine() {
  if (cachedEngine === null) {
    cachedEngine = createEngine().catch((err) => {
      cachedEngine = null;
      throw err;
    });
  }
  return cachedEngine;
}

/**
 * Forgets the engine after a wasm trap (a Rust panic surfaces as WebAssembly.RuntimeError).
 * Trade-off: wasm-bindgen's `init` instantiates the module once per realm and dynamic import() is
 * not allowed in service workers, so we cannot get a fresh instance here; we build a fresh Engine
 * on the same instance, which is enough when the panic unwound cleanly out of `scan`. A worker
 * restart (eviction) gives a fresh instance in any case.
 */
export function dropEngine() {
  cachedEngine = null;
}

// A few sentences in the shapes news quotes take. The core builds some of its matchers lazily on
// the first scan (~40-80 ms measured in the worker, 1 ms afterwards); scanning this first moves that
// cost off the first page's critical path. Written for this purpose, not taken from any page.
const QT_WARM_UP_TEXT = [
  '“We will not give up,” said Anna Example, the mayor of Sampletown, on Monday. She added: “The work goes on.”',
  'According to a spokesman for the ministry, the talks were “productive but unfinished”. "Nothing is agreed," he told reporters.',
  'John Q. Placeholder, a professor at the University of Nowhere, said the plan was sound. He warned that ‘delays are likely’.',
].join('\n\n');

const timings = {}; // stage -> ms of the last load in this worker/page life

/** How long each stage of the last engine load took, in ms (wasm, ledger, engine, personal, warmUp). */
export function loadTimings() {
  return { ...timings };
}

/**
 * The bundled ledger's bytes, streamed from `response` into a LedgerBuffer in wasm memory: each
 * chunk is copied once, as it arrives (the chunks that come before the module is instantiated wait
 * in `pending`). A compiled ledger of version 4 gives its length in its header (bytes 20-23), so
 * the buffer is allocated once. Resolves to the LedgerBuffer and the number of bytes.
 */
async function streamLedger(response, wasmReady) {
  const reader = response.body.getReader();
  let exports = null;
  wasmReady.then((w) => { exports = w; }, () => {});
  const pending = [];
  let buffer = null;
  let bytes = 0;
  const put = (chunk) => {
    if (buffer === null) buffer = new LedgerBuffer(declaredLength(chunk) ?? 0);
    const at = buffer.grow(chunk.length);
    new Uint8Array(exports.memory.buffer, at, chunk.length).set(chunk);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    if (exports === null) {
      pending.push(value);
      continue;
    }
    for (const chunk of pending.splice(0)) put(chunk);
    put(value);
  }
  exports = await wasmReady;
  for (const chunk of pending.splice(0)) put(chunk);
  return { buffer: buffer ?? new LedgerBuffer(0), bytes };
}

/** The length a compiled ledger of version 4 declares in its header (bytes 20-23), else null. */
function declaredLength(first) {
  if (first.length < 24) return null;
  const view = new DataView(first.buffer, first.byteOffset, 24);
  const magic = String.fromCharCode(...first.subarray(0, 8));
  return magic === 'QTLEDGR\0' && view.getUint32(8, true) === 4 ? view.getUint32(20, true) : null;
}

async function createEngine() {
  const started = performance.now();
  const lap = (stage, since) => { timings[stage] = performance.now() - since; return performance.now(); };
  const wasmReady = init({ module_or_path: WASM_URL });
  // The ledger is read while the wasm compiles; its chunks go into wasm memory once it is ready.
  const ledger = fetch(LEDGER_URL).then(async (response) => {
    if (!response.ok) throw new Error(`cannot read bundled ledger ${LEDGER_URL}: status ${response.status}`);
    const read = await streamLedger(response, wasmReady);
    timings.ledger = performance.now() - started;
    timings.ledgerBytes = read.bytes;
    return read.buffer;
  });
  ledger.catch(() => {}); // a failed init below rejects first; this rejection is then not "unhandled"
  // The personal ledger's storage read, also in parallel (1-7 ms measured on a cold worker).
  const personal = globalThis.chrome?.storage?.local ? readStoredPersonal() : null;
  personal?.catch(() => {});
  await wasmReady;
  let t = lap('wasm', started);
  // The warm-up builds the core's matchers, which no ledger holds: an engine with no ledger
  // scans it while the bundled ledger is still streaming in (at 100k entries the fetch takes
  // ~100 ms, the warm-up ~30), so it leaves the critical path. The storage read also has more
  // time to come back meanwhile.
  const warm = new Engine(new Uint8Array(0));
  try {
    warm.scan(QT_WARM_UP_TEXT, {});
  } finally {
    warm.free();
  }
  t = lap('warmUp', t);
  const buffer = await ledger;
  t = performance.now();
  const engine = Engine.fromBuffer(buffer); // throws a JS Error on a malformed ledger
  t = lap('engine', t);
  // The reader's personal ledger (chrome.storage.local) joins the bundled one: scans trace both.
  if (personal !== null) await restorePersonal(engine, personal);
  lap('personal', t);
  timings.total = performance.now() - started;
  return engine;
}

/** Runs `fn(engine)`; a wasm trap drops the engine so the next call starts over. Errors are rethrown. */
export async function withEngine(fn) {
  const engine = await getEngine();
  try {
    return fn(engine);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      dropEngine();
      throw new Error(`quotetrace core crashed (${err.message}); it will be reloaded on the next request`);
    }
    throw err;
  }
}
