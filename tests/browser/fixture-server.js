// fixture-server.js — startFixtureServer(): a localhost HTTP server (port 0) for the test pages.
//
//   /article/<id>   the corpus article <id> as a news page
//   /strict/<id>    the same page with Content-Security-Policy: script-src 'self'; style-src 'self'
//   /late/<id>      the article inserted by script 500 ms after load
//   /markup         a page whose quote looks like an <img> tag
//   /dark/<id>      the article on a dark page (light text on a near-black background)
//   /feed/<id>      the first half of the article; "Read more" appends the rest
//   /big            a 1 MB article of corpus paragraphs (benchmark)
//   /site.css, /dark.css, /late.js, /feed.js, /favicon.ico
//
// The corpus is read from QT_SHARED/corpus/moscow-2024 (default: ../shared next to the project).

import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  readCorpus, renderArticlePage, renderLatePage, renderMarkupPage, renderFeedPage, renderBigPage,
  LATE_SCRIPT, SITE_CSS, DARK_CSS, FEED_SCRIPT,
} from './fixture-pages.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = path.join(process.env.QT_SHARED ?? path.resolve(PROJECT_ROOT, '..', 'shared'), 'corpus', 'moscow-2024');

const STRICT_CSP = "script-src 'self'; style-src 'self'";

/** Starts the server (port 0: any free port); resolves to {origin, articles, urlFor(kind, prefix), close()}. */
export async function startFixtureServer({ port = 0 } = {}) {
  const articles = readCorpus(CORPUS_DIR);
  const byId = new Map(articles.map((a) => [a.id, a]));

  const server = http.createServer((req, res) => {
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url, origin);
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    const [, kind, id] = url.pathname.split('/');
    const article = byId.get(id);
    const canonical = `${origin}/article/${id}`;
    if (kind === 'article' && article) return send(200, 'text/html; charset=utf-8', renderArticlePage(article, canonical));
    if (kind === 'strict' && article) {
      return send(200, 'text/html; charset=utf-8', renderArticlePage(article, canonical), { 'content-security-policy': STRICT_CSP });
    }
    if (kind === 'late' && article) return send(200, 'text/html; charset=utf-8', renderLatePage(article, canonical));
    if (kind === 'dark' && article) return send(200, 'text/html; charset=utf-8', renderArticlePage(article, canonical, { extraCss: '/dark.css' }));
    if (kind === 'feed' && article) return send(200, 'text/html; charset=utf-8', renderFeedPage(article, canonical));
    if (url.pathname === '/big') return send(200, 'text/html; charset=utf-8', renderBigPage(articles, `${origin}/big`));
    if (url.pathname === '/dark.css') return send(200, 'text/css', DARK_CSS);
    if (url.pathname === '/feed.js') return send(200, 'text/javascript', FEED_SCRIPT);
    if (url.pathname === '/markup') return send(200, 'text/html; charset=utf-8', renderMarkupPage(`${origin}/markup`));
    if (url.pathname === '/site.css') return send(200, 'text/css', SITE_CSS);
    if (url.pathname === '/late.js') return send(200, 'text/javascript', LATE_SCRIPT);
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    return send(404, 'text/plain', 'not found');
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    articles,
    /** URL of the `kind` page (article|strict|late|dark|feed) for the article whose file starts with `prefix` ("002"). */
    urlFor(kind, prefix) {
      const article = articles.find((a) => a.file.startsWith(`${prefix}_`));
      if (!article) throw new Error(`no corpus article starts with ${prefix}_ in ${CORPUS_DIR}`);
      return `${origin}/${kind}/${article.id}`;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
