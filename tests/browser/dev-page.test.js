// dev-page.test.js — the developer page scans a bundled sample with the wasm core in the page.
// Run alone: node --test tests/browser/dev-page.test.js   (needs ./build.sh first)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchExtension, BADGE_TIMEOUT_MS } from './launch-extension.js';
import { assertNoErrors } from './run-checks.js';

let extension;

before(async () => { extension = await launchExtension(); });
after(async () => { await extension?.close(); });

test('dev.html?sample=001 lists Colin P. Clarke’s quotes as original', async () => {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/dev.html?sample=001_a7fab11564c02453.txt`);
  await page.waitForSelector('#findings tr', { state: 'attached', timeout: BADGE_TIMEOUT_MS });
  const rows = await page.$$eval('#findings tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  const clarke = rows.filter((cells) => cells[3].startsWith('Colin P. Clarke'));
  assert.ok(clarke.length >= 2, `rows: ${JSON.stringify(rows, null, 1)}`);
  assert.ok(clarke.some((cells) => cells[6] === 'original'), `Clarke rows: ${JSON.stringify(clarke, null, 1)}`);
  assert.match(await page.locator('#status').textContent(), /findings in [\d.]+ ms/);
  assert.match(await page.locator('#ledger').textContent(), /entries/);
  const requests = extension.requests.filter((r) => !r.url.startsWith(`chrome-extension://${extension.extensionId}/`));
  assert.deepEqual(requests, [], 'the developer page fetched something outside the extension');
  await page.close();
});

test('no error reached any console', () => {
  assertNoErrors(extension);
});
