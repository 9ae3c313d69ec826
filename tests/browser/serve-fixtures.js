#!/usr/bin/env node
// serve-fixtures.js — serves the generated fixture pages for a manual look (Ctrl-C to stop):
//   node tests/browser/serve-fixtures.js [port]
// then load dist/ as an unpacked extension in Chromium and open the printed URLs.

import { startFixtureServer } from './fixture-server.js';

const server = await startFixtureServer({ port: Number(process.argv[2] ?? 0) });
console.log(`fixture pages at ${server.origin}`);
for (const article of server.articles) {
  for (const kind of ['article', 'strict', 'late']) console.log(`  ${server.origin}/${kind}/${article.id}`);
}
console.log(`  ${server.origin}/markup`);
