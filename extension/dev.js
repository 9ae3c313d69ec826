// dev.js — the developer page: scan pasted text or a bundled sample with the wasm core running
// right here (extension pages allow 'wasm-unsafe-eval'), and show every finding with timings.
// `dev.html?sample=<file>` loads and scans that sample on open (used by the browser tests).
//
// Samples: samples/index.txt lists the files; samples/articles.jsonl, when the build ships it,
// supplies each sample's metadata (outlet, published, url, title) to prefill the fields.

import { getEngine } from './engine.js';
import { renderFindingsTable } from './findings-table.js';

const $ = (id) => document.getElementById(id);
const META_FIELDS = ['url', 'outlet', 'published', 'title'];

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
  const sampleMeta = await readSampleMeta();
  for (const name of samples) $('sample').append(new Option(name, name));
  $('sample').addEventListener('change', () => loadSample($('sample').value, sampleMeta).catch(reportError));
  $('scan').addEventListener('click', () => scan(engine));

  const wanted = new URLSearchParams(location.search).get('sample');
  if (wanted) {
    if (!samples.includes(wanted)) throw new Error(`no bundled sample named ${JSON.stringify(wanted)}`);
    $('sample').value = wanted;
    await loadSample(wanted, sampleMeta);
    scan(engine);
  }
}

async function listSamples() {
  const response = await fetch('samples/index.txt');
  if (!response.ok) return [];
  return (await response.text()).split('\n').map((line) => line.trim()).filter((line) => line.endsWith('.txt'));
}

// Map file name -> metadata record; empty when the build ships no samples/articles.jsonl.
async function readSampleMeta() {
  const byFile = new Map();
  const response = await fetch('samples/articles.jsonl').catch(() => null);
  if (!response?.ok) return byFile;
  for (const line of (await response.text()).split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line);
      if (typeof record.file === 'string') byFile.set(record.file, record);
    } catch (err) {
      console.debug('dev: bad articles.jsonl line', err.message);
    }
  }
  return byFile;
}

async function loadSample(name, sampleMeta) {
  if (!name) return;
  const response = await fetch(`samples/${encodeURIComponent(name)}`);
  if (!response.ok) throw new Error(`cannot read sample ${name}: status ${response.status}`);
  $('text').value = await response.text();
  const record = sampleMeta.get(name) ?? {};
  for (const field of META_FIELDS) $(`meta-${field}`).value = record[field] ?? '';
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
