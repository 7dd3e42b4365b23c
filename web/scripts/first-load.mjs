// What a page loads before its first screen, read from Vite's manifest: the entry chunk and everything it
// imports statically (gzipped, level 9), plus any lazy chunks the caller names (the page's language
// catalogue, the sign-in route). Lazy chunks reachable from there are listed apart and do not count.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The build's folder as a URL: the argument if given, else web/dist. */
export function distOf(argument) {
  return argument ? pathToFileURL(resolve(argument) + '/') : new URL('../dist/', import.meta.url);
}

/**
 * @param {URL} dist the build folder
 * @param {string} entry the page's key in the manifest (index.html, field/index.html)
 * @param {(key: string) => boolean} [alsoLoaded] lazy chunks the page loads before its first screen anyway
 */
export function measureFirstLoad(dist, entry, alsoLoaded = () => false) {
  const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'));
  if (!manifest[entry]) throw new Error(`${entry} is not in the Vite manifest: is it an input of the build?`);
  const gzipped = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;

  const initial = new Map();
  const css = new Set();
  const lazyKeys = new Set();
  function visitStatic(key) {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.set(chunk.file, gzipped(chunk.file));
    for (const file of chunk.css ?? []) css.add(file);
    for (const next of chunk.imports ?? []) visitStatic(next);
    for (const next of chunk.dynamicImports ?? []) {
      if (alsoLoaded(next)) visitStatic(next);
      else lazyKeys.add(next);
    }
  }
  visitStatic(entry);

  const lazy = new Map();
  function visitLazy(key) {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file) || lazy.has(chunk.file)) return;
    lazy.set(chunk.file, gzipped(chunk.file));
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visitLazy(next);
  }
  for (const key of lazyKeys) visitLazy(key);

  const total = [...initial.values()].reduce((sum, size) => sum + size, 0);
  return { initial, lazy, total, css: [...css].map((file) => [file, gzipped(file)]) };
}

/** Prints the figures; exits 1 over budget. */
export function report(title, { initial, lazy, total, css }, budgetBytes) {
  console.log(title);
  for (const [file, size] of initial) console.log(`  ${kb(size).padStart(9)}  ${file}`);
  console.log(`  ${kb(total).padStart(9)}  total (budget ${kb(budgetBytes)})`);
  console.log(`  CSS: ${css.map(([file, size]) => `${file} ${kb(size)}`).join(', ') || 'none'}`);
  const lazyTotal = [...lazy.values()].reduce((sum, size) => sum + size, 0);
  console.log(`Lazy, loaded only when used (not counted): ${lazy.size} chunks, ${kb(lazyTotal)}`);
  for (const [file, size] of [...lazy].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${kb(size).padStart(9)}  ${file}`);
  if (total > budgetBytes) {
    console.error(`Over budget by ${kb(total - budgetBytes)}.`);
    process.exitCode = 1;
  }
}
