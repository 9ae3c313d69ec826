// screenshots.test.js — pictures for the README: a badged page, a badge's card, the popup.
// Written to tests/browser/screenshots/*.png (overwritten on every run).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './fixture-server.js';
import { launchExtension, openBadgedPage, tabIdOf } from './launch-extension.js';

const SHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');
let server;
let extension;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer();
  extension = await launchExtension();
});
after(async () => {
  await extension?.close();
  await server?.close();
});

const assertPng = (file) => assert.ok(statSync(file).size > 2000, `${file} is suspiciously small`);

test('screenshots of the badged page, a badge card and the popup', async () => {
  const page = await openBadgedPage(extension.context, server.urlFor('article', '002'), {
    selector: 'qt-badge[data-verdict="altered"]',
  });
  const badge = page.locator('qt-badge[data-verdict="altered"]').first();
  await badge.evaluate((host) => host.scrollIntoView({ block: 'center' }));
  const pageShot = path.join(SHOTS, 'badged-page.png');
  await page.screenshot({ path: pageShot });
  assertPng(pageShot);

  await badge.hover();
  const box = await badge.boundingBox();
  const cardShot = path.join(SHOTS, 'badge-card.png');
  await page.screenshot({
    path: cardShot,
    clip: { x: Math.max(0, box.x - 380), y: Math.max(0, box.y - 60), width: 720, height: 400 },
  });
  assertPng(cardShot);

  const tabId = await tabIdOf(extension, page);
  const popup = await extension.context.newPage();
  await popup.setViewportSize({ width: 444, height: 600 });
  await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('li.quote', { state: 'attached' });
  const popupShot = path.join(SHOTS, 'popup.png');
  await popup.screenshot({ path: popupShot, fullPage: true });
  assertPng(popupShot);
});
