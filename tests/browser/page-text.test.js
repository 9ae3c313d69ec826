// page-text.test.js — collectPageText and qtRangeForOffsets (extension/content-text.js) in a real
// browser, since Ranges and computed styles cannot be faked. Needs no wasm: the script is loaded
// into a blank page's main world. Cases are one line each: [name, body HTML, expected text].

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PROJECT_ROOT } from './fixture-server.js';

const SCRIPT = path.join(PROJECT_ROOT, 'extension', 'content-text.js');
let browser;
let page;

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.QT_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
});
after(async () => { await browser?.close(); });

const CASES = [
  ['text010 paragraphs are blocks joined by a blank line', '<p>One.</p><p>Two.</p>', 'One.\n\nTwo.'],
  ['text020 br is a line break, two br a paragraph break', '<p>a<br>b<br><br>c</p>', 'a\nb\n\nc'],
  ['text030 inline elements do not split words', '<p>ab<b>cd</b><i>ef</i> gh</p>', 'abcdef gh'],
  ['text040 whitespace runs collapse to one space', '<p>  one \n\t two   three  </p>', 'one two three'],
  ['text050 space between inline siblings is kept', '<p><span>one</span> <span>two</span></p>', 'one two'],
  ['text060 page chrome and hidden content are skipped', '<nav>menu</nav><header>top</header><p>body</p><aside>side</aside><p hidden>no</p><p style="display:none">no</p><footer>end</footer>', 'body'],
  ['text070 scripts, styles and templates are skipped', '<p>a</p><script>var x = 1</script><style>p{}</style><template><p>t</p></template><p>b</p>', 'a\n\nb'],
  ['text080 divs and list items are blocks', '<div>x<div>y</div>z</div><ul><li>i</li><li>j</li></ul>', 'x\n\ny\n\nz\n\ni\n\nj'],
  ['text090 our own badge hosts are skipped', '<p>said X.<qt-badge>badge</qt-badge> Next.</p>', 'said X. Next.'],
  ['text100 curly quotes and non-BMP characters keep UTF-16 offsets', '<p>“Ça va 😀,” she said.</p>', '“Ça va 😀,” she said.'],
  ['text110 pre keeps its lines', '<pre>line one\nline two</pre>', 'line one\nline two'],
  ['text120 table cells do not run together', '<table><tr><td>a</td><td>b</td></tr></table>', 'a\n\nb'],
];

for (const [name, html, expected] of CASES) {
  test(name, async () => {
    await page.setContent(`<!doctype html><body>${html}</body>`);
    await page.addScriptTag({ path: SCRIPT });
    const { text, checked } = await page.evaluate(() => {
      const collected = collectPageText(document.body);
      // Every word's offsets map back to a Range with the same text.
      let checked = 0;
      for (const m of collected.text.matchAll(/\S+/g)) {
        const range = qtRangeForOffsets(collected, m.index, m.index + m[0].length);
        if (range === null || range.toString() !== m[0]) throw new Error(`word ${m[0]} at ${m.index} maps to ${range}`);
        checked += 1;
      }
      return { text: collected.text, checked };
    });
    assert.equal(text, expected);
    assert.ok(checked > 0);
  });
}

test('text200 a span across blocks maps to a Range from the first to the last word', async () => {
  await page.setContent('<!doctype html><body><p>“First part</p><p>second part.”</p></body>');
  await page.addScriptTag({ path: SCRIPT });
  const out = await page.evaluate(() => {
    const c = collectPageText(document.body);
    const start = c.text.indexOf('First');
    const end = c.text.indexOf('.”') + 1;
    return qtRangeForOffsets(c, start, end).toString();
  });
  assert.equal(out, 'First partsecond part.'); // Range text has no block break; the words are right
});

test('text210 bad offsets throw; a page changed since collection gives null', async () => {
  await page.setContent('<!doctype html><body><p>Hello world, said someone.</p></body>');
  await page.addScriptTag({ path: SCRIPT });
  const out = await page.evaluate(() => {
    const c = collectPageText(document.body);
    const errors = [];
    for (const [s, e] of [[-1, 3], [3, 3], [0, 999], [1.5, 4]]) {
      try { qtRangeForOffsets(c, s, e); } catch (err) { errors.push(err instanceof RangeError); }
    }
    document.querySelector('p').firstChild.data = 'Goodbye world, said someone.';
    return { errors, changed: qtRangeForOffsets(c, 0, 5) };
  });
  assert.deepEqual(out, { errors: [true, true, true, true], changed: null });
});
