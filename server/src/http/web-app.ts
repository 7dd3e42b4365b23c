import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build -w web` writes the app. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Vite's content-hashed output (assets/name-[hash].ext): a new build gives a changed file a new name. */
const HASHED_ASSET = /[\\/]assets[\\/][^/\\]+-[\w-]{8}\.\w+$/;
/** What the build precompresses (web/scripts/precompress.mjs) stands beside its original as .br and .gz. */
const COMPRESSED_SUFFIX = /\.(br|gz)$/;

/**
 * How long a browser may keep a file: hashed assets for good (their name changes with their content);
 * everything else — pages, the manifest, the service worker and its workbox runtime, icons — is checked
 * each time, since it names the current hashed assets or has a fixed name.
 */
export function cacheControlOf(path: string): string {
  return HASHED_ASSET.test(path.replace(COMPRESSED_SUFFIX, '')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built web app, if built; any other GET of a page falls back to index.html (client routing).
 * The field app is a second entry under /field (its own page, service worker and scope): pages below
 * /field fall back to field/index.html. Files come precompressed (brotli, else gzip, as the browser
 * accepts, with `Vary: Accept-Encoding`): the build writes the .br and .gz once, no CPU per request.
 */
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST): Promise<SendWebApp | null> {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ dir: root }, 'web app not built (npm run build): serving the API only');
    return null;
  }
  const sendWebApp = makeSendWebApp(root);
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: false,
    preCompressed: true,
    // Our own Cache-Control below, per file.
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', cacheControlOf(path));
    },
  });
  // The static wildcard would treat "/" as a directory listing; the app's entry page answers instead.
  for (const url of ['/', '/field/']) {
    app.get(url, { schema: { hide: true }, config: { access: 'public' } }, (request, reply) =>
      // The router treats /field like /field/, but the field app's service worker serves only /field/ and below.
      request.url.split('?')[0] === '/field' ? reply.redirect('/field/', 301) : sendWebApp(reply, url),
    );
  }
  return sendWebApp;
}

/** Is this a browser asking for a page (not the API, not a file)? */
export function isPageRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
}

const FIELD_APP = /^\/field(\/|$)/;

/** Answers a page request with the office app's page, or the field app's below /field. */
export type SendWebApp = (reply: FastifyReply, path?: string) => FastifyReply;

function makeSendWebApp(root: string): SendWebApp {
  const hasFieldApp = existsSync(join(root, 'field/index.html'));
  // The page must never be cached: it names the current hashed bundles (setHeaders says no-cache).
  return (reply, path = '/') => reply.sendFile(FIELD_APP.test(path) && hasFieldApp ? 'field/index.html' : 'index.html');
}
