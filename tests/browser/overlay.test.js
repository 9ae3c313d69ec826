// overlay.test.js — the overlay on live pages: no layout shift, badges at their quote's end that
// follow reflow and vanish with their text, incremental scans of new blocks, single-page
// navigation, keyboard access to the card, dark pages.
// Run alone: node --test tests/browser/overlay.test.js   (needs ./build.sh first)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './fixture-server.js';
import { launchExtension, openBadgedPage, readBadges, tabIdOf, BADGE_TIMEOUT_MS } from './launch-extension.js';
import { assertNoOwnNetworkRequests, assertNoErrors } from './run-checks.js';

const CLARKE = 'Colin P. Clarke';
const ALTERED = `qt-badge[data-verdict="altered"][data-speaker="${CLARKE}"]`;
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

/**
 * For every badge matching `selector`: its box, and the last client rect of the nearest highlighted
 * quote end (CSS.highlights is shared with the page's world). Distances in CSS pixels.
 */
function badgeGeometry(page, selector) {
  return page.evaluate((sel) => {
    const ends = [];
    for (const [name, hl] of CSS.highlights) {
      if (!name.startsWith('qt-') || name === 'qt-flash') continue;
      for (const range of hl) {
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (rects.length) ends.push(rects[rects.length - 1]);
      }
    }
    return [...document.querySelectorAll(sel)].map((host) => {
      const box = host.getBoundingClientRect();
      let best = null;
      for (const end of ends) {
        const d = Math.hypot(box.left - end.right, (box.top + box.bottom) / 2 - end.top);
        if (best === null || d < best.d) best = { d, dx: box.left - end.right, dy: (box.top + box.bottom) / 2 - end.top, lineHeight: end.height };
      }
      return { left: box.left, top: box.top, width: box.width, ...best };
    });
  }, selector);
}

const paragraphBoxes = (page) => page.$$eval('p, h1, nav, footer, aside', (els) => els.map((el) => {
  const r = el.getBoundingClientRect();
  return [r.x, r.y, r.width, r.height];
}));

test('badges shift nothing: the page lays out identically with and without the overlay', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: ALTERED, min: 2 });
  const withBadges = await paragraphBoxes(page);
  await page.evaluate(() => document.querySelector('qt-overlay').style.setProperty('display', 'none', 'important'));
  const without = await paragraphBoxes(page);
  assert.deepEqual(withBadges, without);
  assert.equal(await page.evaluate(() => document.querySelector('qt-overlay').parentElement.localName), 'html');
  assert.equal(await page.locator('article qt-badge, p qt-badge').count(), 0, 'a badge was inserted inside the text');
  await page.close();
});

test('each badge sits at its quote’s end, and follows it when the layout changes', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: ALTERED, min: 2 });
  const before = await badgeGeometry(page, ALTERED);
  assert.equal(before.length, 2);
  for (const g of before) {
    assert.ok(g.dx >= 0 && g.dx <= 6, `badge left is ${g.dx}px from its quote's end`);
    assert.ok(Math.abs(g.dy) <= g.lineHeight, `badge is ${g.dy}px off its quote's line`);
  }
  await page.evaluate(() => { document.body.style.maxWidth = '24rem'; });
  await page.waitForFunction(([sel, tops]) => {
    const hosts = [...document.querySelectorAll(sel)];
    return hosts.length === 2 && hosts.every((h, i) => h.getBoundingClientRect().top !== tops[i]);
  }, [ALTERED, before.map((g) => g.top)], { timeout: BADGE_TIMEOUT_MS });
  const after = await badgeGeometry(page, ALTERED);
  assert.notDeepEqual(after.map((g) => [g.left, g.top]), before.map((g) => [g.left, g.top]), 'badges did not move');
  for (const g of after) {
    assert.ok(g.dx >= 0 && g.dx <= 6 && Math.abs(g.dy) <= g.lineHeight, `after reflow: ${JSON.stringify(g)}`);
  }
  await page.close();
});

test('a badge vanishes when its paragraph is removed, and the popup forgets the quote', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: ALTERED, min: 2 });
  const tabId = await tabIdOf(extension, page);
  const others = await page.locator('qt-badge:not([data-verdict="altered"])').count();
  assert.ok(others > 0, 'the page needs other badges for this test');
  // In 002 both altered quotes are in the paragraph that says "fixated on Russia".
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('article p')].find((el) => el.textContent.includes('fixated on Russia'));
    p.remove();
  });
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, ALTERED, { timeout: BADGE_TIMEOUT_MS });
  assert.equal(await page.locator('qt-badge:not([data-verdict="altered"])').count(), others, 'badges of text still on the page went too');
  const highlighted = await page.evaluate(() => [...CSS.highlights.get('qt-altered')].filter((r) => !r.collapsed).map((r) => r.toString()));
  assert.ok(!highlighted.some((t) => t.includes('fixated on Russia')), `still highlighted: ${highlighted}`);
  const findings = await readFindings(tabId, (f) => !f.quotes.some((q) => q.text.includes('fixated on Russia')));
  assert.ok(!findings.quotes.some((q) => q.ledger?.verdict === 'altered'), 'the popup still lists a removed quote');
  assert.ok(findings.quotes.some((q) => q.ledger?.verdict === 'verbatim'), 'the popup lost a quote still on the page');
  await page.close();
});

/** The background's record of a tab, read from an extension page, once `ready(record)` holds. */
async function readFindings(tabId, ready = () => true) {
  const ext = await extension.context.newPage();
  await ext.goto(`chrome-extension://${extension.extensionId}/options.html`);
  try {
    const until = Date.now() + BADGE_TIMEOUT_MS;
    for (;;) {
      const reply = await ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'getTab', tabId: id }), tabId);
      if (reply?.findings && ready(reply.findings)) return reply.findings;
      if (Date.now() > until) throw new Error(`tab ${tabId} record never got ready: ${JSON.stringify(reply).slice(0, 400)}`);
      await ext.waitForTimeout(150);
    }
  } finally {
    await ext.close();
  }
}

test('content appended later is scanned alone: only the new blocks are sent', async () => {
  const page = await extension.context.newPage();
  await page.goto(server.urlFor('feed', '002'));
  const tabId = await tabIdOf(extension, page);
  const first = await readFindings(tabId, (f) => f.scans.length >= 1);
  assert.equal(first.scans.length, 1, JSON.stringify(first.scans));
  const appended = await page.evaluate(() => {
    const more = document.getElementById('more').content;
    return [...more.querySelectorAll('p')].reduce((n, p) => n + p.textContent.length + 2, 0);
  });
  await page.click('#read-more');
  const later = await readFindings(tabId, (f) => f.scans.length >= 2);
  const [, second] = later.scans;
  assert.ok(second.units > 0 && second.units <= appended, `second scan sent ${second.units} units; the new paragraphs are ${appended}`);
  assert.ok(second.units < first.scans[0].units + appended, 'the whole page was sent again');
  // The findings of both scans are kept, and the new quotes are badged.
  assert.ok(later.quotes.length > first.quotes.length, 'no quotes were added');
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, ALTERED, { timeout: BADGE_TIMEOUT_MS });
  await page.close();
});

test('a single-page navigation (pushState) shows the new article’s badges and drops the old ones', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '001'), {
    selector: `qt-badge[data-verdict="original"][data-speaker="${CLARKE}"]`,
  });
  const next = server.urlFor('article', '002');
  await page.evaluate(async (url) => {
    // What an SPA router does: fetch the next story, swap the head's metadata and the main content.
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
    for (const sel of ['script[type="application/ld+json"]', 'meta[property="og:title"]', 'meta[property="article:published_time"]', 'link[rel="canonical"]']) {
      const mine = document.head.querySelector(sel);
      const theirs = doc.head.querySelector(sel);
      if (mine && theirs) mine.replaceWith(theirs);
      else mine?.remove();
    }
    history.pushState({}, '', url);
    document.querySelector('main').replaceChildren(...doc.querySelector('main').childNodes);
  }, next);
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, ALTERED, { timeout: BADGE_TIMEOUT_MS });
  const badges = await readBadges(page);
  assert.equal(badges.filter((b) => b.speaker === CLARKE && b.verdict === 'original').length, 0, `old badges remain: ${JSON.stringify(badges)}`);
  const tabId = await tabIdOf(extension, page);
  const findings = await readFindings(tabId, (f) => f.quotes.some((q) => q.ledger?.verdict === 'altered'));
  assert.ok(!findings.quotes.some((q) => q.speaker?.name === 'Colin P. Clarke' && q.ledger?.verdict === 'original'), 'the popup still lists the old page');
  await page.close();
});

test('keyboard: Tab from the page’s last link reaches a badge, and focus opens its card', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: ALTERED, min: 2 });
  await page.focus('footer a:last-of-type');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.localName), 'qt-badge');
  await page.focus(ALTERED);
  const cards = await cardBoxes(page, await page.locator(ALTERED).first().evaluate((h) => h.dataset.quote));
  assert.equal(cards.visible, true, 'the focused badge shows no card');
  await page.evaluate(() => document.activeElement.blur());
  const hidden = await cardBoxes(page, await page.locator(ALTERED).first().evaluate((h) => h.dataset.quote));
  assert.equal(hidden.visible, false, 'the card stays open without focus or hover');
  await page.close();
});

test('keyboard: Tab reaches each badge right after its quote, in reading order, then the page again', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: ALTERED, min: 2 });
  await page.waitForFunction(() => [...document.querySelectorAll('qt-badge')].every((h) => h.style.top !== ''));
  const badgeCount = await page.locator('qt-badge').count();
  const active = () => page.evaluate(() => {
    const el = document.activeElement;
    const box = el?.getBoundingClientRect();
    return { tag: el?.localName, quote: el?.dataset?.quote ?? null, text: el?.textContent ?? '', top: box?.top + scrollY, left: box?.left };
  });
  // The article sits between the header's links and the aside's: Tab from the last header link.
  await page.focus('nav a:last-of-type');
  const visited = [];
  for (let i = 0; i < 4 * badgeCount + 4; i++) {
    await page.keyboard.press('Tab');
    const now = await active();
    if (now.tag !== 'qt-badge') break;
    // Tab from a badge may first enter the link in its card (same host), as the browser's order does.
    if (visited.at(-1)?.quote !== now.quote) visited.push(now);
  }
  const after = await active();
  assert.equal(visited.length, badgeCount, `badges reached: ${JSON.stringify(visited)} of ${badgeCount}`);
  assert.equal(new Set(visited.map((v) => v.quote)).size, badgeCount, 'a badge was reached twice');
  for (let i = 1; i < visited.length; i++) {
    const [a, b] = [visited[i - 1], visited[i]];
    const sameLine = Math.abs(b.top - a.top) < 4;
    assert.ok(sameLine ? b.left > a.left : b.top > a.top, `badge ${b.quote} comes before ${a.quote} on the page`);
  }
  assert.equal(after.tag, 'a', `after the last badge, focus went to ${JSON.stringify(after)}`);
  assert.equal(after.text, await page.locator('aside a').first().textContent(), 'after the last badge, focus is not on the first link after the article');
  // And back: Shift+Tab from that link reaches the last badge, and from the first badge the header's link.
  await page.keyboard.press('Shift+Tab');
  assert.equal((await active()).quote, visited.at(-1).quote);
  await page.focus(`qt-badge[data-quote="${visited[0].quote}"]`);
  await page.keyboard.press('Shift+Tab');
  assert.equal((await active()).text, await page.locator('nav a').last().textContent());
  await page.close();
});

test('hover: the pointer on a badge opens its card on top of the page, and leaving closes it', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: ALTERED, min: 2 });
  const badge = page.locator(ALTERED).first();
  const quoteId = await badge.evaluate((h) => h.dataset.quote);
  await badge.scrollIntoViewIfNeeded();
  await badge.hover();
  const open = await cardBoxes(page, quoteId);
  assert.equal(open.visible, true, 'the hovered badge shows no card');
  // The card is what the reader sees there: the topmost element at its centre is the badge's host
  // (a closed shadow root retargets to it), not page text or another band's badge.
  const [x, y] = open.center;
  const top = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.dataset?.quote ?? document.elementFromPoint(px, py)?.localName, [x, y]);
  assert.equal(top, quoteId, `the card is covered at (${x}, ${y}) by ${top}`);
  await page.mouse.move(5, 5);
  assert.equal((await cardBoxes(page, quoteId)).visible, false, 'the card stays open after the pointer left');
  await page.close();
});

/** Whether the card inside the (closed) shadow root of badge `quoteId` is rendered, through DevTools. */
async function cardBoxes(page, quoteId) {
  const cdp = await extension.context.newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    let card = null;
    const walk = (node) => {
      if (node.localName === 'qt-badge' && (node.attributes ?? []).join('\u0000').includes(`data-quote\u0000${quoteId}`)) {
        const find = (n) => (n.localName === 'div' && (n.attributes ?? []).includes('card') ? n : (n.children ?? []).map(find).find(Boolean));
        card = (node.shadowRoots ?? []).map(find).find(Boolean) ?? null;
      }
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    if (!card) throw new Error(`no card for badge ${quoteId}`);
    const box = await cdp.send('DOM.getBoxModel', { nodeId: card.nodeId }).catch(() => null);
    if (box === null) return { visible: false };
    const quad = box.model.border; // x1 y1 … x4 y4, CSS pixels of the viewport
    return { visible: true, center: [(quad[0] + quad[4]) / 2, (quad[1] + quad[5]) / 2] };
  } finally {
    await cdp.detach();
  }
}

test('a long page (2,105 quotes) lights only the quotes near the viewport, then those it scrolls to', async () => {
  const page = await extension.context.newPage();
  await page.goto(`${server.origin}/big`);
  const litRanges = () => page.evaluate(() => {
    const out = [];
    for (const [name, hl] of CSS.highlights) {
      if (!name.startsWith('qt-') || name === 'qt-flash') continue;
      for (const range of hl) {
        const r = range.getBoundingClientRect();
        out.push({ top: r.top, bottom: r.bottom });
      }
    }
    return { ranges: out, screen: innerHeight };
  });
  // Lit once every badge is built: seconds on this 1 MB page, more on a loaded machine.
  await page.waitForFunction(() => [...CSS.highlights].some(([name, hl]) => name.startsWith('qt-') && hl.size > 0), null, { timeout: 60_000 });
  const top = await litRanges();
  assert.ok(top.ranges.length > 0 && top.ranges.length < 2105, `lit: ${top.ranges.length}`);
  assert.ok(top.ranges.every((r) => r.bottom >= -2 * top.screen && r.top <= 3 * top.screen), 'a quote far from the viewport is lit');
  assert.ok(top.ranges.some((r) => r.top >= 0 && r.bottom <= top.screen), 'no quote in the viewport is lit');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => [...CSS.highlights].some(([name, hl]) => name.startsWith('qt-') && [...hl]
    .some((range) => { const r = range.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })), null, { timeout: BADGE_TIMEOUT_MS });
  const bottom = await litRanges();
  assert.ok(bottom.ranges.every((r) => r.bottom >= -2 * bottom.screen && r.top <= 3 * bottom.screen), 'a quote far from the viewport stayed lit');
  await page.close();
});

test('a dark page gets dark badges; a light page light ones', async () => {
  const dark = await openBadgedPage(extension.context, server.urlFor('dark', '002'), { selector: ALTERED, min: 2 });
  const darkThemes = await dark.$$eval('qt-badge', (hosts) => [...new Set(hosts.map((h) => h.dataset.theme))]);
  assert.deepEqual(darkThemes, ['dark']);
  await dark.close();
  const light = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: ALTERED, min: 2 });
  assert.deepEqual(await light.$$eval('qt-badge', (hosts) => [...new Set(hosts.map((h) => h.dataset.theme))]), ['light']);
  await light.close();
});

test('the extension made no network request of its own', async () => {
  await assertNoOwnNetworkRequests(extension, server);
});

test('no error reached any console', () => {
  assertNoErrors(extension);
});
