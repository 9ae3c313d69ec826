// dev.js — the developer page: scan pasted text or a bundled sample with the wasm core running
// right here (extension pages allow 'wasm-unsafe-eval'), and show every finding with timings.
// `dev.html?sample=<file>` loads and scans that sample on open (used by the browser tests).
//
// Samples: samples/index.txt lists the files. A sample is a document of the corpus the bundled
// ledger was built from, so loading one sets the document id (its file name without ".txt", the
// id the ledger knows it by): the core then recognises it as that document, as it would a page by
// its outlet and date.

import { getEngine } from './engine.js';
import { renderFindingsTable } from './findings-table.js';

const $ = (id) => document.getElementById(id);
const META_FIELDS = ['url', 'outlet', 'published', 'title', 'id'];

main().catch((err) => status(`Error: ${err.message}`));

async function main() {
  const loadStarted = performance.now();
  const engine = await getEngine().catch((err) => {
    $('ledger').textContent = `Core failed to load: ${err.message}`;
    throw err;
  });
  const info = engine.info();
  $('ledger').textContent = `Ledger ${info.format ?? ''} version ${info.version}: ${info.entries} entries; ` +
    'core and ledger loaded in ' +
    `${(performance.now() - loadStarted).toFixed(1)} ms`;

  const samples = await listSamples();
  for (const name of samples) $('sample').append(new Option(name, name));
  $('sample').addEventListener('change', () => loadSample($('sample').value).catch(reportError));
  $('scan').addEventListener('click', () => scan(engine));

  const wanted = new URLSearchParams(location.search).get('sample');
  if (wanted) {
    if (!samples.includes(wanted)) throw new Error(`no bundled sample named ${JSON.stringify(wanted)}`);
    $('sample').value = wanted;
    await loadSample(wanted);
    scan(engine);
  }
}

async function listSamples() {
  const response = await fetch('samples/index.txt');
  if (!response.ok) return [];
  return (await response.text()).split('\n').map((line) => line.trim()).filter((line) => line.endsWith('.txt'));
}

async function loadSample(name) {
  if (!name) return;
  const response = await fetch(`samples/${encodeURIComponent(name)}`);
  if (!response.ok) throw new Error(`cannot read sample ${name}: status ${response.status}`);
  $('text').value = await response.text();
  for (const field of META_FIELDS) $(`meta-${field}`).value = '';
  $('meta-id').value = name.replace(/\.txt$/, '');
}

function scan(engine) {
  const text = $('text').value;
  const meta = {};
  for (const field of META_FIELDS) meta[field] = $(`meta-${field}`).value.trim() || null;
  try {
    const started = performance.now();
    const result = engine.scan(text, meta);
    const ms = performance.now() - started;
    renderFindingsTable($('findings'), result.quotes);
    status(`${result.quotes.length} findings in ${ms.toFixed(2)} ms (${text.length} UTF-16 units)`);
  } catch (err) {
    reportError(err);
  }
}

function reportError(err) {
  status(`Error: ${err.message}`);
}

function status(text) {
  $('status').textContent = text;
}
