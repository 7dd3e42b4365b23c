// The field app's bundle budget (issue 4): the gzipped size of all JavaScript /field loads before its
// first screen is usable — the entry chunk and everything it imports statically, read from Vite's
// manifest. Lazy chunks (the map) are listed apart and do not count. Run after `vite build`; the argument
// is the build's folder (web/dist by default).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;
const dist = process.argv[2] ? pathToFileURL(resolve(process.argv[2]) + '/') : new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
const ENTRY = 'field/index.html';
if (!manifest[ENTRY]) throw new Error(`${ENTRY} is not in the Vite manifest: is it an input of the build?`);

const gzipped = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const initial = new Map();
const css = new Set();
const lazyKeys = new Set();
function visitStatic(key) {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.set(chunk.file, gzipped(chunk.file));
  for (const file of chunk.css ?? []) css.add(file);
  for (const next of chunk.imports ?? []) visitStatic(next);
  for (const next of chunk.dynamicImports ?? []) lazyKeys.add(next);
}
visitStatic(ENTRY);

const lazy = new Map();
function visitLazy(key) {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file) || lazy.has(chunk.file)) return;
  lazy.set(chunk.file, gzipped(chunk.file));
  for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visitLazy(next);
}
for (const key of lazyKeys) visitLazy(key);

const total = [...initial.values()].reduce((sum, size) => sum + size, 0);
console.log('Field app (/field): JavaScript loaded before the first screen, gzipped');
for (const [file, size] of initial) console.log(`  ${kb(size).padStart(9)}  ${file}`);
console.log(`  ${kb(total).padStart(9)}  total (budget ${kb(BUDGET_BYTES)})`);
console.log(`  CSS: ${[...css].map((file) => `${file} ${kb(gzipped(file))}`).join(', ') || 'none'}`);
console.log('Lazy, loaded only when used (not counted):');
for (const [file, size] of lazy) console.log(`  ${kb(size).padStart(9)}  ${file}`);
if (total > BUDGET_BYTES) {
  console.error(`Over budget by ${kb(total - BUDGET_BYTES)}.`);
  process.exit(1);
}
