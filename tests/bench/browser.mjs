// The extension in headless Chromium: service-worker cold start (wasm + bundled ledger, and a
// 100k-entry ledger if /tmp/qt-100k.qtl exists), time from load to first badges per corpus page
// from a cold worker, and the longest main-thread task on a 1 MB article (with and without the
// extension). A benchmark, not a test: figures are printed as markdown tables, never asserted.
//
// "Cold worker" means stopped, as after the ~30 s idle eviction: the worker starts at launch and
// loads its engine at once (background.js), so every measurement first stops it through DevTools
// (ServiceWorker.stopAllWorkers) and waits until it is stopped; the navigation or message then
// restarts it, exactly as for a reader. Targets (<= 100 ms load → first badge, no task over 50 ms,
// <= 200 ms cold start with 100k entries) are read off these tables, never asserted.
//
//   ./build.sh && node tests/bench/browser.mjs [launches=5]
//
// dist/ is never modified: the 100k run copies dist/ to a temp directory and replaces its ledger
// (QT_LEDGER_100K names another file than /tmp/qt-100k.qtl).
import { cpSync, existsSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer, PROJECT_ROOT } from '../browser/fixture-server.js';

const RUNS = Number(process.argv[2] ?? 5);
const DIST = path.resolve(process.env.QT_DIST ?? path.join(PROJECT_ROOT, 'dist')); // QT_DIST: compare another build
const CHROMIUM = process.env.QT_CHROMIUM ?? '/usr/bin/chromium';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;

async function launch(dist) {
  const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  if (dist) args.push(`--disable-extensions-except=${dist}`, `--load-extension=${dist}`);
  const context = await chromium.launchPersistentContext('', { executablePath: CHROMIUM, headless: true, viewport: { width: 1100, height: 800 }, args });
  let id = null;
  if (dist) {
    const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
    id = new URL(worker.url()).host;
  }
  return { context, id };
}

// Stops the extension's service worker (as the idle eviction does) and waits until it is stopped.
async function stopWorker(context, page) {
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

// Cold start: a fresh profile, the worker stopped; an extension page asks `info`, which restarts
// the worker, whose engine load (wasm, ledger, engine, personal ledger, warm-up scan) it awaits.
async function coldStart(dist) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, id } = await launch(dist);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html?tab=0`);
    await stopWorker(context, page);
    const answered = await page.evaluate(async () => {
      const t = performance.now();
      // A message can race the worker's restart ("Receiving end does not exist"), as content.js
      // knows: retry once, the wait counted in the figure.
      const ask = () => chrome.runtime.sendMessage({ type: 'info' });
      const reply = await ask().catch(() => new Promise((resolve) => setTimeout(resolve, 250)).then(ask));
      return { ms: performance.now() - t, entries: reply.info.entries, load: reply.info.load ?? {} };
    });
    times.push(answered);
    await context.close();
  }
  const stage = (name) => median(times.map((t) => t.load[name] ?? NaN));
  return {
    info: median(times.map((t) => t.ms)), entries: times[0].entries, bytes: times[0].load.ledgerBytes,
    stages: Object.fromEntries(['wasm', 'ledger', 'engine', 'personal', 'warmUp'].map((s) => [s, stage(s)])),
  };
}

// A badge counts when its host enters the document (hosts are inserted already positioned).
const OBSERVE = () => {
  window.__qt = { firstBadge: null, lastBadge: null, longtasks: [] };
  new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.localName === 'qt-badge' || n.querySelector?.('qt-badge')))) {
      window.__qt.firstBadge ??= performance.now();
      window.__qt.lastBadge = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__qt.longtasks.push({ start: e.startTime, ms: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
};

async function firstBadges(server, article) {
  const loadTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const { context } = await launch(DIST);
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    await page.waitForTimeout(1000); // the worker's start-up engine load is over
    await stopWorker(context, page);
    await page.goto(server.urlFor('article', article.id.slice(0, 3)));
    await page.waitForFunction(() => window.__qt.firstBadge !== null, null, { timeout: 20_000 });
    loadTimes.push(await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      return { fromLoad: window.__qt.firstBadge - nav.loadEventEnd, fromStart: window.__qt.firstBadge };
    }));
    await context.close();
  }
  return { fromLoad: median(loadTimes.map((t) => t.fromLoad)), fromStart: median(loadTimes.map((t) => t.fromStart)) };
}

async function bigPage(server, dist) {
  const { context } = await launch(dist);
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  await page.goto(`${server.origin}/big`);
  if (dist) await page.waitForFunction(() => window.__qt.firstBadge !== null, null, { timeout: 60_000 });
  await page.waitForTimeout(4000); // let every slice of the scan and badge placement finish
  const out = await page.evaluate(() => ({
    longtasks: window.__qt.longtasks.map((t) => t.ms),
    // Tasks that end after the first badge: the overlay's work, not the page's own first layout.
    longtasksAfter: window.__qt.longtasks.filter((t) => window.__qt.firstBadge !== null && t.start + t.ms > window.__qt.firstBadge).map((t) => t.ms),
    badges: document.querySelectorAll('qt-badge').length, chars: document.body.textContent.length,
    firstToLast: window.__qt.lastBadge - window.__qt.firstBadge,
  }));
  await context.close();
  return out;
}

const server = await startFixtureServer();
console.log(`## Service worker cold start (median of ${RUNS} fresh profiles)\n`);
console.log('| ledger | entries | bytes | `info` round trip, worker stopped | wasm compile | ledger fetch (parallel) | new Engine | personal | warm-up scan |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const coldRow = (label, r) => `| ${label} | ${r.entries} | ${r.bytes} | ${fmt(r.info)} | ${['wasm', 'ledger', 'engine', 'personal', 'warmUp'].map((s) => fmt(r.stages[s])).join(' | ')} |`;
const bundled = await coldStart(DIST);
console.log(coldRow('bundled dist/ledger.qtl', bundled));
const LEDGER_100K = process.env.QT_LEDGER_100K ?? '/tmp/qt-100k.qtl';
if (existsSync(LEDGER_100K)) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'qt-dist-'));
  cpSync(DIST, tmp, { recursive: true });
  copyFileSync(LEDGER_100K, path.join(tmp, 'ledger.qtl'));
  const big = await coldStart(tmp);
  console.log(coldRow(LEDGER_100K, big));
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`\n## First badges from a stopped worker (median of ${RUNS})\n`);
console.log('| page | load event → first badge | navigation start → first badge |');
console.log('| --- | --- | --- |');
for (const article of server.articles) {
  const t = await firstBadges(server, article);
  console.log(`| /article/${article.id.slice(0, 3)} | ${fmt(t.fromLoad)} | ${fmt(t.fromStart)} |`);
}

console.log('\n## Longest main-thread task on a 1 MB article (/big)\n');
console.log('| run | badges | long tasks (> 50 ms) | longest | long tasks after the first badge | first → last badge |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [label, dist] of [['extension disabled', null], ['extension enabled', DIST]]) {
  const r = await bigPage(server, dist);
  console.log(`| ${label} | ${r.badges} | ${r.longtasks.length} | ${r.longtasks.length ? fmt(Math.max(...r.longtasks)) : '—'} | ${dist ? r.longtasksAfter.map(fmt).join(', ') || 'none' : '—'} | ${dist ? fmt(r.firstToLast) : '—'} |`);
}
await server.close();
