// bundle-worker.mjs — rewrites DIST/background.js (the service worker, an ES module) as one file
// holding it and every module it imports, so a stopped worker loads one script instead of a graph of
// eleven modules four imports deep. Called by build.sh; the sources in extension/ stay modules (the
// popup, options and dev pages import them one by one, and dist/ keeps those files).
//
//   node tools/bundle-worker.mjs dist
//
// Why: on a cold start the worker spent 21-54 ms between its global's creation and the first module's
// evaluation, before the engine load could begin (tests/bench/first-badge-stages.mjs, `glue`);
// docs/FIGURES.md has the paired measurements.
//
// What it does, and refuses: modules are concatenated in evaluation order (depth-first, imports
// before importers, each once), with their `import` statements removed and `export` keywords
// dropped, so each module's top-level names become the bundle's. That is only sound when
// every import is a static `import {a, b} from './x.js'` (or a default / bare import) of a module
// that exports those very names, and no two modules declare the same top-level name: anything else
// (renaming imports, `export *`, dynamic import, a name clash, which `node --check` reports) fails
// the build rather than producing a worker that behaves differently. `import.meta.url` keeps
// meaning the same directory: every bundled module's URLs are relative to dist/ or dist/pkg/, and
// the only one under pkg/ (the wasm-bindgen glue) uses it only as a default the engine overrides.
// Each module's text starts after a `// ---- <path>` line (first-badge-stages.mjs patches by it).

import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

const IMPORT = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}\s*)?(?:from\s+)?['"](\.{1,2}\/[^'"]+)['"];?[^\n]*$/gm;
const EXPORT_LIST = /^export\s*\{([^}]*)\};?\s*$/gm;

function bundle(dist, entry) {
  const order = [];
  const seen = new Set();
  const exportsOf = new Map(); // file -> Set of exported names ('default' maps to a local name)
  const defaults = new Map(); // file -> local name of its default export
  const visit = (file, from) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(path.join(dist, file), 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, ''); // comments may mention import()
    if (/\bimport\s*\(/.test(code)) throw new Error(`${file}: dynamic import() cannot be bundled`);
    if (/^export\s*\*/m.test(source)) throw new Error(`${file}: export * cannot be bundled`);
    const imports = [];
    for (const m of source.matchAll(IMPORT)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[3]));
      imports.push({ target, def: m[1] ?? null, names: (m[2] ?? '').split(',').map((n) => n.trim()).filter(Boolean) });
    }
    const stray = source.match(/^import\s[^\n]*$/gm)?.filter((line) => !new RegExp(IMPORT.source).test(line));
    if (stray?.length) throw new Error(`${file}: import the bundler does not understand: ${stray[0]}`);
    for (const { target } of imports) visit(target, file);
    const names = new Set();
    for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|class|const|let|var)\s+(\w+)/gm)) names.add(m[1]);
    for (const m of source.matchAll(/^export\s+default\s+(?:async\s+)?(?:function|class)\s+(\w+)/gm)) defaults.set(file, m[1]);
    for (const m of source.matchAll(EXPORT_LIST)) {
      for (const item of m[1].split(',').map((s) => s.trim()).filter(Boolean)) {
        const [local, exported = local] = item.split(/\s+as\s+/);
        if (exported === 'default') defaults.set(file, local);
        else if (exported !== local) throw new Error(`${file}: export renaming ${item} cannot be bundled`);
        else names.add(local);
      }
    }
    exportsOf.set(file, names);
    order.push({ file, source, imports, from });
  };
  visit(entry, null);

  const aliases = []; // `const init = __wbg_init;` for default imports under another name
  for (const { file, imports } of order) {
    for (const { target, def, names } of imports) {
      for (const name of names) {
        if (/\sas\s/.test(name)) throw new Error(`${file}: import renaming ${name} cannot be bundled`);
        if (!exportsOf.get(target).has(name)) throw new Error(`${file}: ${target} does not export ${name}`);
      }
      if (def !== null) {
        const local = defaults.get(target);
        if (!local) throw new Error(`${file}: ${target} has no default export`);
        if (local !== def) aliases.push({ before: file, line: `const ${def} = ${local};` });
      }
    }
  }
  const parts = [`// The service worker: ${order.map((o) => o.file).join(', ')} in one file (tools/bundle-worker.mjs,`,
    '// run by build.sh). Edit the modules in extension/, never this file.'];
  for (const { file, source } of order) {
    let text = source.replace(IMPORT, '').replace(EXPORT_LIST, '')
      .replace(/^export\s+default\s+/gm, '').replace(/^export\s+/gm, '');
    const own = aliases.filter((a) => a.before === file).map((a) => a.line);
    if (own.length) text = `${own.join('\n')}\n${text}`;
    parts.push(`// ---- ${file}`, text);
  }
  return parts.join('\n');
}

const dist = process.argv[2];
if (!dist) throw new Error('usage: node tools/bundle-worker.mjs DIST');
const text = bundle(dist, 'background.js');
// A clash of top-level names (or any syntax slip) is an early error of the module: check it here.
const dir = mkdtempSync(path.join(tmpdir(), 'qt-bundle-'));
try {
  writeFileSync(path.join(dir, 'background.mjs'), text);
  execFileSync(process.execPath, ['--check', path.join(dir, 'background.mjs')], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(path.join(dist, 'background.js'), text);
