// content-overlay.js — createOverlay(document): highlights and badges for the findings of a page,
// added chunk by chunk (one chunk = the blocks of one scan message). Classic content script.
//
// Non-destructive and shift-free by construction:
//   - highlights are CSS Custom Highlights (no DOM change at all), one Highlight per verdict;
//   - badges are <qt-badge> hosts inside one <qt-overlay> container appended to <html>, both
//     position:absolute, so no page element moves. Each badge is placed at the last client rect
//     of its quote's Range (its end), half above the line like a footnote mark.
// Trade-offs: a badge covers the top of the words right after the quote (the page text cannot
// make room without a layout shift); in the DOM a badge sits after every page element (the
// overlay is at the end of the document), so content-tab-order.js puts it after its quote in the
// keyboard's order instead; a quote clipped by a scroll container keeps its badge
// at the quote's position (clipping is not replicated).
// Badges follow the text: reposition() (scheduled after resize, reflow, fonts, scroll containers,
// mutations) marks every badge for placement; a quote whose text nodes left the document loses its
// badge and highlight, and is reported through onDropped(ids).
//
// Cost on a long page (2,000 badges): a new host costs ~40 µs of the browser's style and layout,
// and a host whose inline style holds `all: initial` is restyled in full on every move (~30 µs).
// So placement runs in animation-frame slices: each frame reads the Range rects first (layout is
// clean at the start of a frame), then builds at most QT_NEW_BADGES_PER_FRAME hosts and writes
// positions, never past QT_PLACE_SLICE_MS of script; badges nearest the viewport go first. Hosts
// are protected from page CSS by one document-level rule (adopted sheet), not per-host inline
// `all: initial`, and a badge's card is built on its first hover or focus (content-badge.js).
// Every host is position:absolute, a paint layer of its own, and the browser's per-frame rendering
// work (compositing inputs, paint) grew with the hosts on the page: so hosts sit in <qt-band>
// elements, one per QT_BAND_PX of height, with content-visibility:auto, and the bands off screen
// are skipped (still in the DOM: data-verdict, focus and the accessibility tree are unchanged). A
// band's containment would clip a badge's card and keep it under the next band: a hovered or
// focused badge's band turns content-visibility:visible (the document rule with :has()).

// Kinds that get a badge; indirect (reported) speech is listed in the popup only.
const QT_BADGED_KINDS = new Set(['direct', 'partial', 'unquoted']);
const QT_BADGE_GAP_PX = 2; // between the quote's last character and its badge
const QT_BADGE_RAISE = 0.55; // fraction of the badge's height that sits above the line's top
const QT_PLACE_SLICE_MS = 6; // script per frame for placement; the frame's style/layout comes on top
const QT_NEW_BADGES_PER_FRAME = 50; // per frame at most: ~4 ms to build (createElement, attachShadow) + ~3-5 ms of the browser's style for them; fewer when the slice runs out
const QT_BADGE_HEIGHT_PX = 16; // the .mark's 14px line + 2 × 1px border (content-badge.js)
const QT_BADGE_MAX_WIDTH_PX = 172; // the .mark's max-width 16em (10px font) + padding + border
const QT_FLASH_MS = 1600; // how long a revealed quote stays flashed
// Highlighted quotes (see lightSome): up to this many are all lit (the 2,105 of the 1 MB test page
// are not); on a longer page, those within QT_LIGHT_SCREENS screens above and below the viewport.
const QT_LIGHT_ALL_MAX = 300;
const QT_LIGHT_SCREENS = 2;
// Badges are grouped by their top into bands of this height (<qt-band>, content-visibility: auto),
// so the browser skips style, layout and paint of the bands off screen: with every badge host its
// own paint layer, a frame's rendering grew with the number of hosts on the page, not on screen.
const QT_BAND_PX = 1024;
const QT_BAND_OVERLAP_PX = 24; // a band's box reaches this far into the next: a badge is never clipped (paint containment)

// Highlight colours: translucent so the page's own colours still show, on light and dark pages.
// The last rule shields badge hosts from page rules (`* {margin: …}`): specificity (0,0,2) and
// !important beat a page's universal or type selectors; inline left/top/display (element-attached,
// !important) still win over it.
const QT_DOCUMENT_CSS = `
::highlight(qt-original){background-color:rgba(52,168,83,.2)}
::highlight(qt-verbatim){background-color:rgba(66,133,244,.2)}
::highlight(qt-excerpt){background-color:rgba(0,150,136,.2)}
::highlight(qt-altered){background-color:rgba(234,67,53,.25);text-decoration:underline wavy rgba(234,67,53,.9)}
::highlight(qt-misattributed){background-color:rgba(234,67,53,.25)}
::highlight(qt-unquoted){background-color:rgba(156,39,176,.22)}
::highlight(qt-none){background-color:rgba(251,188,4,.18)}
::highlight(qt-flash){background-color:rgba(26,115,232,.45)}
qt-overlay>qt-band{all:initial!important;display:block!important;position:absolute!important;left:0!important;pointer-events:none!important;content-visibility:auto!important}
qt-overlay>qt-band:has(>qt-badge:hover,>qt-badge:focus-within){content-visibility:visible!important}
qt-band>qt-badge{all:initial!important;display:inline-block!important;position:absolute!important;pointer-events:auto!important}`;

let qtDocumentSheet = null; // the one constructed sheet of QT_DOCUMENT_CSS

/**
 * Adopts the overlay's document sheet (highlight colours, band and host rules) into `doc`, once.
 * content.js calls it at document_start, when the document is still empty: its rules match only our
 * own elements and highlight names, so the page renders the same, and the browser's first style pass
 * includes them. Adopted later, on a parsed page, the sheet restyled the whole document in one task
 * (its ::highlight() rules invalidate every element: 47-112 ms of style on the 1 MB page, loaded
 * machine). A constructed sheet is not subject to the page's style-src, unlike an injected <style>.
 */
function qtAdoptDocumentSheet(doc) {
  if (qtDocumentSheet === null) {
    qtDocumentSheet = new CSSStyleSheet();
    qtDocumentSheet.replaceSync(QT_DOCUMENT_CSS);
  }
  if (!doc.adoptedStyleSheets.includes(qtDocumentSheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, qtDocumentSheet];
}

/** Takes the document sheet back out (a site the reader switched the extension off for). */
function qtDropDocumentSheet(doc) {
  if (qtDocumentSheet !== null) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => sheet !== qtDocumentSheet);
}

function createOverlay(doc, { onDropped = () => {} } = {}) {
  const entries = new Map(); // id "chunk:index" -> {id, quote, range, host, badged, verdict, nodes: [start, end], width,
  //                            placed: "left top flip" as last written, null while hidden or not built}
  const highlights = new Map(); // verdict -> Highlight (registered once)
  const pending = new Set(); // badged entries to (re)place, in the order they were added (≈ document order)
  const lit = new Set(); // entries whose range is in its verdict's Highlight (see lightSome)
  let lightWanted = false; // the lit set is to be brought up to date in the next frame
  let inDocumentOrder = null; // highlightable entries by where their quote starts, or null when entries changed
  let container = null;
  const bands = new Map(); // band index (floor(top / QT_BAND_PX)) -> <qt-band>
  let bandWidth = 0; // px: the width every band gets, so no badge is clipped at the right
  let badgeSheet = null;
  let theme = null;
  let frame = 0;
  let pruneWanted = false;
  let ordered = null; // badged entries sorted by their quote's end, or null when entries changed

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
    qtAdoptDocumentSheet(doc); // normally done at document_start already (content.js)
    return container;
  }

  /**
   * Reads the page's theme, then adds the container. Called once the page text is read and before
   * the findings come: the theme read is cheap while styles are clean.
   */
  function prepare() {
    theme ??= qtPageTheme(doc);
    ensureContainer();
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
   * quotes[0] in the chunk's reply (a reply may be shown in slices). Highlights appear at once;
   * badges are queued for the next frames. Returns the number of badges queued. A finding that no
   * longer maps onto the page is skipped.
   */
  function addChunk(chunk, quotes, collected, first = 0) {
    ensureContainer();
    theme ??= qtPageTheme(doc);
    let queued = 0;
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
      const badged = QT_BADGED_KINDS.has(quote.kind) && Boolean(quote.speaker || quote.ledger);
      const entry = { id, quote, range, host: null, badged, verdict, nodes: [range.startContainer, range.endContainer], width: null, placed: null };
      entries.set(id, entry);
      if (quote.kind !== 'indirect') { lightWanted = true; inDocumentOrder = null; }
      if (badged) { pending.add(entry); queued += 1; ordered = null; }
    });
    if (queued > 0 || lightWanted) schedule();
    return queued;
  }

  function removeEntry(entry) {
    highlights.get(entry.verdict)?.delete(entry.range);
    highlights.get('flash')?.delete(entry.range);
    entry.host?.remove();
    entries.delete(entry.id);
    pending.delete(entry);
    lit.delete(entry);
    ordered = null;
    inDocumentOrder = null;
  }

  function clear() {
    for (const entry of [...entries.values()]) removeEntry(entry);
    for (const hl of highlights.values()) hl.clear();
    pending.clear();
    lit.clear();
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

  /** Places every badge at its quote's end, from the next frame on; repeated calls coalesce. */
  function reposition() {
    pruneWanted = true;
    lightWanted = true;
    for (const entry of entries.values()) if (entry.badged) pending.add(entry);
    schedule();
  }

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      try {
        if (pruneWanted) {
          pruneWanted = false;
          const dropped = prune();
          if (dropped.length > 0) onDropped(dropped);
        }
        placeSome(performance.now() + QT_PLACE_SLICE_MS);
        // Every badge built: the highlights. (Not "every badge placed": a page that changes its DOM
        // all the time keeps existing badges pending for their new positions.)
        if (lightWanted && ![...pending].some((entry) => entry.host === null)) {
          lightWanted = false;
          lightSome();
        }
      } catch (err) {
        pending.clear();
        console.debug('quotetrace: placing badges failed:', err);
      }
      if (pending.size > 0) schedule();
    });
  }

  // One frame's slice: reads (Range rects, widths of rendered hosts) for the badges nearest the
  // viewport, then writes (new hosts, positions). Called at the start of a frame, when the page's
  // layout is clean, so the reads cost no forced layout.
  function placeSome(deadline) {
    if (!container?.isConnected) { pending.clear(); return; }
    if (pending.size === 0) return; // nothing to place: no reads (a read may force a layout)
    const list = [...pending];
    const pivot = qtFirstBelowViewportTop(list);
    const origin = container.getBoundingClientRect();
    const maxLeft = doc.documentElement.scrollWidth - (origin.left + window.scrollX); // in container units
    const viewportWidth = doc.documentElement.clientWidth;
    const batch = [];
    let fresh = 0;
    const readUntil = deadline - QT_PLACE_SLICE_MS / 2; // half the slice for reads, the rest for building hosts
    // Reads first: from the first badge in view downwards, then upwards from it.
    for (let k = 0; k < list.length; k++) {
      const entry = list[k < list.length - pivot ? pivot + k : list.length - 1 - k];
      if (entry.host === null && fresh >= QT_NEW_BADGES_PER_FRAME) continue;
      if (batch.length > 0 && performance.now() >= readUntil) break;
      if (entry.host === null) fresh += 1;
      batch.push({ entry, place: measure(entry, origin, maxLeft, viewportWidth) });
    }
    // ... then writes.
    const width = Math.ceil(Math.max(maxLeft, viewportWidth)) + QT_BADGE_MAX_WIDTH_PX;
    if (width > bandWidth) {
      bandWidth = width;
      for (const band of bands.values()) band.style.setProperty('width', `${bandWidth}px`, 'important');
    }
    const added = new Map(); // band -> DocumentFragment of its new hosts
    let built = 0;
    for (const { entry, place } of batch) {
      // Building a host is most of a frame's script, and each new host adds to the frame's style
      // work: past the slice, hosts wait for the next frame (a loaded machine builds fewer per frame).
      if (entry.host === null && place !== null && built > 0 && performance.now() >= deadline) continue;
      pending.delete(entry);
      if (place === null) {
        if (entry.host !== null && entry.placed !== null) entry.host.style.setProperty('display', 'none', 'important');
        entry.placed = null;
        continue;
      }
      if (entry.host === null) {
        built += 1;
        badgeSheet ??= createBadgeSheet();
        entry.host = createBadge(entry.quote, badgeSheet, theme);
        entry.host.dataset.quote = entry.id;
      }
      // A write restyles the host even when the value is the same: skip badges that did not move.
      const key = `${place.left.toFixed(1)} ${place.top.toFixed(1)} ${place.flip}`;
      if (entry.placed !== key) {
        const index = Math.floor(place.top / QT_BAND_PX);
        const band = bandAt(index);
        if (entry.host.parentNode !== band) {
          if (entry.host.parentNode === null) {
            if (!added.has(band)) added.set(band, doc.createDocumentFragment());
            added.get(band).append(entry.host);
          } else {
            band.append(entry.host); // moved to another band (a reflow)
          }
        }
        const style = entry.host.style;
        if (entry.placed === null) style.removeProperty('display');
        style.setProperty('left', `${place.left.toFixed(1)}px`, 'important');
        style.setProperty('top', `${(place.top - index * QT_BAND_PX).toFixed(1)}px`, 'important');
        entry.host.toggleAttribute('data-flip', place.flip);
        entry.placed = key;
      }
      if (place.estimated) pending.add(entry); // placed again once its real width is known
    }
    for (const [band, fragment] of added) band.append(fragment);
  }

  // Puts the quotes' ranges in their verdict's Highlight, once every badge is built (schedule):
  // the browser rebuilds the markers of every highlighted range, and repaints their text, whenever
  // the DOM or any style changed (HighlightRegistry::ValidateHighlightMarkers), so what each frame
  // costs grows with the ranges lit. 2,000 ranges lit up front made each of the ~40 frames that add
  // hosts pay 25-35 ms of PrePaint for all of them; the quotes near the viewport lit with their
  // badges still cost 20-50 ms of Paint per frame, and all 2,000 lit at once one frame of 100-156 ms
  // (loaded machine). So a page with up to QT_LIGHT_ALL_MAX quotes (nearly every article) gets all
  // of them lit in the frame that builds its last badge; a longer one only the quotes within
  // QT_LIGHT_SCREENS screens of the viewport, brought up to date as the reader scrolls.
  function lightSome() {
    inDocumentOrder ??= [...entries.values()].filter((e) => e.quote.kind !== 'indirect')
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    const all = inDocumentOrder;
    let wanted = all;
    if (all.length > QT_LIGHT_ALL_MAX) {
      const screen = window.innerHeight;
      wanted = [];
      for (let i = qtFirstBelow(all, -QT_LIGHT_SCREENS * screen); i < all.length; i++) {
        if (all[i].range.getBoundingClientRect().top > (1 + QT_LIGHT_SCREENS) * screen) break;
        wanted.push(all[i]);
      }
      const keep = new Set(wanted);
      for (const entry of [...lit]) {
        if (keep.has(entry)) continue;
        highlights.get(entry.verdict)?.delete(entry.range);
        lit.delete(entry);
      }
    }
    for (const entry of wanted) {
      if (lit.has(entry)) continue;
      highlightFor(entry.verdict).add(entry.range);
      lit.add(entry);
    }
  }

  // The window's own scroll moves no badge (they are in document coordinates), but on a long page
  // it changes which quotes are lit.
  const onScroll = () => {
    if ((inDocumentOrder?.length ?? entries.size) <= QT_LIGHT_ALL_MAX) return;
    lightWanted = true;
    schedule();
  };
  window.addEventListener('scroll', onScroll, { passive: true });

  function bandAt(index) {
    let band = bands.get(index);
    if (band?.isConnected) return band;
    band = doc.createElement('qt-band');
    band.style.setProperty('top', `${index * QT_BAND_PX}px`, 'important');
    band.style.setProperty('width', `${bandWidth}px`, 'important');
    band.style.setProperty('height', `${QT_BAND_PX + QT_BAND_OVERLAP_PX}px`, 'important');
    bands.set(index, band);
    container.append(band);
    return band;
  }

  // Where the badge of `entry` goes (container coordinates), or null when its quote has no box.
  function measure(entry, origin, maxLeft, viewportWidth) {
    const rects = entry.range.getClientRects();
    let last = null;
    for (let r = rects.length - 1; r >= 0; r--) if (rects[r].width > 0 || rects[r].height > 0) { last = rects[r]; break; }
    if (last === null) return null;
    const wanted = last.right - origin.left + QT_BADGE_GAP_PX;
    // A badge near the right edge is pulled left by its width; a host not rendered yet has no width
    // to read (reading it would force a layout), so its widest possible width stands in for a frame.
    let width = entry.width;
    let estimated = false;
    if (width === null && wanted + QT_BADGE_MAX_WIDTH_PX >= maxLeft - 1) {
      if (entry.host?.isConnected) width = entry.width = entry.host.offsetWidth;
      else { width = QT_BADGE_MAX_WIDTH_PX; estimated = true; }
    }
    const left = Math.max(0, Math.min(wanted, maxLeft - (width ?? 0) - 1));
    const top = last.top - origin.top - QT_BADGE_HEIGHT_PX * QT_BADGE_RAISE;
    return { left, top, flip: last.right > viewportWidth / 2, estimated };
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

  /**
   * The badges shown, in reading order (by where their quote ends): [{host, range}]. For the keyboard
   * order (content-tab-order.js); the sort (~1 µs a comparison) is kept until findings change.
   */
  function badgesInOrder() {
    ordered ??= [...entries.values()].filter((e) => e.badged)
      .sort((a, b) => a.range.compareBoundaryPoints(Range.END_TO_END, b.range));
    return ordered.filter((e) => e.host?.isConnected && e.placed !== null).map((e) => ({ host: e.host, range: e.range }));
  }

  /** True for nodes that belong to the overlay (container and badges), so observers ignore them. */
  function owns(node) {
    return node.nodeType === Node.ELEMENT_NODE && (node.localName === 'qt-badge' || node.localName === 'qt-band' || node.localName === 'qt-overlay');
  }

  return { prepare, addChunk, badgesInOrder, clear, prune, dropInside, reposition, reveal, owns, size: () => entries.size };
}

/**
 * Index of the first entry (in `list`, about document order) whose quote ends at or below the
 * viewport's top, by binary search over Range rects: the badges to place first. A hidden quote
 * (empty rect) counts as below; it only changes the order, never what is placed.
 */
function qtFirstBelowViewportTop(list) {
  const lo = qtFirstBelow(list, 0);
  return lo === list.length ? 0 : lo;
}

/** Index of the first entry of `list` whose quote's box ends at or below `y` (viewport px); list.length if none. */
function qtFirstBelow(list, y) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].range.getBoundingClientRect().bottom >= y) hi = mid; else lo = mid + 1;
  }
  return lo;
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
