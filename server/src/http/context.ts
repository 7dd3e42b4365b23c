import type { ErrorCode, Permission } from '@saferhood/contracts';
import type { FastifySchema } from 'fastify';
import type { Database } from '../db/database';
import type { TenantRow, UserRow } from '../db/schema';
import type { Config } from '../config';
import type { ImportSlots } from './import-guard';

/** Who is calling: resolved from the session cookie before anything else runs. */
export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
  tenant: TenantRow;
}

/**
 * What a route needs to be let in: a permission (`resource:action`), `authenticated` (any signed-in
 * user, e.g. their own profile) or `public` (health, sign-in). Every route declares one; a test fails
 * for a route that does not.
 */
export type RouteAccess = Permission | 'authenticated' | 'public';

/** A route as registered, with the access it declared (undefined is a bug a test catches). */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** Its request schemas (zod: body, params, querystring), from which tests generate bad requests. */
  schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    declaredRoutes: readonly DeclaredRoute[];
    /** Import slots of this process (IMPORT_CONCURRENCY), see http/import-guard.ts. */
    importSlots: ImportSlots;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Cookie-authenticated writes need the CSRF token; sign-in, which has no session yet, opts out. */
    skipCsrf?: boolean;
    /**
     * Problem codes this route answers beyond the generic ones its shape implies (see `problemsOf` in
     * http/openapi.ts), e.g. `['record_locked']`; they go into the OpenAPI document and its contract test.
     */
    problems?: readonly ErrorCode[];
  }
}

/** The signed-in caller, for routes whose access is not `public`. */
export function requireAuth(request: { auth: AuthContext | null }): AuthContext {
  if (!request.auth) throw new Error('requireAuth on a public route: the access hook should have refused it');
  return request.auth;
}
