// launch-extension.js — launchExtension(): headless Chromium with dist/ loaded as an unpacked
// extension, exactly as DESIGN.md ("Hard facts") measured, plus a recorder of every request and
// every console error, so tests can assert privacy and a clean console.

import path from 'node:path';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { PROJECT_ROOT } from './fixture-server.js';

export const DIST = path.resolve(process.env.QT_DIST ?? path.join(PROJECT_ROOT, 'dist'));
const CHROMIUM = process.env.QT_CHROMIUM ?? '/usr/bin/chromium';
// Generous for a 2-core machine running the build at the same time; a pass is usually < 2 s.
export const BADGE_TIMEOUT_MS = 10_000;

/**
 * @returns {Promise<{context, extensionId: string, serviceWorker, requests: Array<{url, from}>,
 *   errors: string[], close(): Promise<void>}>}
 */
export async function launchExtension() {
  if (!existsSync(path.join(DIST, 'manifest.json'))) {
    throw new Error(`no extension at ${DIST}: run ./build.sh first (or set QT_DIST)`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      '--headless=new', `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, '--no-sandbox',
      '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  const requests = [];
  const errors = [];
  context.on('request', (request) => {
    requests.push({ url: request.url(), from: request.serviceWorker() ? 'service worker' : 'page' });
  });
  context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console (${message.location()?.url ?? '?'}): ${message.text()}`);
  });
  context.on('weberror', (webError) => errors.push(`uncaught: ${webError.error()?.message ?? webError}`));
  const watchPage = (page) => {
    page.on('pageerror', (err) => errors.push(`pageerror (${page.url()}): ${err.message}`));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  let [serviceWorker] = context.serviceWorkers();
  if (!serviceWorker) serviceWorker = await context.waitForEvent('serviceworker', { timeout: BADGE_TIMEOUT_MS });
  serviceWorker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`service worker console: ${message.text()}`);
  });
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, requests, errors, close: () => context.close() };
}

/** Opens `url` in a new tab and waits until the content script has put at least `min` badges. */
export async function openBadgedPage(context, url, { min = 1, selector = 'qt-badge' } = {}) {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(sel).length >= n,
    [selector, min],
    { timeout: BADGE_TIMEOUT_MS },
  );
  return page;
}

/** The badges on the page as [{verdict, speaker}], in document order. */
export function readBadges(page) {
  return page.$$eval('qt-badge', (hosts) => hosts.map((h) => ({ verdict: h.dataset.verdict, speaker: h.dataset.speaker })));
}

/**
 * Focuses, then blurs, every badge matching `selector`: a badge builds its card on first focus or
 * hover (content-badge.js), so a test reading cards through DevTools opens them first.
 */
export function openCards(page, selector = 'qt-badge') {
  return page.$$eval(selector, (hosts) => {
    for (const host of hosts) host.focus({ preventScroll: true });
    document.activeElement?.blur();
  });
}

/**
 * The browser's tab id for `page`, asked of the service worker. The extension has no "tabs"
 * permission (so tab URLs are hidden from it); the page is brought to the front and the one active
 * tab of the focused window is taken.
 */
export async function tabIdOf(extension, page) {
  await page.bringToFront();
  const ids = await extension.serviceWorker.evaluate(async () => {
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.map((t) => t.id);
  });
  if (ids.length !== 1) throw new Error(`expected one active tab, found ${ids.length}`);
  return ids[0];
}
