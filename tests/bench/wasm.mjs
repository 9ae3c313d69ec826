// The wasm build under Node: engine construction time for a compiled ledger (the service
// worker's cold-start cost) and scan throughput on the PolNeAR train texts, in MB/s.
//
//   ./build.sh && cargo run --release -p quotetrace --example ledger_scale -- --write 100000 /tmp/qt-100k.qtl
//   node tests/bench/wasm.mjs [LEDGER...]      (default: dist/ledger.qtl and /tmp/qt-100k.qtl if present)
//
// Figures are printed, not asserted; each run checks that every scan finds the same count.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = process.env.QT_SHARED ?? join(root, '..', 'shared');
const { default: init, Engine } = await import(join(root, 'dist', 'pkg', 'quotetrace_wasm.js'));
await init({ module_or_path: readFileSync(join(root, 'dist', 'pkg', 'quotetrace_wasm_bg.wasm')) });

const texts = readFileSync(join(shared, 'eval', 'polnear', 'train.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;

const ledgers = process.argv.slice(2).length ? process.argv.slice(2)
  : [join(root, 'dist', 'ledger.qtl'), '/tmp/qt-100k.qtl'].filter(existsSync);

function scanAll(engine) {
  let n = 0;
  for (const t of texts) n += engine.scan(t, {}).quotes.length;
  return n;
}

console.log(`| ledger | bytes | engine load (median of 5) | scan MB/s (median of 3, ${mb.toFixed(2)} MB) |`);
console.log('| --- | --- | --- | --- |');
for (const path of [null, ...ledgers]) {
  const bytes = path ? new Uint8Array(readFileSync(path)) : new Uint8Array();
  const loads = [];
  let engine;
  for (let i = 0; i < 5; i++) {
    engine?.free();
    const t0 = performance.now();
    engine = new Engine(bytes);
    loads.push(performance.now() - t0);
  }
  loads.sort((a, b) => a - b);
  const expected = scanAll(engine);
  const rates = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const n = scanAll(engine);
    const s = (performance.now() - t0) / 1000;
    if (n !== expected) throw new Error(`scan found ${n} quotes, then ${expected}`);
    rates.push(mb / s);
  }
  rates.sort((a, b) => a - b);
  console.log(`| ${path ?? '(none)'} (${engine.info().entries} entries) | ${bytes.length} | ${loads[2].toFixed(1)} ms | ${rates[1].toFixed(1)} |`);
  engine.free();
}
