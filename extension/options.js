// options.js — the options page: ledger sizes, import/export of the personal ledger, "learn as I
// read", sites where quotetrace never runs, and "Clear all".
//
// The personal ledger lives in the service worker's engine (it traces every page), so ledger
// operations are messages to it (info, importLedger, exportPersonal, clearAll); settings are
// written straight to chrome.storage.local (settings.js). Export builds a Blob and an object URL:
// the file never touches the network. Every message has a .catch; errors are shown, never thrown.

import { readSettings, writeSettings, parseHostList } from './settings.js';
import { bytesToBase64 } from './base64.js';

const $ = (id) => document.getElementById(id);

main().catch((err) => { $('bundled').textContent = `cannot read the settings: ${err.message}`; });

async function main() {
  await Promise.all([showLedgers(), showSettings()]);
  $('import').addEventListener('change', () => importFile($('import').files?.[0]));
  $('export').addEventListener('click', () => exportPersonal());
  $('learn').addEventListener('change', () => saveSetting({ learn: $('learn').checked }));
  $('save-never-run').addEventListener('click', () => saveNeverRun());
  $('clear-all').addEventListener('click', () => clearAll());
}

/** Sends to the worker; resolves to the reply, or {error} when it failed or the worker is gone. */
function ask(message) {
  return chrome.runtime.sendMessage(message).catch((err) => ({ error: err.message }));
}

async function showLedgers() {
  const reply = await ask({ type: 'info' });
  if (reply?.error) {
    $('bundled').textContent = `unavailable (${reply.error})`;
    return;
  }
  const { info } = reply;
  $('bundled').textContent = `${info.format ?? 'quotetrace-ledger'} version ${info.version}, ${info.entries} entries`;
  $('personal').textContent = `${info.personalEntries} entries`;
  $('personal').dataset.entries = String(info.personalEntries);
}

async function showSettings() {
  const settings = await readSettings();
  $('learn').checked = settings.learn;
  $('never-run').value = settings.neverRun.join('\n');
}

async function saveSetting(change) {
  const settings = { ...(await readSettings()), ...change };
  await writeSettings(settings).catch((err) => { $('never-run-status').textContent = `Not saved: ${err.message}`; });
}

async function importFile(file) {
  const status = $('import-status');
  if (!file) return;
  status.className = '';
  status.textContent = `Importing ${file.name}…`;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reply = await ask({ type: 'importLedger', base64: bytesToBase64(bytes) });
    if (reply?.error) throw new Error(reply.error);
    status.className = 'ok';
    status.textContent = `Imported ${file.name}: the personal ledger now has ${reply.personalEntries} entries.`;
  } catch (err) {
    status.className = 'error';
    status.textContent = `${file.name} was not imported, nothing changed: ${err.message}`;
  } finally {
    $('import').value = '';
    await showLedgers();
  }
}

async function exportPersonal() {
  const reply = await ask({ type: 'exportPersonal' });
  const status = $('import-status');
  if (reply?.error) {
    status.className = 'error';
    status.textContent = `Cannot export: ${reply.error}`;
    return;
  }
  const url = URL.createObjectURL(new Blob([reply.text], { type: 'application/jsonl' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `quotetrace-personal-${new Date().toISOString().slice(0, 10)}.jsonl`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000); // the download has long started by then
}

async function saveNeverRun() {
  const { hosts, rejected } = parseHostList($('never-run').value);
  const status = $('never-run-status');
  try {
    await writeSettings({ ...(await readSettings()), neverRun: hosts });
    $('never-run').value = hosts.join('\n');
    status.className = rejected.length ? 'error' : 'ok';
    status.textContent = `Saved ${hosts.length} site${hosts.length === 1 ? '' : 's'}` +
      (rejected.length ? `; not host names, left out: ${rejected.join(', ')}` : '.');
  } catch (err) {
    status.className = 'error';
    status.textContent = `Not saved: ${err.message}`;
  }
}

async function clearAll() {
  const reply = await ask({ type: 'clearAll' });
  $('clear-status').className = reply?.error ? 'error' : 'ok';
  $('clear-status').textContent = reply?.error ? `Not cleared: ${reply.error}` : 'Cleared.';
  await Promise.all([showLedgers(), showSettings()]);
}
