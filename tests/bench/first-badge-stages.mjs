// Where the time to the first badge goes, stage by stage, from a stopped service worker: a profiling
// aid beside tests/bench/browser.mjs (which gives the totals). It copies dist/ to a temp directory,
// adds timestamp marks to that copy's content.js and background.js (string patches that fail loudly
// when the code they anchor on changes), and loads the corpus pages as browser.mjs does. dist/ is
// never modified and the marks never ship.
//
//   ./build.sh && node tests/bench/first-badge-stages.mjs [pages=000,001,002,003,004] [runs=3]
//
// Timestamps are performance.timeOrigin + performance.now() in the page, the content script and the
// worker (one clock across processes, to ~0.1 ms). Printed per page load and as medians, in ms:
//   load        navigation start -> load event end (the page's own)
//   csStart     navigation start -> content script evaluated (document_start)
//   sent        navigation start -> scan message sent (text read, after the stylesheets are in)
//   swStart     navigation start -> worker global created (started by webNavigation.onBeforeNavigate,
//               tabs.onUpdated or the content script's 'warm', whichever the browser sees first)
//   spawn       content script start -> worker global created (negative: the worker started first)
//   glue        worker created -> the first module (the wasm-bindgen glue, a leaf) starts evaluating:
//               the module graph fetched and compiled
//   firstModule worker created -> messages.js evaluated (after worker-start.js and its imports)
//   evalModules worker created -> background.js and its imports evaluated
//   engine      modules evaluated -> engine ready, or the scan message if later (the engine load
//               starts in worker-start.js, before background.js's body: it overlaps evalModules)
//     wasm, ledger, newEngine, warmUp, personal  engine.js loadTimings (ms from the load's start for
//               wasm and ledger, which run in parallel; then each stage's own time)
//   ready       navigation start -> engine ready
//   msgAt       navigation start -> scan message handled in the worker (events wait while the
//               worker's thread loads the engine: msgAt is rarely before ready)
//   waitScan    engine ready -> scan started (settings read, awaits)
//   scan        the core's scan of the page
//   back        scan done -> reply in the content script
//   toBadge     reply -> first <qt-badge> connected (next animation frame)
//   loadToBadge load event -> first badge (browser.mjs's figure)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer, PROJECT_ROOT } from '../browser/fixture-server.js';

const PAGES = (process.argv[2] ?? '000,001,002,003,004').split(',');
const RUNS = Number(process.argv[3] ?? 3);
const DIST = path.resolve(process.env.QT_DIST ?? path.join(PROJECT_ROOT, 'dist'));
const CHROMIUM = process.env.QT_CHROMIUM ?? '/usr/bin/chromium';
const NOW = 'performance.timeOrigin + performance.now()';

// [file, anchor, replacement]: each anchor must occur in the file.
const PATCHES = [
  ['content.js', '(function qtMain() {\n  try {',
    `const QT_M = {}; const qtMark = (k) => { QT_M[k] ??= ${NOW}; document.documentElement.dataset.qtMarks = JSON.stringify(QT_M); };\n(function qtMain() {\n  try {\n    qtMark('csStart');`],
  ['content.js', "    const reply = await qtSendToBackground({ type: 'scan'", "    qtMark('sent'); const reply = await qtSendToBackground({ type: 'scan'"],
  ['content.js', '    if (mine !== generation) return;\n    if (!reply || reply.error) {',
    "    qtMark('reply'); Object.assign(QT_M, reply?.marks ?? {}); qtMark('reply');\n    if (mine !== generation) return;\n    if (!reply || reply.error) {"],
  ['pkg/quotetrace_wasm.js', '', `globalThis.qtGlueModule = ${NOW};\n`], // '' prepends: the first module evaluated
  ['messages.js', '// messages.js', `globalThis.qtFirstModule = ${NOW};\n// messages.js`],
  ['engine.js', '  timings.total = performance.now() - started;', `  timings.total = performance.now() - started; timings.readyAt = ${NOW};`],
  ['background.js', 'chrome.runtime.onMessage.addListener(', `globalThis.qtEvaluated = ${NOW};\nchrome.runtime.onMessage.addListener(`],
  ['background.js', 'async function scanForSender({ text, meta, chunk, reset }, sender) {',
    `async function scanForSender({ text, meta, chunk, reset }, sender) {\n  const marks = { swOrigin: performance.timeOrigin, swGlue: globalThis.qtGlueModule, swFirstModule: globalThis.qtFirstModule, swEval: globalThis.qtEvaluated, swScanMsg: ${NOW} };`],
  ['background.js', '  const { learn } = await settings;',
    `  marks.swEngine = ${NOW}; for (const [k, v] of Object.entries(loadTimings())) marks['L_' + k] = v;\n  const { learn } = await settings;`],
  ['background.js', '    const started = performance.now();\n', '    const started = performance.now(); marks.swScanStart = performance.timeOrigin + started;\n'],
  ['background.js', '  return { quotes, scanMs };', `  marks.swScanned = ${NOW}; marks.scanMs = scanMs;\n  return { quotes, scanMs, marks };`],
];

function instrumentedCopy() {
  const dir = mkdtempSync(path.join(tmpdir(), 'qt-stages-'));
  cpSync(DIST, dir, { recursive: true });
  for (const [file, anchor, replacement] of PATCHES) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    if (!source.includes(anchor)) throw new Error(`first-badge-stages: ${file} no longer contains ${JSON.stringify(anchor.slice(0, 60))}; update PATCHES`);
    writeFileSync(path.join(dir, file), source.replace(anchor, replacement));
  }
  return dir;
}

const OBSERVE = () => {
  window.__qtFirstBadge = null;
  new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.localName === 'qt-badge' || n.querySelector?.('qt-badge')))) window.__qtFirstBadge ??= performance.now();
  }).observe(document, { childList: true, subtree: true });
};

async function stopWorker(context, page) { // as browser.mjs: stopped as by the idle eviction
  const cdp = await context.newCDPSession(page);
  try {
    let stopped;
    const done = new Promise((resolve) => { stopped = resolve; });
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) stopped();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5000))]);
  } finally {
    await cdp.detach();
  }
}

async function oneLoad(dist, url) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1100, height: 800 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  try {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    await page.waitForTimeout(1000); // the worker's start-up engine load is over
    await stopWorker(context, page);
    await page.goto(url);
    await page.waitForFunction(() => window.__qtFirstBadge !== null, null, { timeout: 20_000 });
    return await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      const m = JSON.parse(document.documentElement.dataset.qtMarks);
      const at = (k) => m[k] - performance.timeOrigin; // ms since navigation start
      return {
        load: nav.loadEventEnd, csStart: at('csStart'), sent: at('sent'),
        swStart: at('swOrigin'), spawn: m.swOrigin - m.csStart, glue: m.swGlue - m.swOrigin, firstModule: m.swFirstModule - m.swOrigin, evalModules: m.swEval - m.swOrigin,
        engine: m.swEngine - m.swEval, wasm: m.L_wasm, ledger: m.L_ledger, newEngine: m.L_engine, warmUp: m.L_warmUp, personal: m.L_personal,
        ready: at('L_readyAt'), msgAt: at('swScanMsg'), waitScan: m.swScanStart - m.swEngine,
        scan: m.scanMs, back: m.reply - m.swScanned, toBadge: window.__qtFirstBadge - at('reply'),
        loadToBadge: window.__qtFirstBadge - nav.loadEventEnd,
      };
    });
  } finally {
    await context.close();
  }
}

const dist = instrumentedCopy();
const server = await startFixtureServer();
const rows = [];
try {
  for (const prefix of PAGES) {
    for (let i = 0; i < RUNS; i++) {
      const row = await oneLoad(dist, server.urlFor('article', prefix));
      rows.push(row);
      console.log(`/article/${prefix}`, Object.entries(row).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' '));
    }
  }
} finally {
  await server.close();
  rmSync(dist, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median of ${rows.length}`, Object.keys(rows[0]).map((k) => `${k}=${median(rows.map((r) => r[k])).toFixed(0)}`).join(' '));
