import type { FastifyRequest } from 'fastify';

/**
 * What a log line says about a request: method, path and route pattern. Never the query string
 * (`/localities/at?lon=&lat=` is where an assistant stands), headers (cookies, CSRF token) or the
 * client's address (personal data; sign-in throttling keeps addresses for a day, in the database).
 */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: request.url.split('?')[0], route: request.routeOptions?.url };
}
