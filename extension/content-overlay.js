// content-overlay.js — createOverlay(document): highlights and badges for one set of findings.
// Classic content script.
//
// Non-destructive by construction: highlights are CSS Custom Highlights (no DOM change at all),
// and a badge is a new <qt-badge> sibling inserted right after the text node where the quote ends
// (or after the previous badge there). No existing text node is ever split or edited, so the
// page's own scripts, selections and offsets keep working. Trade-off: when a quote ends inside a
// long text node, its badge sits at the end of that node (often the end of the paragraph).

// Kinds that get a badge; indirect (reported) speech is listed in the popup only.
const QT_BADGED_KINDS = new Set(['direct', 'partial', 'unquoted']);
const QT_HIGHLIGHT_VERDICTS = ['original', 'verbatim', 'excerpt', 'altered', 'misattributed', 'unquoted', 'none'];

// Highlight colours: translucent so the page's own colours still show.
const QT_HIGHLIGHT_CSS = `
::highlight(qt-original){background-color:rgba(52,168,83,.16)}
::highlight(qt-verbatim){background-color:rgba(66,133,244,.16)}
::highlight(qt-excerpt){background-color:rgba(0,150,136,.16)}
::highlight(qt-altered){background-color:rgba(234,67,53,.22);text-decoration:underline wavy rgba(179,38,30,.8)}
::highlight(qt-misattributed){background-color:rgba(234,67,53,.22)}
::highlight(qt-unquoted){background-color:rgba(156,39,176,.16)}
::highlight(qt-none){background-color:rgba(251,188,4,.14)}`;

function createOverlay(doc) {
  const hosts = []; // badges we inserted, to remove on the next show/clear
  let badgeSheet = null; // created on first badge
  let pageSheetAdopted = false;

  function adoptPageSheet() {
    if (pageSheetAdopted) return;
    pageSheetAdopted = true;
    // A constructed sheet is not subject to the page's style-src, unlike an injected <style>.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(QT_HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }

  function clear() {
    for (const verdict of QT_HIGHLIGHT_VERDICTS) CSS.highlights.delete(`qt-${verdict}`);
    for (const host of hosts.splice(0)) host.remove();
  }

  /**
   * Shows `quotes` (findings with UTF-16 offsets into collected.text) on the page.
   * Returns the number of badges inserted. A finding that no longer maps onto the page is skipped.
   */
  function show(quotes, collected) {
    clear();
    adoptPageSheet();
    const rangesByVerdict = new Map();
    const lastInsertedAfter = new Map(); // end text node -> last badge placed after it (keeps order)
    let badges = 0;
    for (const quote of quotes) {
      let range;
      try {
        range = qtRangeForOffsets(collected, quote.start, quote.end);
      } catch (err) {
        console.debug('quotetrace: finding skipped:', err.message);
        continue;
      }
      if (range === null) continue; // the page changed since the scan
      const verdict = quote.ledger?.verdict ?? 'none';
      if (quote.kind !== 'indirect') {
        if (!rangesByVerdict.has(verdict)) rangesByVerdict.set(verdict, []);
        rangesByVerdict.get(verdict).push(range);
      }
      if (!QT_BADGED_KINDS.has(quote.kind) || (!quote.speaker && !quote.ledger)) continue;
      badgeSheet ??= createBadgeSheet();
      const host = createBadge(quote, badgeSheet);
      insertAfterRangeEnd(range, host, lastInsertedAfter);
      hosts.push(host);
      badges += 1;
    }
    for (const [verdict, ranges] of rangesByVerdict) {
      CSS.highlights.set(`qt-${verdict}`, new Highlight(...ranges));
    }
    return badges;
  }

  // The end container is a Text node (see qtRangeForOffsets); the badge goes right after it.
  function insertAfterRangeEnd(range, host, lastInsertedAfter) {
    const endNode = range.endContainer;
    const anchor = lastInsertedAfter.get(endNode) ?? endNode;
    anchor.parentNode.insertBefore(host, anchor.nextSibling);
    lastInsertedAfter.set(endNode, host);
  }

  /** True for nodes that belong to the overlay (our badges), so observers can ignore them. */
  function owns(node) {
    return node.nodeType === Node.ELEMENT_NODE && node.localName === 'qt-badge';
  }

  return { show, clear, owns };
}
