// popup.test.js — the toolbar popup's list (opened as a page with ?tab=<id>) and the background's
// message guard.
// Run alone: node --test tests/browser/popup.test.js   (needs ./build.sh first)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './fixture-server.js';
import { launchExtension, openBadgedPage, tabIdOf, BADGE_TIMEOUT_MS } from './launch-extension.js';
import { assertNoOwnNetworkRequests, assertNoErrors } from './run-checks.js';

let server;
let extension;

before(async () => {
  server = await startFixtureServer();
  extension = await launchExtension();
});
after(async () => {
  await extension?.close();
  await server?.close();
});

/** Opens the article, then its popup; returns the popup's items as [{text, verdict, kind, group, body}]. */
async function popupItemsFor(url, onTab = async () => {}) {
  const page = await openBadgedPage(extension.context, url);
  const tabId = await tabIdOf(extension, page);
  await onTab(tabId);
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('li.quote', { state: 'attached', timeout: BADGE_TIMEOUT_MS });
  const items = await popup.$$eval('li.quote', (lis) => lis.map((li) => ({
    text: li.querySelector('.words').textContent,
    verdict: li.dataset.verdict,
    kind: li.dataset.kind,
    group: li.closest('section').querySelector('h2').textContent,
    body: li.textContent,
  })));
  await popup.close();
  await page.close();
  return items;
}

test('001 popup: Clarke’s quotes are original, first appearance The New York Times, 2024-03-22', async () => {
  const items = await popupItemsFor(server.urlFor('article', '001'));
  const clarke = items.filter((i) => i.group.startsWith('Colin P. Clarke'));
  assert.equal(clarke.length >= 2, true, `items: ${JSON.stringify(items, null, 1)}`);
  for (const item of clarke.filter((i) => i.kind !== 'indirect')) {
    assert.equal(item.verdict, 'original', item.body);
    assert.match(item.body, /The New York Times, 2024-03-22/);
  }
});

test('002 popup: the altered quotes name the first appearance and the changed words; the toolbar counts them', async () => {
  let toolbarText = null;
  const items = await popupItemsFor(server.urlFor('article', '002'), async (tabId) => {
    const worker = extension.context.serviceWorkers()[0] ?? extension.serviceWorker;
    toolbarText = await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  });
  const altered = items.filter((i) => i.verdict === 'altered');
  assert.equal(altered.length, 2, `items: ${JSON.stringify(items, null, 1)}`);
  for (const item of altered) assert.match(item.body, /The New York Times, 2024-03-22/);
  assert.ok(altered.some((i) => /obsessed with\s*→\s*fixated on/.test(i.body)), `altered: ${JSON.stringify(altered, null, 1)}`);
  // The toolbar count is the number of quotes needing attention (altered, misattributed, unquoted).
  const attention = items.filter((i) => ['altered', 'misattributed', 'unquoted'].includes(i.verdict)).length;
  assert.equal(toolbarText, String(attention));
});

test('003 popup: the US embassy quote is verbatim, first appearance CNN, 2024-03-23', async () => {
  const items = await popupItemsFor(server.urlFor('article', '003'));
  const embassy = items.find((i) => i.text.includes('monitoring reports that extremists have imminent plans'));
  assert.ok(embassy, `items: ${JSON.stringify(items, null, 1)}`);
  assert.equal(embassy.verdict, 'verbatim', embassy.body);
  assert.match(embassy.body, /CNN, 2024-03-23/);
});

test('markup popup: the quote is listed as text, no element made from it', async () => {
  const page = await openBadgedPage(extension.context, `${server.origin}/markup`);
  const tabId = await tabIdOf(extension, page);
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('li.quote', { state: 'attached' });
  assert.equal(await popup.locator('img').count(), 0);
  const words = await popup.$$eval('.words', (qs) => qs.map((q) => q.textContent));
  assert.ok(words.some((w) => w.includes('<img src=x onerror=alert(1)>')), `words: ${JSON.stringify(words)}`);
  await popup.close();
  await page.close();
});

test('background: a malformed message gets {error}, info reports the ledger', async () => {
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=0`);
  const replies = await popup.evaluate(async () => ({
    bogus: await chrome.runtime.sendMessage({ type: 'bogus' }),
    badTab: await chrome.runtime.sendMessage({ type: 'getTab', tabId: -1 }),
    badText: await chrome.runtime.sendMessage({ type: 'scan', text: 42 }),
    unknownTab: await chrome.runtime.sendMessage({ type: 'getTab', tabId: 999999 }),
    info: await chrome.runtime.sendMessage({ type: 'info' }),
  }));
  assert.match(replies.bogus.error, /unknown message type "bogus"/);
  assert.match(replies.badTab.error, /bad tabId -1/);
  assert.match(replies.badText.error, /text must be a string/);
  assert.deepEqual(replies.unknownTab, { findings: null });
  assert.ok(replies.info.info.entries > 0, JSON.stringify(replies.info));
  assert.ok(['string', 'number'].includes(typeof replies.info.info.version), JSON.stringify(replies.info));
  await popup.close();
});

test('popup: a timeline of appearances; a click scrolls the page to the quote and flashes it', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: 'qt-badge[data-verdict="altered"]' });
  const tabId = await tabIdOf(extension, page);
  await page.evaluate(() => window.scrollTo(0, 0));
  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  const item = popup.locator('li.quote[data-verdict="verbatim"]', { hasText: 'duty to warn' }).first();
  await item.waitFor({ state: 'attached', timeout: BADGE_TIMEOUT_MS });
  const stops = await item.locator('.timeline li').allTextContents();
  assert.ok(stops.length >= 3 && /2024-03-22 The New York Times/.test(stops[0]) && stops.some((s) => /CNN/.test(s)), `timeline: ${JSON.stringify(stops)}`);
  const words = await item.locator('.words').textContent();
  await item.click();
  await page.waitForFunction(() => CSS.highlights.get('qt-flash')?.size > 0, null, { timeout: BADGE_TIMEOUT_MS });
  const shown = await page.evaluate((text) => {
    const [range] = CSS.highlights.get('qt-flash');
    const r = range.getBoundingClientRect();
    return { text: range.toString(), inView: r.top >= 0 && r.bottom <= innerHeight, scrolled: scrollY > 0 };
  }, words);
  assert.equal(shown.text, words);
  assert.deepEqual([shown.inView, shown.scrolled], [true, true], JSON.stringify(shown));
  await popup.close();
  await page.close();
});

test('the extension made no network request of its own', async () => {
  await assertNoOwnNetworkRequests(extension, server);
});

test('no error reached any console', () => {
  assertNoErrors(extension);
});
