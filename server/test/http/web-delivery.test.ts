import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import { testConfig } from '../support/test-app';

/**
 * How the built web app goes over the wire: a small build laid out as Vite writes it (hashed assets, the
 * two pages, the field app's manifest and service worker), precompressed by the build's own script, served
 * by the app. Serving files touches no database.
 */

const PRECOMPRESS = fileURLToPath(new URL('../../../web/scripts/precompress.mjs', import.meta.url));
// Big enough to compress, and recognisable once decompressed.
const script = `console.log(${JSON.stringify('Saferhood '.repeat(200))});\n`;
const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body>${'<div></div>'.repeat(100)}</body></html>`;
const FILES: Record<string, string> = {
  'index.html': page('office'),
  'field/index.html': page('field'),
  'field/sw.js': script,
  'field/manifest.webmanifest': JSON.stringify({ name: 'Saferhood', icons: Array.from({ length: 40 }, (_, index) => ({ src: `icon-${index}.png` })) }),
  'assets/main-BCtbHhZL.js': script,
  'assets/main-CJOisCqb.css': `body { margin: 0 }\n${'.a { color: red }\n'.repeat(100)}`,
  'assets/tiny-Dc4zlUqM.js': 'export {};\n',
};

let root: string;
let app: FastifyInstance;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saferhood-web-'));
  for (const [path, content] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  await promisify(execFile)(process.execPath, [PRECOMPRESS, root]);
  app = await buildApp({ config: testConfig(), database: {} as Database, serveWebApp: true, webRoot: root });
});
afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('web app delivery', () => {
  it('sends brotli to a browser that accepts it, the same bytes as the file', async () => {
    const response = await get('/assets/main-BCtbHhZL.js', 'gzip, deflate, br, zstd');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a browser that accepts gzip but not brotli', async () => {
    const response = await get('/assets/main-CJOisCqb.css', 'gzip, deflate');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toMatch(/^text\/css/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(response.rawPayload).toString()).toBe(FILES['assets/main-CJOisCqb.css']);
  });

  it('sends the file as it is when no encoding is accepted, still saying it varies', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const response = await get('/assets/main-BCtbHhZL.js', acceptEncoding);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.body).toBe(script);
    }
  });

  it('sends a file too small to be worth compressing as it is', async () => {
    const response = await get('/assets/tiny-Dc4zlUqM.js', 'br, gzip');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(FILES['assets/tiny-Dc4zlUqM.js']);
  });

  it('lets a browser keep hashed assets for good, compressed or not', async () => {
    for (const acceptEncoding of ['br', 'gzip', 'identity']) {
      for (const url of ['/assets/main-BCtbHhZL.js', '/assets/main-CJOisCqb.css', '/assets/tiny-Dc4zlUqM.js']) {
        expect((await get(url, acceptEncoding)).headers['cache-control'], `${url} ${acceptEncoding}`).toBe('public, max-age=31536000, immutable');
      }
    }
  });

  it('has pages, the manifest and the service worker checked on every load, compressed too', async () => {
    const cases: [string, string][] = [
      ['/', page('office')],
      ['/sign-in', page('office')],
      ['/users/123', page('office')],
      ['/field/', page('field')],
      ['/field/records', page('field')],
      ['/field/sw.js', script],
      ['/field/manifest.webmanifest', FILES['field/manifest.webmanifest']!],
    ];
    for (const [url, content] of cases) {
      const response = await get(url, 'br');
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(content);
      const plain = await get(url);
      expect(plain.headers['cache-control'], url).toBe('no-cache');
      expect(plain.body, url).toBe(content);
    }
    expect((await get('/field/manifest.webmanifest', 'gzip')).headers['content-type']).toMatch(/^application\/manifest\+json/);
  });

  it('answers a missing file with 404, not a page', async () => {
    const response = await get('/assets/gone-AAAAAAAA.js', 'br');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
