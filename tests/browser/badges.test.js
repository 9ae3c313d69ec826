// badges.test.js — the overlay on real news pages: verdict badges, strict CSP, late content,
// markup-looking quotes, and the page's text left untouched.
// Run alone: node --test tests/browser/badges.test.js   (needs ./build.sh first)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './fixture-server.js';
import { launchExtension, openBadgedPage, readBadges, BADGE_TIMEOUT_MS, openCards } from './launch-extension.js';
import { watchPageMutations, assertPageTextUnchanged, assertNoOwnNetworkRequests, assertNoErrors, readPiercedDom } from './run-checks.js';

const CLARKE = 'Colin P. Clarke';
let server;
let extension;

before(async () => {
  server = await startFixtureServer();
  extension = await launchExtension();
  await watchPageMutations(extension.context);
});
after(async () => {
  await extension?.close();
  await server?.close();
});

const clarkeBadges = (badges, verdict) => badges.filter((b) => b.speaker === CLARKE && b.verdict === verdict);

test('001: Clarke’s two quotes are badged original, and the page text is unchanged', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '001'));
  const badges = await readBadges(page);
  assert.equal(clarkeBadges(badges, 'original').length, 2, `badges: ${JSON.stringify(badges)}`);
  await assertPageTextUnchanged(page);
  await page.close();
});

test('002: Clarke’s re-worded quotes are two altered badges naming the first appearance', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'));
  const selector = `qt-badge[data-verdict="altered"][data-speaker="${CLARKE}"]`;
  assert.equal(await page.locator(selector).count(), 2, `badges: ${JSON.stringify(await readBadges(page))}`);
  const label = await page.locator(selector).first().getAttribute('aria-label');
  assert.match(label, /The New York Times, 2024-03-22/);
  assert.equal(await page.locator(selector).first().getAttribute('tabindex'), '0', 'badge is not keyboard focusable');
  // The card (closed shadow, built on first focus) names the first appearance and the changed words.
  await openCards(page, selector);
  const { badgeTexts } = await readPiercedDom(extension.context, page);
  assert.ok(badgeTexts.some((t) => t.includes('The New York Times, 2024-03-22') && /obsessed with\s*→\s*fixated on/.test(t)),
    `badge texts: ${JSON.stringify(badgeTexts, null, 1)}`);
  await assertPageTextUnchanged(page);
  await page.close();
});

test('003: the US embassy’s words are verbatim, first seen on CNN on 2024-03-23', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '003'));
  const labels = await page.$$eval('qt-badge[data-verdict="verbatim"]', (hosts) => hosts.map((h) => h.getAttribute('aria-label')));
  assert.ok(labels.some((l) => l.includes('CNN, 2024-03-23')), `verbatim badges: ${JSON.stringify(labels)}; all: ${JSON.stringify(await readBadges(page))}`);
  await page.close();
});

test('004: Clarke’s words reused without quotation marks are badged unquoted', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '004'));
  const badges = await readBadges(page);
  assert.ok(badges.some((b) => b.verdict === 'unquoted'), `badges: ${JSON.stringify(badges)}`);
  await page.close();
});

test('000: Kugelman’s words relayed by Reuters: his badge and its card name the relay', async () => {
  const selector = 'qt-badge[data-speaker="Michael Kugelman"]';
  const page = await openBadgedPage(extension.context, server.urlFor('article', '000'), { selector });
  const labels = await page.$$eval(selector, (hosts) => hosts.map((h) => h.getAttribute('aria-label')));
  assert.ok(labels.some((l) => l.includes('via Reuters')), `labels: ${JSON.stringify(labels)}`);
  await openCards(page, selector);
  const { badgeTexts } = await readPiercedDom(extension.context, page);
  assert.ok(badgeTexts.some((t) => t.includes('Via: Reuters')), `badge texts: ${JSON.stringify(badgeTexts, null, 1)}`);
  await assertPageTextUnchanged(page);
  await page.close();
});

test('a page served with a strict CSP still gets its badges, styled', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('strict', '002'));
  const badges = await readBadges(page);
  assert.equal(clarkeBadges(badges, 'altered').length, 2, `badges: ${JSON.stringify(badges)}`);
  // The badge's shadow styles (adopted, not inline) applied: the host is a sized inline-block.
  const box = await page.locator('qt-badge').first().boundingBox();
  assert.ok(box && box.width > 20 && box.height > 8, `badge box ${JSON.stringify(box)}`);
  // The highlight registry holds our highlights.
  const names = await page.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('qt-')));
  assert.ok(names.includes('qt-altered'), `highlights: ${names}`);
  await assertPageTextUnchanged(page);
  await page.close();
});

test('an article inserted 500 ms after load gets its badges', async () => {
  const page = await extension.context.newPage();
  await page.goto(server.urlFor('late', '002'));
  await page.waitForFunction(() => document.documentElement.dataset.articleInserted === 'true');
  await page.waitForSelector(`qt-badge[data-verdict="altered"][data-speaker="${CLARKE}"]`, { state: 'attached', timeout: BADGE_TIMEOUT_MS });
  const badges = await readBadges(page);
  assert.equal(clarkeBadges(badges, 'altered').length, 2, `badges: ${JSON.stringify(badges)}`);
  await page.close();
});

test('a quote that looks like markup stays text: no img, no dialog', async () => {
  const page = await extension.context.newPage();
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs += 1; dialog.dismiss().catch(() => {}); });
  await page.goto(`${server.origin}/markup`);
  await page.waitForSelector('qt-badge[data-speaker="Jane Doe"]', { state: 'attached', timeout: BADGE_TIMEOUT_MS });
  assert.equal(await page.locator('img').count(), 0, 'an img element exists in the page');
  // Inside the closed shadow roots too (read through DevTools, which pierces them), cards open.
  await openCards(page, 'qt-badge[data-speaker="Jane Doe"]');
  const dom = await readPiercedDom(extension.context, page);
  assert.ok(!dom.tags.includes('img'), 'an img element exists in a shadow root');
  assert.ok(dom.badgeTexts.some((t) => t.includes('Jane Doe')), `badge texts: ${JSON.stringify(dom.badgeTexts)}`);
  const label = await page.locator('qt-badge[data-speaker="Jane Doe"]').getAttribute('aria-label');
  assert.match(label, /Jane Doe/);
  assert.ok(await page.locator('p', { hasText: '<img src=x onerror=alert(1)>' }).count() === 1, 'the quote is not shown as text');
  await page.waitForTimeout(300); // an onerror handler would have fired by now
  assert.equal(dialogs, 0, 'a dialog was opened');
  await assertPageTextUnchanged(page);
  await page.close();
});

test('the extension made no network request of its own', async () => {
  await assertNoOwnNetworkRequests(extension, server);
});

test('no error reached any console', () => {
  assertNoErrors(extension);
});
