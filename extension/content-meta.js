// content-meta.js — readPageMeta(document): what the page says about itself, for the ledger's
// "is this the first appearance?" question. Classic content script.
//
// Sources, best first: JSON-LD (NewsArticle and kin: datePublished, publisher.name, headline,
// url), Open Graph / article meta tags, link[rel=canonical], then document.title and location.
// Values are passed through as the page wrote them (dates may be full ISO datetimes); the core
// normalises. Every field is a string or null.

const QT_ARTICLE_TYPE = /(Article|BlogPosting|Report)$/; // schema.org types that describe a story

function readPageMeta(doc) {
  const ld = qtReadJsonLdArticle(doc);
  const metaContent = (selector) => doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const canonical = doc.querySelector('link[rel~="canonical"][href]')?.href || null;
  return {
    url: qtWithoutFragment(canonical || qtString(ld?.url) || metaContent('meta[property="og:url"]') || doc.location?.href || null),
    outlet: qtPublisherName(ld?.publisher) || metaContent('meta[property="og:site_name"]') || metaContent('meta[name="application-name"]'),
    published: qtString(ld?.datePublished) || metaContent('meta[property="article:published_time"]') ||
      metaContent('meta[itemprop="datePublished"]') || doc.querySelector('time[datetime]')?.getAttribute('datetime') || null,
    title: qtString(ld?.headline) || metaContent('meta[property="og:title"]') || doc.title?.trim() || null,
  };
}

// The first JSON-LD node typed as an article; malformed blocks are skipped (pages ship many).
function qtReadJsonLdArticle(doc) {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      continue;
    }
    const found = qtFindArticleNode(data, 0);
    if (found) return found;
  }
  return null;
}

// Depth-limited walk over arrays and @graph: JSON-LD nests, but never usefully past a few levels.
function qtFindArticleNode(value, depth) {
  if (depth > 4 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = qtFindArticleNode(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const types = [].concat(value['@type'] ?? []);
  if (types.some((t) => typeof t === 'string' && QT_ARTICLE_TYPE.test(t))) return value;
  return qtFindArticleNode(value['@graph'], depth + 1);
}

function qtPublisherName(publisher) {
  const first = Array.isArray(publisher) ? publisher[0] : publisher;
  if (typeof first === 'string') return qtString(first);
  return qtString(first?.name);
}

function qtString(value) {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function qtWithoutFragment(url) {
  return url ? url.replace(/#.*$/, '') : null;
}
