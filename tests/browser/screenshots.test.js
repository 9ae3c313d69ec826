// screenshots.test.js — pictures for the README: the badged page, an altered quote's card with its
// diff, the popup, the options page and a dark page. Always written to tests/browser/screenshots/
// (gitignored, overwritten on every run); copied to docs/img/ (committed, shown by the README) only
// with QT_UPDATE_PICTURES=1, so an ordinary test run leaves the git tree clean:
//
//   QT_UPDATE_PICTURES=1 node --test tests/browser/screenshots.test.js

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, statSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFixtureServer, PROJECT_ROOT } from './fixture-server.js';
import { launchExtension, openBadgedPage, tabIdOf } from './launch-extension.js';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
const DOCS_IMG = path.join(PROJECT_ROOT, 'docs', 'img');
const UPDATE_PICTURES = process.env.QT_UPDATE_PICTURES === '1';
let server;
let extension;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  if (UPDATE_PICTURES) mkdirSync(DOCS_IMG, { recursive: true });
  server = await startFixtureServer();
  extension = await launchExtension();
});
after(async () => {
  await extension?.close();
  await server?.close();
});

/** Saves one screenshot (and with QT_UPDATE_PICTURES=1 copies it to docs/img/); asserts it is a real picture. */
async function shoot(target, name, options = {}) {
  const file = path.join(SHOTS, name);
  await target.screenshot({ path: file, ...options });
  assert.ok(statSync(file).size > 2000, `${file} is suspiciously small`);
  if (UPDATE_PICTURES) copyFileSync(file, path.join(DOCS_IMG, name));
}

const ALTERED = 'qt-badge[data-verdict="altered"]';

test('screenshots of the badged page, a badge card, the popup, the options page and a dark page', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), { selector: ALTERED });
  const badge = page.locator(ALTERED).first();
  await badge.evaluate((host) => host.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(100); // the badge follows the scroll on the next frame
  await shoot(page, 'badges.png');

  await badge.hover();
  const box = await badge.boundingBox();
  await shoot(page, 'card-altered.png', {
    clip: { x: Math.max(0, box.x - 420), y: Math.max(0, box.y - 120), width: 760, height: 460 },
  });

  const tabId = await tabIdOf(extension, page);
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 444, height: 600 });
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('li.quote', { state: 'attached' });
  await shoot(popup, 'popup.png', { fullPage: true });

  const options = await extension.context.newPage();
  await options.setViewportSize({ width: 820, height: 700 });
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.waitForSelector('#personal[data-entries]');
  await shoot(options, 'options.png', { fullPage: true });

  const dark = await openBadgedPage(extension.context, server.urlFor('dark', '002'), { selector: ALTERED });
  await dark.emulateMedia({ colorScheme: 'dark' });
  const darkBadge = dark.locator(ALTERED).first();
  await darkBadge.evaluate((host) => host.scrollIntoView({ block: 'center' }));
  await dark.waitForTimeout(100);
  await darkBadge.hover();
  await shoot(dark, 'dark-page.png');
});
