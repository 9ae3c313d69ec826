// The extension in headless Chromium: service-worker cold start (wasm + bundled ledger, and a
// 100k-entry ledger if /tmp/qt-100k.qtl exists), time from load to first badges per corpus page
// from a cold worker, and the longest main-thread task on a 1 MB article (with and without the
// extension). A benchmark, not a test: figures are printed as markdown tables, never asserted.
//
//   ./build.sh && node tests/bench/browser.mjs [launches=5]
//
// dist/ is never modified: the 100k run copies dist/ to a temp directory and replaces its ledger.
import { cpSync, existsSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer, PROJECT_ROOT } from '../browser/fixture-server.js';

const RUNS = Number(process.argv[2] ?? 5);
const DIST = path.join(PROJECT_ROOT, 'dist');
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

// Cold start: a fresh profile; an extension page asks `info` (the first message loads the core).
async function coldStart(dist) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const { context, id } = await launch(dist);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/popup.html?tab=0`);
    const answered = await page.evaluate(async () => {
      const t = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'info' });
      return { ms: performance.now() - t, entries: reply.info.entries };
    });
    times.push({ launchToInfo: performance.now() - t0, info: answered.ms, entries: answered.entries });
    await context.close();
  }
  return { launchToInfo: median(times.map((t) => t.launchToInfo)), info: median(times.map((t) => t.info)), entries: times[0].entries };
}

const OBSERVE = () => {
  window.__qt = { firstBadge: null, longtasks: [] };
  new MutationObserver((records, observer) => {
    if (records.some((r) => [...r.addedNodes].some((n) => n.localName === 'qt-badge' || n.querySelector?.('qt-badge')))) {
      window.__qt.firstBadge = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__qt.longtasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
};

async function firstBadges(server, article) {
  const loadTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const { context } = await launch(DIST);
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
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
  const out = await page.evaluate(() => ({ longtasks: window.__qt.longtasks, badges: document.querySelectorAll('qt-badge').length, chars: document.body.textContent.length }));
  await context.close();
  return out;
}

const server = await startFixtureServer();
console.log(`## Service worker cold start (median of ${RUNS} fresh profiles)\n`);
console.log('| ledger | entries | launch → info answered | first `info` round trip (core + ledger load) |');
console.log('| --- | --- | --- | --- |');
const bundled = await coldStart(DIST);
console.log(`| bundled dist/ledger.qtl | ${bundled.entries} | ${fmt(bundled.launchToInfo)} | ${fmt(bundled.info)} |`);
if (existsSync('/tmp/qt-100k.qtl')) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'qt-dist-'));
  cpSync(DIST, tmp, { recursive: true });
  copyFileSync('/tmp/qt-100k.qtl', path.join(tmp, 'ledger.qtl'));
  const big = await coldStart(tmp);
  console.log(`| /tmp/qt-100k.qtl | ${big.entries} | ${fmt(big.launchToInfo)} | ${fmt(big.info)} |`);
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`\n## First badges from a cold worker (median of ${RUNS})\n`);
console.log('| page | load event → first badge | navigation start → first badge |');
console.log('| --- | --- | --- |');
for (const article of server.articles) {
  const t = await firstBadges(server, article);
  console.log(`| /article/${article.id.slice(0, 3)} | ${fmt(t.fromLoad)} | ${fmt(t.fromStart)} |`);
}

console.log('\n## Longest main-thread task on a 1 MB article (/big)\n');
console.log('| run | badges | long tasks (> 50 ms) | longest |');
console.log('| --- | --- | --- | --- |');
for (const [label, dist] of [['extension disabled', null], ['extension enabled', DIST]]) {
  const r = await bigPage(server, dist);
  console.log(`| ${label} | ${r.badges} | ${r.longtasks.length} | ${r.longtasks.length ? fmt(Math.max(...r.longtasks)) : '—'} |`);
}
await server.close();
