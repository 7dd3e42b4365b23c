// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build (JavaScript, CSS, HTML,
// SVG, JSON, the web manifest), once, at the highest levels: the server sends them as they are
// (@fastify/static `preCompressed`), so no request pays for compression. A copy that would not be smaller
// is not written. Last, it writes .build-stamp (see build-if-stale.mjs). Run after `vite build`; the argument is the build's folder (web/dist by default).
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest)$/;
const MIN_BYTES = 512;
const dist = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../dist/', import.meta.url));
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (COMPRESSIBLE.test(entry.name)) yield path;
  }
}

async function compress(path) {
  const original = await readFile(path);
  if (original.length < MIN_BYTES) return [0, 0, 0];
  const [br, gz] = await Promise.all([
    brotli(original, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: original.length } }),
    gzipAsync(original, { level: 9 }),
  ]);
  if (br.length < original.length) await writeFile(`${path}.br`, br);
  if (gz.length < original.length) await writeFile(`${path}.gz`, gz);
  return [original.length, Math.min(br.length, original.length), Math.min(gz.length, original.length)];
}

const started = performance.now();
if (!(await stat(dist).catch(() => null))?.isDirectory()) throw new Error(`${dist} is not a build folder`);
const totals = [0, 0, 0];
const files = [];
for await (const path of walk(dist)) files.push(path);
// A few at a time: zlib runs on libuv's thread pool.
for (let index = 0; index < files.length; index += 4) {
  for (const sizes of await Promise.all(files.slice(index, index + 4).map(compress))) sizes.forEach((size, at) => (totals[at] += size));
}
// The build's last step: scripts/build-if-stale.mjs compares the sources with this file's time.
await writeFile(join(dist, '.build-stamp'), `${new Date().toISOString()}\n`);
const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
console.log(
  `precompressed ${files.length} files in ${Math.round(performance.now() - started)} ms: ${kb(totals[0])} → brotli ${kb(totals[1])}, gzip ${kb(totals[2])}`,
);
