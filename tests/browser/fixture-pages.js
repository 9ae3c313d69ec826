// fixture-pages.js — renderArticlePage / renderLatePage / renderMarkupPage: the news pages the
// browser tests visit, generated at run time from the shared corpus (never copied into the repo).
//
// Each article page looks like a real news page: page chrome (header, nav, aside, footer with junk
// links) around an <article> with an <h1> and one <p> per line of the corpus text, and the
// metadata a news page carries (JSON-LD NewsArticle, og:site_name, canonical link).

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
// JSON inside <script>: "<" escaped so no "</script>" can close the block early.
const jsonForScript = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Reads the corpus: [{id, file, text, meta: {title, outlet, published, byline, url}}], sorted by file. */
export function readCorpus(corpusDir) {
  const records = new Map();
  for (const line of readFileSync(path.join(corpusDir, 'articles.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line);
    records.set(record.file, record);
  }
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({
      id: file.replace(/\.txt$/, ''),
      file,
      text: readFileSync(path.join(corpusDir, file), 'utf8'),
      meta: records.get(file) ?? {},
    }));
}

/** Paragraphs of a corpus text: one per non-empty line; a first line repeating the title is dropped. */
export function paragraphsOf(article) {
  const lines = article.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (article.meta.title && lines[0] === article.meta.title.trim()) lines.shift();
  return lines;
}

// Headline for corpus texts that have none (002, 004): neutral, and no quotation in it.
const FALLBACK_TITLE = 'Moscow concert hall attack';

function head({ title, canonical, meta, extraCss = null }) {
  const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle' };
  if (meta.title) ld.headline = meta.title;
  if (meta.published) ld.datePublished = meta.published;
  if (meta.outlet) ld.publisher = { '@type': 'Organization', name: meta.outlet };
  if (meta.byline) ld.author = { '@type': 'Person', name: meta.byline.replace(/^By\s+/i, '') };
  return `<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="${escapeHtml(canonical)}">
${meta.outlet ? `<meta property="og:site_name" content="${escapeHtml(meta.outlet)}">` : ''}
${meta.title ? `<meta property="og:title" content="${escapeHtml(meta.title)}">` : ''}
${meta.published ? `<meta property="article:published_time" content="${escapeHtml(meta.published)}">` : ''}
<link rel="stylesheet" href="/site.css">
${extraCss ? `<link rel="stylesheet" href="${escapeHtml(extraCss)}">` : ''}
<script type="application/ld+json">${jsonForScript(ld)}</script>
</head>`;
}

// Page chrome with link text that must never reach the core (it is skipped as nav/aside/footer).
const CHROME_TOP = `<header class="masthead"><a href="/">The Daily Fixture</a>
<nav><a href="/world">World</a> <a href="/politics">Politics</a> <a href="/business">Business</a>
<a href="/opinion">“Opinion,” said the menu</a> <a href="/live">Live</a></nav></header>`;
const CHROME_ASIDE = `<aside><h2>Most read</h2><ul><li><a href="/a">Ten things you missed</a></li>
<li><a href="/b">Markets close higher</a></li></ul></aside>`;
const CHROME_BOTTOM = `<footer><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> ·
<a href="/contact">Contact us</a> · © 2024 The Daily Fixture</footer>`;

function articleBody(article, title) {
  const paragraphs = paragraphsOf(article).map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<article>\n<h1>${escapeHtml(title)}</h1>\n${paragraphs}\n</article>`;
}

/** A static news page for one corpus article (`extraCss`: a second stylesheet, e.g. /dark.css). */
export function renderArticlePage(article, canonical, { extraCss = null } = {}) {
  const title = article.meta.title ?? FALLBACK_TITLE;
  return `<!doctype html>
<html lang="en">
${head({ title, canonical, meta: article.meta, extraCss })}
<body>
${CHROME_TOP}
<main>
${articleBody(article, title)}
</main>
${CHROME_ASIDE}
${CHROME_BOTTOM}
</body>
</html>`;
}

/** The same article, inserted by /late.js 500 ms after load (from an inert <template>). */
export function renderLatePage(article, canonical) {
  const title = article.meta.title ?? FALLBACK_TITLE;
  return `<!doctype html>
<html lang="en">
${head({ title, canonical, meta: article.meta })}
<body>
${CHROME_TOP}
<main id="app"><p class="loading">Loading…</p></main>
<template id="late-article">${articleBody(article, title)}</template>
${CHROME_BOTTOM}
<script src="/late.js"></script>
</body>
</html>`;
}

export const LATE_SCRIPT = `// Inserts the article 500 ms after load, like a client-rendered news site.
window.addEventListener('load', () => {
  setTimeout(() => {
    const app = document.getElementById('app');
    app.replaceChildren(document.getElementById('late-article').content.cloneNode(true));
    document.documentElement.dataset.articleInserted = 'true';
  }, 500);
});
`;

export const SITE_CSS = `body{font:17px/1.6 Georgia,serif;max-width:46rem;margin:0 auto;padding:0 1rem;color:#111}
.masthead{border-bottom:2px solid #111;padding:.5rem 0;font:600 14px/1.4 sans-serif}
nav a,footer a{margin-right:.6rem}
h1{font-size:2rem;line-height:1.2}
aside,footer{font:13px/1.4 sans-serif;color:#555;border-top:1px solid #ccc;margin-top:2rem;padding-top:.5rem}
/* hostile page rules a badge must survive */
span{font-size:40px!important}
* {letter-spacing:0}
`;

/** A page whose quote looks like markup: it must stay text everywhere. */
export function renderMarkupPage(canonical) {
  const meta = { title: 'Council meeting ends in dispute', outlet: 'The Daily Fixture', published: '2024-04-02' };
  const paragraphs = [
    'The city council met on Tuesday evening to discuss the new budget for the coming year.',
    '“<img src=x onerror=alert(1)>,” said Jane Doe.',
    'The meeting ended without a vote, and the council will meet again next week to try once more.',
  ];
  return `<!doctype html>
<html lang="en">
${head({ title: meta.title, canonical, meta })}
<body>
${CHROME_TOP}
<main><article><h1>${escapeHtml(meta.title)}</h1>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main>
${CHROME_BOTTOM}
</body>
</html>`;
}

export const DARK_CSS = `body{background:#121212;color:#e4e4e4}a{color:#9ecbff}.masthead{border-color:#e4e4e4}`;

/**
 * A page that shows the first half of an article and appends the rest, paragraph by paragraph,
 * when "Read more" is clicked (like an infinite-scroll or "read more" news page).
 */
export function renderFeedPage(article, canonical) {
  const title = article.meta.title ?? FALLBACK_TITLE;
  const paragraphs = paragraphsOf(article);
  const half = Math.ceil(paragraphs.length / 2);
  const p = (list) => list.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
${head({ title, canonical, meta: article.meta })}
<body>
${CHROME_TOP}
<main><article id="story"><h1>${escapeHtml(title)}</h1>
${p(paragraphs.slice(0, half))}
</article>
<template id="more">${p(paragraphs.slice(half))}</template>
<button id="read-more" type="button">Read more</button></main>
${CHROME_BOTTOM}
<script src="/feed.js"></script>
</body>
</html>`;
}

export const FEED_SCRIPT = `// "Read more": appends the rest of the story to the article.
document.getElementById('read-more').addEventListener('click', () => {
  document.getElementById('story').append(document.getElementById('more').content.cloneNode(true));
  document.documentElement.dataset.moreInserted = 'true';
});
`;

/** A 1 MB news page: the corpus paragraphs repeated inside one article (for the benchmark). */
export function renderBigPage(articles, canonical, targetBytes = 1_000_000) {
  const all = articles.flatMap((a) => paragraphsOf(a));
  const out = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const text = all[i % all.length];
    out.push(`<p>${escapeHtml(text)}</p>`);
    bytes += Buffer.byteLength(text) + 1;
  }
  const meta = { title: 'Everything about the Moscow attack', outlet: 'The Daily Fixture', published: '2024-04-10' };
  return `<!doctype html>
<html lang="en">
${head({ title: meta.title, canonical, meta })}
<body>
${CHROME_TOP}
<main><article><h1>${escapeHtml(meta.title)}</h1>
${out.join('\n')}
</article></main>
${CHROME_BOTTOM}
</body>
</html>`;
}
