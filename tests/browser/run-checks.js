// run-checks.js — assertions shared by every browser test file: the page text is untouched, the
// extension made no request of its own, and no error reached any console.

import assert from 'node:assert/strict';

/**
 * Installs, in every page's main world before any script runs, a MutationObserver that counts
 * changes to the page's own text and any node added that is not our overlay (<qt-overlay>, which
 * holds the <qt-badge> hosts).
 */
export async function watchPageMutations(context) {
  await context.addInitScript(() => {
    const counts = { characterData: 0, removedText: 0, foreignAdded: 0 };
    window.__qtMutationCounts = counts;
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') counts.characterData += 1;
        for (const n of r.removedNodes) if (n.nodeType === Node.TEXT_NODE) counts.removedText += 1;
        for (const n of r.addedNodes) if (n.localName !== 'qt-badge' && n.localName !== 'qt-band' && n.localName !== 'qt-overlay') counts.foreignAdded += 1;
      }
    });
    const start = () => observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    // Observe once the parser is done: the parser's own insertions are not mutations of the page.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  });
}

/**
 * Asserts that a static page's text nodes are exactly what its HTML source parses to, and that
 * after parsing nothing but the overlay was ever added and no text was edited or removed.
 */
export async function assertPageTextUnchanged(page) {
  const { parsed, live, counts } = await page.evaluate(async () => {
    const texts = (root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const out = [];
      while (walker.nextNode()) out.push(walker.currentNode.data);
      return out;
    };
    const source = await (await fetch(location.href, { cache: 'no-store' })).text();
    const doc = new DOMParser().parseFromString(source, 'text/html');
    return { parsed: texts(doc.body), live: texts(document.body), counts: window.__qtMutationCounts };
  });
  assert.deepEqual(live, parsed, 'the page text nodes differ from the parsed source');
  assert.deepEqual(counts, { characterData: 0, removedText: 0, foreignAdded: 0 }, 'the page DOM was changed beyond adding badges');
}

/** Asserts every request went to the fixture server or to the extension itself. */
export async function assertNoOwnNetworkRequests(extension, server) {
  const allowed = (url) => url.startsWith(`${server.origin}/`) || url.startsWith(`chrome-extension://${extension.extensionId}/`);
  const offending = extension.requests.filter((r) => !allowed(r.url));
  assert.deepEqual(offending, [], 'requests to somewhere other than the fixture server or the extension');
  // Independent of Playwright's interception: the worker's own resource timeline.
  const worker = extension.context.serviceWorkers()[0] ?? extension.serviceWorker;
  const fetched = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(fetched.filter((url) => !allowed(url)), [], 'the service worker fetched something outside the extension');
  // A positive control: the recorder must be seen capturing the worker's own requests. The worker
  // loads its engine as soon as it starts, which can be before Playwright's listener is attached,
  // so make it fetch one of its own files now and look for that request.
  const probe = `chrome-extension://${extension.extensionId}/manifest.json?probe=${Date.now()}`;
  await worker.evaluate(async (url) => { await (await fetch(url)).text(); }, probe);
  const deadline = Date.now() + 2000;
  while (!extension.requests.some((r) => r.url === probe) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.ok(extension.requests.some((r) => r.url === probe && r.from === 'service worker'), 'the recorder did not see the worker fetch its own manifest: is it recording?');
}

/** Asserts no console error, page error or uncaught worker error was recorded. */
export function assertNoErrors(extension) {
  assert.deepEqual(extension.errors, [], 'errors reached a console');
}

/**
 * The page's whole DOM including closed shadow roots (which page scripts and selectors cannot
 * reach), read through the DevTools protocol: {tags: every element name, badgeTexts: the text of
 * each <qt-badge> shadow root}.
 */
export async function readPiercedDom(context, page) {
  const cdp = await context.newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  await cdp.detach();
  const tags = [];
  const badgeTexts = [];
  const textOf = (node) => (node.nodeType === 3 ? node.nodeValue : (node.children ?? []).map(textOf).join(''));
  const walk = (node) => {
    if (node.nodeType === 1) tags.push(node.localName);
    if (node.localName === 'qt-badge') for (const shadow of node.shadowRoots ?? []) badgeTexts.push(textOf(shadow));
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) walk(child);
  };
  walk(root);
  return { tags, badgeTexts };
}
