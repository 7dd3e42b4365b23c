import type { FastifyInstance } from 'fastify';

const API_PREFIX = '/api/v1/';

/**
 * Every answer of the API is `Cache-Control: no-store`: its routes carry a person's data (and `/me`
 * and sign-in the CSRF token), so no browser cache, proxy or shared device may keep a copy. One hook,
 * not a header per route; it covers refusals (401, 404) too. The public sign-in is included on purpose.
 */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith(API_PREFIX)) reply.header('cache-control', 'no-store');
    return payload;
  });
}
