// content-tab-order.js — createTabOrder(doc, overlay): Tab and Shift+Tab reach each badge right after
// its quote (reading order), not after every link of the page. Classic content script.
//
// The badge hosts live in one overlay at the end of the document (content-overlay.js), so the
// browser's own order puts them after the page's last link. This file moves focus itself, on the
// keydown of Tab, and only where the reading order differs from the browser's:
//   from a page element X: to the first badge whose quote ends after X starts and before the next
//     page tab stop after X; none -> the browser's own move;
//   from a badge (or the link in its card, which the browser's move reaches first): to the next
//     badge when its quote ends before the next page tab stop after this quote, else to that stop;
//     none -> the browser's own move.
// Shift+Tab mirrors both. Tab from the page's last stop keeps the browser's move into the overlay:
// the badges then come once more, in document order, before focus leaves the page (a page cannot
// send focus to the browser's own UI), and Tab among them is left to the browser.
// Trade-offs: page tab stops are found by selector in document order (tabindex >= 0, enabled,
// visible, not inert), so stops inside other shadow roots or iframes are not seen, and a page that
// orders itself with a positive tabindex is left alone. The key is never taken from the page: not
// when the page handled it (defaultPrevented, so the listener is on window in the bubble phase),
// nor inside a modal dialog.

const QT_TAB_STOPS = [
  'a[href]', 'area[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'iframe', 'summary',
  '[tabindex]', '[contenteditable]:not([contenteditable="false"])', 'audio[controls]', 'video[controls]',
].join(',');

function createTabOrder(doc, overlay) {
  let endPass = false; // Tab left the page's last stop: the badges are visited in the browser's order
  let moving = false; // focus is being moved by us

  function onKeyDown(event) {
    try {
      moveFocus(event);
    } catch (err) {
      console.debug('quotetrace: keyboard order:', err); // the browser's own move then happens
    }
  }

  function moveFocus(event) {
    if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const active = doc.activeElement;
    const back = event.shiftKey;
    const onBadge = active !== null && overlay.owns(active);
    if (onBadge && endPass) return;
    if (onBadge) {
      // The card's link comes right after its badge: Tab into it and Shift+Tab out of it are the browser's.
      const inner = qtBadgeInnerFocus(active);
      if ((!back && inner === 'host') || (back && inner === 'link')) return;
    }
    if (!onBadge && active?.closest?.('dialog[open], [aria-modal="true"]')) return;
    const badges = overlay.badgesInOrder();
    if (badges.length === 0) return;
    const stops = qtPageTabStops(doc);
    if (stops === null) return; // positive tabindex: the page orders itself
    const target = onBadge ? fromBadge(active, back, stops, badges) : fromPage(active, back, stops, badges);
    if (target === null) {
      // The browser's own move: from the last stop forward, into the overlay's badges.
      if (!onBadge && !back && active !== null && qtNextStop(stops, active) === null) endPass = true;
      return;
    }
    event.preventDefault();
    moving = true;
    try { target.focus(); } finally { moving = false; }
  }

  function onFocusIn(event) {
    if (!moving && !overlay.owns(event.target)) endPass = false;
  }

  // From a page element (or nothing focused: the document's start, or end going back).
  function fromPage(element, back, stops, badges) {
    const from = element === null || element === doc.body || element === doc.documentElement ? null : element;
    if (!back) {
      const next = from === null ? (stops[0] ?? null) : qtNextStop(stops, from);
      return badges.find((b) => (from === null || qtPointBefore(b.range, from)) && (next === null || qtPointAfter(b.range, next)))?.host ?? null;
    }
    const previous = from === null ? (stops[stops.length - 1] ?? null) : qtPreviousStop(stops, from);
    return badges.findLast((b) => (from === null || qtPointAfter(b.range, from)) && (previous === null || qtPointBefore(b.range, previous)))?.host ?? null;
  }

  function fromBadge(host, back, stops, badges) {
    const index = badges.findIndex((b) => b.host === host);
    if (index < 0) return null;
    const { range } = badges[index];
    if (!back) {
      const next = stops.find((stop) => qtPointAfter(range, stop)) ?? null;
      const following = badges[index + 1];
      if (following && (next === null || qtPointAfter(following.range, next))) return following.host;
      return next;
    }
    const previous = stops.findLast((stop) => qtPointBefore(range, stop)) ?? null;
    const preceding = badges[index - 1];
    if (preceding && (previous === null || qtPointBefore(preceding.range, previous))) return preceding.host;
    return previous;
  }

  window.addEventListener('keydown', onKeyDown);
  doc.addEventListener('focusin', onFocusIn, true);
  return {
    disconnect() {
      window.removeEventListener('keydown', onKeyDown);
      doc.removeEventListener('focusin', onFocusIn, true);
    },
  };
}

/** The page's own tab stops in document order, or null when the page uses a positive tabindex. */
function qtPageTabStops(doc) {
  const stops = [];
  for (const el of doc.querySelectorAll(QT_TAB_STOPS)) {
    if (el.tabIndex > 0) return null;
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert], qt-overlay')) continue;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) continue;
    stops.push(el);
  }
  return stops;
}

// The first stop after `element` in document order (its descendants count as after it), or null.
function qtNextStop(stops, element) {
  return stops.find((stop) => stop !== element && (element.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_FOLLOWING)) ?? null;
}

// The last stop before `element` in document order (its ancestors count as before it), or null.
function qtPreviousStop(stops, element) {
  return stops.findLast((stop) => stop !== element && (element.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_PRECEDING)) ?? null;
}

// Whether `node` starts after the quote `range` ends (a node elsewhere, e.g. in a shadow root: false).
function qtPointAfter(range, node) {
  try { return range.comparePoint(node, 0) > 0; } catch { return false; }
}

// Whether `node` starts before the quote `range` ends (inside the quote counts as before its end).
function qtPointBefore(range, node) {
  try { return range.comparePoint(node, 0) <= 0; } catch { return false; }
}
