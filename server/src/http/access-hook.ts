import { canSome, type Role } from '@saferhood/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSameSecret, resolveSession, SESSION_COOKIE } from '../modules/auth/index';
import { AppError } from './app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The gate every request passes: who is calling (session cookie), is a cookie-authenticated write
 * carrying the session's CSRF token, and may this role use this route at all. Finer checks (own
 * records, conditions) stay in the services.
 */
export function registerAccessHook(app: FastifyInstance): void {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    // Unmatched URLs (404s, the web app's files) have no access rule; public routes need no session.
    if (access === undefined || access === 'public') return;
    request.auth = await authenticate(app, request);
    if (!request.auth) throw new AppError('unauthenticated');
    if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config.skipCsrf) {
      if (!isSameSecret(request.auth.csrfToken, headerValue(request.headers['x-csrf-token']))) {
        throw new AppError('csrf_failed');
      }
    }
    if (access !== 'authenticated' && !canSome(request.auth.user.role as Role, access)) throw new AppError('forbidden');
  });
}

function authenticate(app: FastifyInstance, request: FastifyRequest) {
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? resolveSession(app.database.db, app.config, cookie) : Promise.resolve(null);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
