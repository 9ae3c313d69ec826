// content-overlay.js — createOverlay(document): highlights and badges for the findings of a page,
// added chunk by chunk (one chunk = the blocks of one scan message). Classic content script.
//
// Non-destructive and shift-free by construction:
//   - highlights are CSS Custom Highlights (no DOM change at all), one Highlight per verdict;
//   - badges are <qt-badge> hosts inside one <qt-overlay> container appended to <html>, both
//     position:absolute, so no page element moves. Each badge is placed at the last client rect
//     of its quote's Range (its end), half above the line like a footnote mark.
// Trade-offs: a badge covers the top of the words right after the quote (the page text cannot
// make room without a layout shift); a badge sits after every page element in tab order (the
// overlay is at the end of the document); a quote clipped by a scroll container keeps its badge
// at the quote's position (clipping is not replicated).
// Badges follow the text: reposition() (scheduled after resize, reflow, fonts, scroll containers,
// mutations) re-reads every Range in batches; a quote whose text nodes left the document loses its
// badge and highlight, and is reported through onDropped(ids).

// Kinds that get a badge; indirect (reported) speech is listed in the popup only.
const QT_BADGED_KINDS = new Set(['direct', 'partial', 'unquoted']);
const QT_BADGE_GAP_PX = 2; // between the quote's last character and its badge
const QT_BADGE_RAISE = 0.55; // fraction of the badge's height that sits above the line's top
const QT_POSITION_BATCH = 200; // Ranges read per batch: reads first, then writes (no layout thrash)
const QT_FLASH_MS = 1600; // how long a revealed quote stays flashed

// Highlight colours: translucent so the page's own colours still show, on light and dark pages.
const QT_HIGHLIGHT_CSS = `
::highlight(qt-original){background-color:rgba(52,168,83,.2)}
::highlight(qt-verbatim){background-color:rgba(66,133,244,.2)}
::highlight(qt-excerpt){background-color:rgba(0,150,136,.2)}
::highlight(qt-altered){background-color:rgba(234,67,53,.25);text-decoration:underline wavy rgba(234,67,53,.9)}
::highlight(qt-misattributed){background-color:rgba(234,67,53,.25)}
::highlight(qt-unquoted){background-color:rgba(156,39,176,.22)}
::highlight(qt-none){background-color:rgba(251,188,4,.18)}
::highlight(qt-flash){background-color:rgba(26,115,232,.45)}`;

function createOverlay(doc, { onDropped = () => {} } = {}) {
  const entries = new Map(); // id "chunk:index" -> {id, quote, range, host, nodes: [start, end]}
  const highlights = new Map(); // verdict -> Highlight (registered once)
  let container = null;
  let badgeSheet = null;
  let theme = null;
  let frame = 0;

  function ensureContainer() {
    if (container?.isConnected) return container;
    container = doc.createElement('qt-overlay');
    // Inline !important declarations beat any page rule aimed at the element (allowed under any CSP).
    for (const [prop, value] of [['all', 'initial'], ['display', 'block'], ['position', 'absolute'], ['top', '0'],
      ['left', '0'], ['width', '0'], ['height', '0'], ['overflow', 'visible'], ['z-index', '2147483646'],
      ['pointer-events', 'none'], ['contain', 'layout style']]) {
      container.style.setProperty(prop, value, 'important');
    }
    doc.documentElement.append(container);
    // A constructed sheet is not subject to the page's style-src, unlike an injected <style>.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(QT_HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return container;
  }

  function highlightFor(name) {
    let hl = highlights.get(name);
    if (!hl) {
      hl = new Highlight();
      highlights.set(name, hl);
      CSS.highlights.set(`qt-${name}`, hl);
    }
    return hl;
  }

  /**
   * Shows findings of one chunk (UTF-16 offsets into collected.text); `first` is the index of
   * quotes[0] in the chunk's reply (a reply may be shown in slices). Returns the number of badges
   * added. A finding that no longer maps onto the page is skipped.
   */
  function addChunk(chunk, quotes, collected, first = 0) {
    ensureContainer();
    theme ??= qtPageTheme(doc);
    const added = [];
    quotes.forEach((quote, index) => {
      let range;
      try {
        range = qtRangeForOffsets(collected, quote.start, quote.end);
      } catch (err) {
        console.debug('quotetrace: finding skipped:', err.message);
        return;
      }
      if (range === null) return; // the page changed since the scan
      const id = `${chunk}:${first + index}`;
      const verdict = quote.ledger?.verdict ?? 'none';
      if (quote.kind !== 'indirect') highlightFor(verdict).add(range);
      let host = null;
      if (QT_BADGED_KINDS.has(quote.kind) && (quote.speaker || quote.ledger)) {
        badgeSheet ??= createBadgeSheet();
        host = createBadge(quote, badgeSheet, theme);
        host.dataset.quote = id;
        container.append(host);
        added.push(host);
      }
      entries.set(id, { id, quote, range, host, verdict, nodes: [range.startContainer, range.endContainer] });
    });
    if (added.length > 0) reposition();
    return added.length;
  }

  function removeEntry(entry) {
    highlights.get(entry.verdict)?.delete(entry.range);
    highlights.get('flash')?.delete(entry.range);
    entry.host?.remove();
    entries.delete(entry.id);
  }

  function clear() {
    for (const entry of [...entries.values()]) removeEntry(entry);
    for (const hl of highlights.values()) hl.clear();
    theme = null;
  }

  /** Drops the findings whose text is gone from the document; returns their ids. */
  function prune() {
    const gone = [];
    for (const entry of entries.values()) {
      if (!entry.nodes[0].isConnected || !entry.nodes[1].isConnected || entry.range.collapsed) gone.push(entry);
    }
    for (const entry of gone) removeEntry(entry);
    return gone.map((e) => e.id);
  }

  /** Drops the findings whose quote ends inside `root` (its text is being rescanned). */
  function dropInside(root) {
    const inside = [...entries.values()].filter((e) => root.contains(e.nodes[1]));
    for (const entry of inside) removeEntry(entry);
    return inside.map((e) => e.id);
  }

  /** Places every badge at its quote's end on the next frame; repeated calls coalesce. */
  function reposition() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      try {
        const dropped = prune();
        if (dropped.length > 0) onDropped(dropped);
        placeAll();
      } catch (err) {
        console.debug('quotetrace: reposition failed:', err);
      }
    });
  }

  function placeAll() {
    if (!container?.isConnected) return;
    const badged = [...entries.values()].filter((e) => e.host !== null);
    for (let i = 0; i < badged.length; i += QT_POSITION_BATCH) {
      const batch = badged.slice(i, i + QT_POSITION_BATCH);
      const origin = container.getBoundingClientRect();
      const maxLeft = doc.documentElement.scrollWidth - (origin.left + window.scrollX); // in container units
      const viewportWidth = doc.documentElement.clientWidth;
      // Reads first ...
      const places = batch.map((entry) => {
        const rects = entry.range.getClientRects();
        let last = null;
        for (let r = rects.length - 1; r >= 0; r--) if (rects[r].width > 0 || rects[r].height > 0) { last = rects[r]; break; }
        if (last === null) return null;
        const width = entry.width ??= entry.host.offsetWidth;
        const height = entry.height ??= entry.host.offsetHeight;
        const left = Math.max(0, Math.min(last.right - origin.left + QT_BADGE_GAP_PX, maxLeft - width - 1));
        const top = last.top - origin.top - height * QT_BADGE_RAISE;
        return { left, top, flip: last.right > viewportWidth / 2 };
      });
      // ... then writes.
      batch.forEach((entry, k) => {
        const place = places[k];
        const style = entry.host.style;
        if (place === null) { style.setProperty('display', 'none', 'important'); return; }
        style.setProperty('display', 'inline-block', 'important');
        style.setProperty('left', `${place.left.toFixed(1)}px`, 'important');
        style.setProperty('top', `${place.top.toFixed(1)}px`, 'important');
        entry.host.toggleAttribute('data-flip', place.flip);
      });
    }
  }

  /** Scrolls the quote `id` into view and flashes it; false when it is no longer on the page. */
  function reveal(id) {
    const entry = entries.get(id);
    if (!entry || !entry.nodes[1].isConnected) return false;
    const element = entry.nodes[0].parentElement ?? entry.nodes[1].parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const flash = highlightFor('flash');
    flash.add(entry.range);
    entry.host?.setAttribute('data-flash', '');
    setTimeout(() => {
      flash.delete(entry.range);
      entry.host?.removeAttribute('data-flash');
    }, QT_FLASH_MS);
    reposition();
    return true;
  }

  /** True for nodes that belong to the overlay (container and badges), so observers ignore them. */
  function owns(node) {
    return node.nodeType === Node.ELEMENT_NODE && (node.localName === 'qt-badge' || node.localName === 'qt-overlay');
  }

  return { addChunk, clear, prune, dropInside, reposition, reveal, owns, size: () => entries.size };
}

/**
 * 'dark' or 'light': the page's own background decides (the first opaque one of body and html);
 * a page with none shows the canvas, dark only when the page opts into a dark color-scheme.
 */
function qtPageTheme(doc) {
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const rgba = getComputedStyle(element).backgroundColor.match(/[\d.]+/g)?.map(Number) ?? [];
    if (rgba.length >= 3 && (rgba.length < 4 || rgba[3] > 0.5)) {
      const luminance = (0.2126 * rgba[0] + 0.7152 * rgba[1] + 0.0722 * rgba[2]) / 255;
      return luminance < 0.45 ? 'dark' : 'light';
    }
  }
  const scheme = getComputedStyle(doc.documentElement).colorScheme;
  return scheme.includes('dark') && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
