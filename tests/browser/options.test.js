// options.test.js — the options page and the personal ledger: sizes shown, import (and a malformed
// file changing nothing), learn as I read, export as a download, never-run sites, Clear all.
// The tests run in order and share one browser profile.
// Run alone: node --test tests/browser/options.test.js   (needs ./build.sh first)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startFixtureServer } from './fixture-server.js';
import { launchExtension, openBadgedPage, tabIdOf, BADGE_TIMEOUT_MS } from './launch-extension.js';
import { assertNoOwnNetworkRequests, assertNoErrors } from './run-checks.js';

let server;
let extension;
let options;

before(async () => {
  server = await startFixtureServer();
  extension = await launchExtension();
  options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.waitForSelector('#personal[data-entries]');
});
after(async () => {
  await extension?.close();
  await server?.close();
});

const personalEntries = async () => Number(await options.locator('#personal').getAttribute('data-entries'));
const reloadOptions = async () => {
  await options.reload();
  await options.waitForSelector('#personal[data-entries]');
};

// A source ledger written by hand, in the format `quotetrace ledger build --source` writes.
const HAND_LEDGER = [
  { format: 'quotetrace-ledger', version: 1, entries: 1 },
  {
    id: 'hand0001', text: 'The bridge will be finished before the first snow falls on the valley,',
    speaker: { name: 'Jane Smith', role: 'mayor', org: 'Springfield' },
    first: { outlet: 'Springfield Gazette', published: '2024-01-05', url: 'https://gazette.example/bridge', title: 'Bridge plans' },
  },
].map((line) => JSON.stringify(line)).join('\n') + '\n';

test('options shows the bundled ledger’s version and size, and an empty personal ledger', async () => {
  assert.match(await options.locator('#bundled').textContent(), /version \d+, \d+ entries/);
  const entries = Number((await options.locator('#bundled').textContent()).match(/(\d+) entries/)[1]);
  assert.ok(entries > 0);
  assert.equal(await personalEntries(), 0);
});

test('importing a ledger file adds its entries to the personal ledger', async () => {
  await options.setInputFiles('#import', { name: 'hand.jsonl', mimeType: 'application/json', buffer: Buffer.from(HAND_LEDGER) });
  await options.waitForSelector('#import-status.ok', { timeout: BADGE_TIMEOUT_MS });
  assert.match(await options.locator('#import-status').textContent(), /Imported hand\.jsonl: the personal ledger now has 1 entries/);
  assert.equal(await personalEntries(), 1);
});

test('a malformed ledger file shows the core’s error and changes nothing', async () => {
  await options.setInputFiles('#import', { name: 'bad.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"format": "quotetrace-ledger", "version": 1, "entries": 1}\nnot json at all\n') });
  await options.waitForSelector('#import-status.error', { timeout: BADGE_TIMEOUT_MS });
  const status = await options.locator('#import-status').textContent();
  assert.match(status, /bad\.jsonl was not imported, nothing changed: .*ledger line 2/);
  assert.equal(await personalEntries(), 1);
});

test('learn as I read: a visited page’s quotes join the personal ledger, and the export contains them', async () => {
  await options.check('#learn');
  await options.waitForFunction(async () => (await chrome.storage.local.get('settings')).settings?.learn === true);
  const before = await personalEntries();
  const page = await openBadgedPage(extension.context, server.urlFor('article', '001'));
  await page.close();
  await options.bringToFront();
  await reloadOptions();
  assert.ok(await personalEntries() > before, `personal entries ${await personalEntries()} <= ${before}`);
  const [download] = await Promise.all([options.waitForEvent('download'), options.click('#export')]);
  assert.match(download.suggestedFilename(), /^quotetrace-personal-.*\.jsonl$/);
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.trim().split('\n').map((line) => JSON.parse(line));
  assert.equal(lines[0].format, 'quotetrace-ledger');
  assert.ok(lines.some((e) => e.speaker?.name === 'Colin P. Clarke' && /obsessed with Russia/.test(e.text)), text.slice(0, 600));
  assert.ok(lines.some((e) => e.text?.startsWith('The bridge will be finished')), 'the imported entry is missing from the export');
});

test('a never-run site gets no badges and sends nothing', async () => {
  await options.fill('#never-run', `${new URL(server.origin).hostname}\n`);
  await options.click('#save-never-run');
  await options.waitForSelector('#never-run-status.ok');
  const page = await extension.context.newPage();
  await page.goto(server.urlFor('article', '002'));
  const tabId = await tabIdOf(extension, page);
  await page.waitForTimeout(1500); // absence: longer than a scan of this page takes, even cold
  assert.equal(await page.locator('qt-badge, qt-overlay').count(), 0);
  // The overlay's style sheet, adopted at document_start before the list is read, is taken out again.
  assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), 0, 'our style sheet stayed on a never-run site');
  const reply = await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'getTab', tabId: id }), tabId);
  assert.deepEqual(reply, { findings: null });
  await page.close();
});

test('Clear all resets the personal ledger, the settings and the stored findings', async () => {
  await options.bringToFront();
  await options.click('#clear-all');
  await options.waitForSelector('#clear-status.ok');
  assert.equal(await personalEntries(), 0);
  assert.equal(await options.isChecked('#learn'), false);
  assert.equal(await options.inputValue('#never-run'), '');
  assert.deepEqual(await options.evaluate(async () => ({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) })), { local: {}, session: {} });
  // The site runs again.
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'));
  assert.ok(await page.locator('qt-badge').count() > 0);
  await page.close();
});

test('the extension made no network request of its own (options page included)', async () => {
  await assertNoOwnNetworkRequests(extension, server);
});

test('no error reached any console', () => {
  assertNoErrors(extension);
});
