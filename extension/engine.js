// engine.js — getEngine: the wasm core plus the bundled ledger, loaded once per worker/page life.
//
// Used by the background service worker and by extension pages (dev page). The personal ledger
// stored by personal-ledger.js is loaded into every engine. Content scripts never
// load it: WebAssembly cannot compile in a content script on a page whose CSP lacks
// 'wasm-unsafe-eval' (see DESIGN.md, "Hard facts").
//
// The service worker may be evicted after ~30 s idle and restarted on the next message, so this
// module is re-evaluated on every worker start; the cached promise lives only as long as the worker.
// Trade-off: the first message after a restart pays the wasm compile + ledger decode (measured by
// the benchmark script, not here).

import init, { Engine } from './pkg/quotetrace_wasm.js';
import { restorePersonal } from './personal-ledger.js';

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

async function createEngine() {
  await init({ module_or_path: WASM_URL });
  const response = await fetch(LEDGER_URL);
  if (!response.ok) throw new Error(`cannot read bundled ledger ${LEDGER_URL}: status ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const engine = new Engine(bytes); // throws a JS Error on a malformed ledger
  // The reader's personal ledger (chrome.storage.local) joins the bundled one: scans trace both.
  if (globalThis.chrome?.storage?.local) await restorePersonal(engine);
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
