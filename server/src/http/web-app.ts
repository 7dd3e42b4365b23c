import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Serves the built web app, if built; any other GET of a page falls back to index.html (client routing). */
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
      if (path.endsWith('index.html') || path.endsWith('.webmanifest')) response.header('cache-control', 'no-cache');
    },
  });
  // The static wildcard would treat "/" as a directory listing; the app's entry page answers instead.
  app.get('/', { schema: { hide: true }, config: { access: 'public' } }, (_request, reply) => sendWebApp(reply));
  return true;
}

/** Is this a browser asking for a page (not the API, not a file)? */
export function isPageRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
}

export function sendWebApp(reply: FastifyReply): FastifyReply {
  // index.html must never be cached: it names the current hashed bundles.
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
