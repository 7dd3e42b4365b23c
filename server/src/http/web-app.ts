import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the built web app, if built; any other GET of a page falls back to index.html (client routing).
 * The field app is a second entry under /field (its own page, service worker and scope): pages below
 * /field fall back to field/index.html.
 */
export async function registerWebApp(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(WEB_DIST + 'index.html')) {
    app.log.warn({ dir: WEB_DIST }, 'web app not built (npm run build): serving the API only');
    return false;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    wildcard: true,
    index: false,
    // Hashed bundles may be cached for long; index.html names the current ones and must not be.
    maxAge: '7d',
    setHeaders: (response, path) => {
      // Pages, the manifest and the service worker name the current hashed bundles: never cached.
      if (/(index\.html|\.webmanifest|sw\.js|workbox-[^/]*\.js)$/.test(path)) response.header('cache-control', 'no-cache');
    },
  });
  // The static wildcard would treat "/" as a directory listing; the app's entry page answers instead.
  for (const url of ['/', '/field/']) {
    app.get(url, { schema: { hide: true }, config: { access: 'public' } }, (request, reply) =>
      // The router treats /field like /field/, but the field app's service worker serves only /field/ and below.
      request.url.split('?')[0] === '/field' ? reply.redirect('/field/', 301) : sendWebApp(reply, url),
    );
  }
  return true;
}

/** Is this a browser asking for a page (not the API, not a file)? */
export function isPageRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
}

const FIELD_APP = /^\/field(\/|$)/;

export function sendWebApp(reply: FastifyReply, path = '/'): FastifyReply {
  const page = FIELD_APP.test(path) && existsSync(WEB_DIST + 'field/index.html') ? 'field/index.html' : 'index.html';
  // The page must never be cached: it names the current hashed bundles.
  return reply.header('cache-control', 'no-cache').sendFile(page);
}
