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
//   fetch + streaming compile of the wasm ─┐
//   fetch(ledger.qtl) ─────────────────────┤ (in parallel)
//   storage: personal ledger ───────────────┴─> new Engine(bytes) -> warm-up scan -> restorePersonal

import init, { Engine } from './pkg/quotetrace_wasm.js';
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

async function createEngine() {
  const started = performance.now();
  const lap = (stage, since) => { timings[stage] = performance.now() - since; return performance.now(); };
  // The ledger is read while the wasm compiles: neither needs the other until `new Engine`.
  const ledger = fetch(LEDGER_URL).then(async (response) => {
    if (!response.ok) throw new Error(`cannot read bundled ledger ${LEDGER_URL}: status ${response.status}`);
    const buffer = await response.arrayBuffer();
    timings.ledger = performance.now() - started;
    timings.ledgerBytes = buffer.byteLength;
    return new Uint8Array(buffer);
  });
  ledger.catch(() => {}); // a failed init below rejects first; this rejection is then not "unhandled"
  // The personal ledger's storage read, also in parallel (1-7 ms measured on a cold worker).
  const personal = globalThis.chrome?.storage?.local ? readStoredPersonal() : null;
  personal?.catch(() => {});
  await init({ module_or_path: WASM_URL });
  let t = lap('wasm', started);
  const bytes = await ledger;
  t = performance.now();
  const engine = new Engine(bytes); // throws a JS Error on a malformed ledger
  t = lap('engine', t);
  // The warm-up first: the storage read has more time to come back meanwhile.
  engine.scan(QT_WARM_UP_TEXT, {});
  t = lap('warmUp', t);
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
