// content-text.js — collectPageText(root): the page's readable text as one string, plus the side
// table that maps offsets in that string back to (text node, offset). Classic script (content
// scripts cannot be modules); its top-level functions are shared with the other content-*.js files.
//
// Offsets everywhere here are UTF-16 code units (JS string indices), the unit the wasm boundary
// uses, so a finding's start/end index the joined text directly.
//
// Joined text: one block per block-level element, blocks separated by "\n\n"; <br> becomes "\n"
// (two or more in a row: "\n\n", a paragraph break in br-formatted articles); runs of collapsible
// whitespace become one " ", and nothing is dropped between two runs of words, so words never run
// together and never get split. The DOM is only read, never changed.

// Subtrees that are never article text. header/footer/nav/aside: page chrome (trade-off: an
// article's own <header> with its headline is skipped too; the headline reaches the core as meta).
const QT_SKIP_TAGS = new Set([
  'nav', 'aside', 'header', 'footer', 'script', 'style', 'noscript', 'template', 'svg', 'math',
  'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'select', 'option', 'textarea', 'input',
  'button', 'head', 'qt-badge',
]);
// ARIA landmarks that mean the same as the skipped tags.
const QT_SKIP_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'search']);

/**
 * Reads the text under `root` in one go (see createTextCollector for the sliced form).
 * @returns {{text: string, segments: Array<{start: number, node: Text, nodeStart: number, length: number}>}}
 *   text.slice(s.start, s.start + s.length) === s.node.data.slice(s.nodeStart, s.nodeStart + s.length)
 *   for every segment; segments are sorted by start and never overlap. Characters of `text` outside
 *   every segment are synthesized breaks ("\n").
 */
function collectPageText(root) {
  const collector = createTextCollector(root ? [root] : []);
  collector.step(Infinity);
  return collector.result();
}

/**
 * The same walk, resumable: `step(deadline)` works until performance.now() passes `deadline`
 * (checked every QT_COLLECT_CHECK_EVERY nodes) and returns true once every root is read. Several
 * roots are read as consecutive blocks of one text (used for incremental scans of new blocks).
 * Trade-off: the DOM may change between steps; offsets are re-validated when a Range is made
 * (qtRangeForOffsets returns null for text that changed), so a torn read costs a badge, not a bug.
 */
function createTextCollector(roots) {
  const pieces = [];
  const segments = [];
  let length = 0; // UTF-16 length of pieces.join('')
  let pendingNewlines = 0; // 0, 1 or 2 newlines owed before the next word
  let pendingSpace = null; // {node, offset} of a collapsed whitespace run owed as one ' '
  // Explicit stack instead of recursion, so the walk can pause between any two nodes.
  // Frame: {child: next node to visit, pre: whitespace preserved, block: element is a block}.
  const stack = [];
  let nextRoot = 0;

  function push(str, node, nodeStart) {
    pieces.push(str);
    if (node !== null) {
      const last = segments[segments.length - 1];
      if (last && last.node === node && last.start + last.length === length && last.nodeStart + last.length === nodeStart) {
        last.length += str.length; // contiguous in the same node: extend
      } else {
        segments.push({ start: length, node, nodeStart, length: str.length });
      }
    }
    length += str.length;
  }

  function emitRun(node, from, to) {
    if (length > 0) {
      if (pendingNewlines > 0) push(pendingNewlines >= 2 ? '\n\n' : '\n', null, 0);
      else if (pendingSpace !== null) push(' ', pendingSpace.node, pendingSpace.offset);
    }
    pendingNewlines = 0;
    pendingSpace = null;
    push(node.data.slice(from, to), node, from);
  }

  function emitText(node, preserveWhitespace) {
    const data = node.data;
    if (data.length === 0) return;
    if (preserveWhitespace) {
      // <pre> and friends: keep lines, but still map every character.
      const lines = data.split('\n');
      let offset = 0;
      lines.forEach((line, i) => {
        if (i > 0) newline(1);
        if (line.length > 0) emitRun(node, offset, offset + line.length);
        offset += line.length + 1;
      });
      return;
    }
    const whitespace = /[ \t\n\r\f]+/g;
    let last = 0;
    for (let m = whitespace.exec(data); m !== null; m = whitespace.exec(data)) {
      if (m.index > last) emitRun(node, last, m.index);
      if (pendingSpace === null && pendingNewlines === 0) pendingSpace = { node, offset: m.index };
      last = m.index + m[0].length;
    }
    if (last < data.length) emitRun(node, last, data.length);
  }

  function newline(count) {
    pendingSpace = null;
    if (length > 0) pendingNewlines = Math.min(2, pendingNewlines + count);
  }

  // Enters `element` (already known not to be skipped) as a new frame.
  function enter(element, pre, block) {
    if (block) newline(2);
    stack.push({ child: element.firstChild, pre, block });
  }

  // Visits one node; false when there was nothing left to visit.
  function visitOne() {
    while (stack.length === 0) {
      if (nextRoot >= roots.length) return false;
      const root = roots[nextRoot++];
      if (!root || !root.isConnected) continue;
      if (nextRoot > 1) newline(2); // each root is its own block
      const style = root.nodeType === Node.ELEMENT_NODE ? getComputedStyle(root) : null;
      enter(root, style !== null && (style.whiteSpace.startsWith('pre') || style.whiteSpace === 'break-spaces'), false);
    }
    const frame = stack[stack.length - 1];
    const child = frame.child;
    if (child === null) {
      stack.pop();
      if (frame.block) newline(2);
      return true;
    }
    frame.child = child.nextSibling;
    if (child.nodeType === Node.TEXT_NODE) {
      emitText(child, frame.pre);
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const tag = child.localName;
      if (tag === 'br') { newline(1); return true; }
      if (qtSkipsElement(child, tag)) return true;
      const style = getComputedStyle(child);
      if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
      const block = !style.display.startsWith('inline') && style.display !== 'contents';
      const pre = style.whiteSpace.startsWith('pre') || style.whiteSpace === 'break-spaces';
      enter(child, pre, block);
    }
    return true;
  }

  let done = false;
  return {
    step(deadline) {
      let n = 0;
      while (!done) {
        if (!visitOne()) { done = true; break; }
        if (++n % QT_COLLECT_CHECK_EVERY === 0 && performance.now() >= deadline) break;
      }
      return done;
    },
    result: () => ({ text: pieces.join(''), segments }),
  };
}

// Nodes visited between two clock reads: a read costs ~0.1 µs, a node ~1-5 µs (computed style),
// but a paragraph's text node costs ~50-150 µs (whitespace split, offset records), so 64 nodes of
// prose overran an 8 ms slice by as much again on a 1 MB page; 16 keeps the overrun to ~2 ms.
const QT_COLLECT_CHECK_EVERY = 16;

function qtSkipsElement(element, tag) {
  if (QT_SKIP_TAGS.has(tag)) return true;
  if (element.hidden || element.isContentEditable) return true;
  const role = element.getAttribute('role');
  return role !== null && QT_SKIP_ROLES.has(role);
}

/**
 * The DOM Range for [start, end) of a collectPageText result, or null when the page changed
 * under it since (node gone or text different). A bad offset (not an integer in
 * 0 <= start < end <= text.length) throws: that is a bug in the caller or the core, not a page state.
 */
function qtRangeForOffsets(collected, start, end) {
  const { text, segments } = collected;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`bad UTF-16 offsets [${start}, ${end}) for a text of ${text.length}`);
  }
  const from = qtLocateStart(segments, start);
  const to = qtLocateEnd(segments, end);
  if (from === null || to === null) return null;
  for (const p of [from, to]) {
    if (!p.node.isConnected || p.offset > p.node.data.length) return null;
  }
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  if (range.collapsed) return null;
  // The page may have edited its text between collection and the reply: compare words only.
  const squash = (s) => s.replace(/\s+/g, '');
  if (squash(range.toString()) !== squash(text.slice(start, end))) return null;
  return range;
}

// Index of the last segment whose start satisfies `before(segment.start)`, or -1.
function qtLastSegment(segments, before) {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (before(segments[mid].start)) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
  }
  return found;
}

// A start offset on a synthesized break moves forward to the next real character.
function qtLocateStart(segments, offset) {
  const i = qtLastSegment(segments, (s) => s <= offset);
  if (i >= 0 && offset < segments[i].start + segments[i].length) {
    const s = segments[i];
    return { node: s.node, offset: s.nodeStart + (offset - s.start) };
  }
  const next = segments[i + 1];
  return next ? { node: next.node, offset: next.nodeStart } : null;
}

// An end offset (exclusive) on a synthesized break moves back to the end of the previous character.
function qtLocateEnd(segments, offset) {
  const i = qtLastSegment(segments, (s) => s < offset);
  if (i < 0) return null;
  const s = segments[i];
  const within = Math.min(offset - s.start, s.length);
  return { node: s.node, offset: s.nodeStart + within };
}
